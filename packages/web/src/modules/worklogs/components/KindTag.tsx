import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkLogKind } from '@baton/contract/worklogs';
import { KIND_COLORS } from '../worklogs.model';

export function KindTag({ kind }: { kind: WorkLogKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }} data-testid="kind-tag">
      {t(`worklogs.kinds.${kind}`)}
    </Tag>
  );
}
