import { Flex, Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReviewIndicator } from '../cycles.api';
import { daysUntil, parseFlag } from '../cycles.model';
import { gradeColor } from '../../../shared/grades';
import { formatScore } from '../../../shared/scores';
import type { Period } from '../../periods/periods.api';
import type { IndicatorKind } from '../../schemes/schemes.api';
import { ShortPeriodStateTag } from '../../periods/components/PeriodStateTag';

/** "小结截止 12-20 · 还剩 5 天" — red when overdue, amber within three days. */
export function DueTag({ label, dueOn, today, testId }: { label: string; dueOn: string | null | undefined; today: string; testId?: string }) {
  const { t } = useTranslation();
  const days = daysUntil(dueOn, today);
  if (days === null) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid={testId}>
        {label}：{t('cycles.period.noDeadline')}
      </Typography.Text>
    );
  }
  const color = days < 0 ? 'red' : days <= 3 ? 'orange' : 'blue';
  const left = days < 0 ? t('cycles.period.overdue', { n: -days }) : days === 0 ? t('cycles.period.dueToday') : t('cycles.period.daysLeft', { n: days });
  return (
    <Tag color={color} icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }} data-testid={testId} data-days={days}>
      {label} {dueOn} · {left}
    </Tag>
  );
}

/** The period's name, state and dates under a page title. */
export function PeriodLine({ period }: { period: Period }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} align="center" wrap component="span">
      <span>{period.name}</span>
      <ShortPeriodStateTag state={period.state} />
      <span className="nowrap">{t('cycles.period.range', { from: period.startsOn, to: period.endsOn })}</span>
    </Flex>
  );
}

export function GradeTag({ grade, grades, large }: { grade: string | null | undefined; grades: readonly string[]; large?: boolean }) {
  if (!grade) return <span>—</span>;
  return (
    <Tag color={gradeColor(grade, grades)} style={{ marginInlineEnd: 0, fontSize: large ? 16 : undefined, padding: large ? '2px 10px' : undefined }} data-testid="grade-tag">
      {grade}
    </Tag>
  );
}

/** The engine's flags in words; quota ties stand out (the committee has to look at them). */
export function FlagTags({ flags, names }: { flags: readonly string[]; names?: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  // several unrated (or missing) indicators read better as one tag: "未评分 3 项"
  const grouped = (['no-rating', 'missing'] as const).map((kind) => ({ kind, flags: flags.filter((f) => parseFlag(f).kind === kind) }));
  const single = flags.filter((f) => !grouped.some((g) => g.flags.length > 1 && g.flags.includes(f)));
  return (
    <Flex gap={4} wrap component="span">
      {grouped
        .filter((g) => g.flags.length > 1)
        .map((g) => (
          <Tooltip key={g.kind} title={g.flags.map((f) => names?.get(parseFlag(f).arg) ?? parseFlag(f).arg).join('、')}>
            <Tag style={{ marginInlineEnd: 0 }} data-testid={`flag-${g.kind}`}>
              {t(g.kind === 'no-rating' ? 'cycles.flags.noRatingMany' : 'cycles.flags.missingMany', { n: g.flags.length })}
            </Tag>
          </Tooltip>
        ))}
      {single.map((flag) => {
        const f = parseFlag(flag);
        const indicator = names?.get(f.arg) ?? f.arg;
        if (f.kind === 'quota-tie') {
          return (
            <Tag key={flag} color="volcano" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }} data-testid="flag-tie">
              {t('cycles.flags.quotaTie', { grade: f.arg })}
            </Tag>
          );
        }
        if (f.kind === 'tie-decision') {
          return (
            <Tag key={flag} color="green" style={{ marginInlineEnd: 0 }} data-testid="flag-tie-decision">
              {t('cycles.flags.tieDecision', { grade: f.arg })}
            </Tag>
          );
        }
        const text =
          f.kind === 'veto'
            ? t('cycles.flags.veto', { indicator })
            : f.kind === 'no-rating'
              ? t('cycles.flags.noRating', { indicator })
              : f.kind === 'missing'
                ? t('cycles.flags.missing', { indicator })
                : flag;
        return (
          <Tooltip key={flag} title={flag}>
            <Tag color={f.kind === 'veto' ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
              {text}
            </Tag>
          </Tooltip>
        );
      })}
    </Flex>
  );
}

const KIND_COLORS: Record<IndicatorKind, string> = { key: 'geekblue', regular: 'default', dynamic: 'purple' };

export function KindTag({ kind }: { kind: IndicatorKind | null | undefined }) {
  const { t } = useTranslation();
  if (!kind) return null;
  return (
    <Tag color={KIND_COLORS[kind]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {t(`cycles.kinds.${kind}`)}
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
        {t('cycles.review.weight', { weight: formatScore(indicator.weight) })}
      </Typography.Text>
    ) : null;
  return (
    <Flex gap={6} align="center" wrap>
      <Typography.Text strong>{indicator.name || indicator.id}</Typography.Text>
      {indicator.name && indicator.name !== indicator.id ? <span className="mono" style={{ color: 'rgba(0,0,0,0.45)' }}>{indicator.id}</span> : null}
      <KindTag kind={indicator.kind} />
      {byCategory.length > 0 ? (
        <Tooltip title={t('cycles.review.weightByCategory', { list: byCategory.map(([c, w]) => `${c} ${formatScore(w)}`).join('，') })}>
          <span style={{ borderBottom: '1px dotted rgba(0,0,0,0.3)' }}>{weight}</span>
        </Tooltip>
      ) : (
        weight
      )}
    </Flex>
  );
}
