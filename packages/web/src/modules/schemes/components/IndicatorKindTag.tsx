import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IndicatorKind } from '@baton/contract/schemes';

const KIND_COLORS: Record<IndicatorKind, string> = { key: 'geekblue', regular: 'default', dynamic: 'purple' };

/** An indicator's kind (重点 · 常规 · 动态) in its colour. */
export function IndicatorKindTag({ kind }: { kind: IndicatorKind | null | undefined }) {
  const { t } = useTranslation();
  if (!kind) return null;
  return (
    <Tag color={KIND_COLORS[kind]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {t(`schemes.indicatorKind.${kind}`)}
    </Tag>
  );
}
