import { useEffect, useMemo } from 'react';
import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { periodAllows } from '@baton/engine';
import type { Period } from '@baton/contract/periods';
import type { Id } from '../../../shared/params';
import { usePeriods } from '../periods.api';
import { defaultPeriod } from '../periods.model';
import { ShortPeriodStateTag } from './PeriodStateTag';

/**
 * A period's name that, when cut, keeps its end: periods of one scheme differ by their last words
 * ("… 2026年10月" / "… 2026年11月"), so the ellipsis goes before them.
 */
function PeriodName({ name }: { name: string }) {
  const cut = name.lastIndexOf(' ');
  const head = cut > 0 ? name.slice(0, cut) : name.slice(0, Math.max(0, name.length - 8));
  const tail = name.slice(head.length);
  return (
    <span style={{ display: 'flex', minWidth: 0 }} title={name}>
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 }}>{head}</span>
      <span style={{ whiteSpace: 'pre', flexShrink: 0 }}>{tail}</span>
    </span>
  );
}

/**
 * A period with its state, among those the rankings and points pages offer (the engine's `showInRankings`:
 * not drafts); starts on the running one (unless `autoSelect` is off: the page picks its own default).
 */
export function PeriodSelect({
  value,
  onChange,
  style,
  autoSelect = true,
}: {
  value: Id | null;
  onChange: (period: Period | null) => void;
  style?: React.CSSProperties;
  autoSelect?: boolean;
}) {
  const { t } = useTranslation();
  const periods = usePeriods();
  const list = useMemo(
    () => [...(periods.data ?? [])].filter((p) => periodAllows(p.state, 'showInRankings')).sort((a, b) => b.startsOn.localeCompare(a.startsOn) || b.id - a.id),
    [periods.data],
  );
  useEffect(() => {
    if (autoSelect && value === null && list.length > 0) onChange(defaultPeriod(list));
  }, [autoSelect, value, list, onChange]);
  return (
    <Select<number>
      value={value === null ? undefined : Number(value)}
      loading={periods.isLoading}
      placeholder={t('periods.select.placeholder')}
      onChange={(id) => onChange(list.find((p) => p.id === id) ?? null)}
      options={list.map((p) => ({
        value: p.id,
        label: (
          <Flex gap={6} align="center" justify="space-between">
            <PeriodName name={p.name} />
            <ShortPeriodStateTag state={p.state} />
          </Flex>
        ),
        title: p.name,
      }))}
      notFoundContent={periods.isError ? t('periods.select.failed') : t('periods.select.empty')}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      data-testid="period-select"
    />
  );
}
