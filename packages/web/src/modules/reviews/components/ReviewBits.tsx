import { Flex, Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReviewIndicator } from '@baton/contract/reviews';
import { formatScore } from '../../../shared/scores';
import { IndicatorKindTag } from '../../schemes/components/IndicatorKindTag';
import { daysUntil } from '../reviews.model';

/** "小结截止 12-20 · 还剩 5 天" — red when overdue, amber within three days. */
export function DueTag({ label, dueOn, today, testId }: { label: string; dueOn: string | null | undefined; today: string; testId?: string }) {
  const { t } = useTranslation();
  const days = daysUntil(dueOn, today);
  if (days === null) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid={testId}>
        {label}：{t('reviews.deadline.noDeadline')}
      </Typography.Text>
    );
  }
  const color = days < 0 ? 'red' : days <= 3 ? 'orange' : 'blue';
  const left = days < 0 ? t('reviews.deadline.overdue', { n: -days }) : days === 0 ? t('reviews.deadline.dueToday') : t('reviews.deadline.daysLeft', { n: days });
  return (
    <Tag color={color} icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }} data-testid={testId} data-days={days}>
      {label} {dueOn} · {left}
    </Tag>
  );
}

/** "key_work 重点 权重 50" — what a leader needs to know about an indicator he rates. */
export function IndicatorLabel({ indicator }: { indicator: ReviewIndicator }) {
  const { t } = useTranslation();
  const byCategory = Object.entries(indicator.weightsByCategory ?? {});
  const weight =
    indicator.weight !== null && indicator.weight !== undefined ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }} className="nowrap">
        {t('results.indicatorWeight', { weight: formatScore(indicator.weight) })}
      </Typography.Text>
    ) : null;
  return (
    <Flex gap={6} align="center" wrap>
      <Typography.Text strong>{indicator.name || indicator.id}</Typography.Text>
      {indicator.name && indicator.name !== indicator.id ? <span className="mono" style={{ color: 'rgba(0,0,0,0.45)' }}>{indicator.id}</span> : null}
      <IndicatorKindTag kind={indicator.kind} />
      {byCategory.length > 0 ? (
        <Tooltip title={t('reviews.sheet.weightByCategory', { list: byCategory.map(([c, w]) => `${c} ${formatScore(w)}`).join('，') })}>
          <span style={{ borderBottom: '1px dotted rgba(0,0,0,0.3)' }}>{weight}</span>
        </Tooltip>
      ) : (
        weight
      )}
    </Flex>
  );
}
