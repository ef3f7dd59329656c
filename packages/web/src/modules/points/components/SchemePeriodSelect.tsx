import { useEffect, useMemo } from 'react';
import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../api/types';
import { usePeriods, useSchemes, type Period, type Scheme } from '../points.api';
import { defaultPeriod } from '../points.model';
import { PeriodStateTag } from './PointsValue';

/** A scheme by name and version ("2026 派出所动态积分 v2"). */
export function SchemeSelect({
  value,
  onChange,
  filter,
  style,
  autoSelect = true,
}: {
  value: number | null;
  onChange: (scheme: Scheme | null) => void;
  filter?: (scheme: Scheme) => boolean;
  style?: React.CSSProperties;
  autoSelect?: boolean;
}) {
  const { t } = useTranslation();
  const schemes = useSchemes();
  const list = useMemo(() => (schemes.data ?? []).filter((s) => (filter ? filter(s) : true)).sort((a, b) => b.id - a.id), [schemes.data, filter]);
  // the newest scheme until the user picks another one
  useEffect(() => {
    if (autoSelect && value === null && list[0]) onChange(list[0]);
  }, [autoSelect, value, list, onChange]);
  return (
    <Select<number>
      value={value ?? undefined}
      loading={schemes.isLoading}
      placeholder={t('points.pickScheme')}
      onChange={(id) => onChange(list.find((s) => s.id === id) ?? null)}
      options={list.map((s) => ({ value: s.id, label: `${s.name} · v${s.version}` }))}
      notFoundContent={schemes.isError ? t('points.schemesFailed') : t('points.noSchemes')}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      data-testid="scheme-select"
    />
  );
}

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

/** A period with its state; starts on the running one (unless `autoSelect` is off: the page picks its own default). */
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
    () => [...(periods.data ?? [])].filter((p) => p.state !== 'draft').sort((a, b) => b.startsOn.localeCompare(a.startsOn) || b.id - a.id),
    [periods.data],
  );
  useEffect(() => {
    if (autoSelect && value === null && list.length > 0) onChange(defaultPeriod(list));
  }, [autoSelect, value, list, onChange]);
  return (
    <Select<number>
      value={value === null ? undefined : Number(value)}
      loading={periods.isLoading}
      placeholder={t('points.pickPeriod')}
      onChange={(id) => onChange(list.find((p) => p.id === id) ?? null)}
      options={list.map((p) => ({
        value: p.id,
        label: (
          <Flex gap={6} align="center" justify="space-between">
            <PeriodName name={p.name} />
            <PeriodStateTag state={p.state} />
          </Flex>
        ),
        title: p.name,
      }))}
      notFoundContent={periods.isError ? t('points.periodsFailed') : t('points.noPeriods')}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      data-testid="period-select"
    />
  );
}
