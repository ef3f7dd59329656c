import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PointEventStatus, PointSource, Period } from '../points.api';
import { formatPoints } from '../../../shared/scores';

/** A delta with its sign, green for additions and red for deductions (the colors of 红黑榜). */
export function PointsValue({ value, strong, size }: { value: number | null | undefined; strong?: boolean; size?: number }) {
  const color = value === null || value === undefined || value === 0 ? undefined : value > 0 ? '#2f7d4f' : '#c8372d';
  return (
    <Typography.Text strong={strong} className="nowrap points-value" style={{ color, fontSize: size, fontVariantNumeric: 'tabular-nums' }}>
      {formatPoints(value)}
    </Typography.Text>
  );
}

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

const PERIOD_COLORS: Record<Period['state'], string> = { draft: 'default', open: 'processing', reviewing: 'gold', publicity: 'purple', closed: 'default' };

export function PeriodStateTag({ state }: { state: Period['state'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={PERIOD_COLORS[state]} style={{ marginInlineEnd: 0 }}>
      {t(`points.periodStates.${state}`)}
    </Tag>
  );
}
