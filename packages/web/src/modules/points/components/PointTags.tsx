import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PointEventStatus, PointSource } from '@baton/contract/points';

const STATUS_COLORS: Record<PointEventStatus, string> = { proposed: 'gold', approved: 'green', rejected: 'default' };

export function EventStatusTag({ status, reversed }: { status: PointEventStatus; reversed?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: reversed ? 4 : 0 }}>
        {t(`points.statuses.${status}`)}
      </Tag>
      {reversed ? <Tag color="purple" style={{ marginInlineEnd: 0 }}>{t('points.reversed')}</Tag> : null}
    </>
  );
}

export function SourceTag({ source }: { source: PointSource | null | undefined }) {
  const { t } = useTranslation();
  if (!source) return null;
  return (
    <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
      {t(`points.sources.${source}`, { defaultValue: source })}
    </Tag>
  );
}
