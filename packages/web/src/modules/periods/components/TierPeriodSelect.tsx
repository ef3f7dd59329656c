import { useMemo } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSchemes } from '../../schemes/schemes.api';
import { usePeriods } from '../periods.api';
import { tierPeriodsOf } from '../periods.model';

interface TierPeriodSelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** The period being edited: never its own tier period. */
  selfId?: number | null;
  /** The tier period the period has now, shown even before the lists arrive. */
  current?: { id: number; name: string } | null;
  disabled?: boolean;
  status?: 'error';
  'data-testid'?: string;
}

/** "单位等次来源": the periods of unit schemes, whose grades are the units' tiers (考用结合, docs/api-cycles.md). */
export function TierPeriodSelect({ value, onChange, selfId = null, current, disabled, status, 'data-testid': testId }: TierPeriodSelectProps) {
  const { t } = useTranslation();
  const periods = usePeriods();
  const schemes = useSchemes();
  const options = useMemo(() => {
    const eligible = tierPeriodsOf(periods.data ?? [], schemes.data ?? [], selfId).map((p) => ({
      value: p.id,
      label: t('periods.page.form.tierPeriodOption', { name: p.name, state: t(`periods.state.${p.state}`) }),
    }));
    if (current && !eligible.some((o) => o.value === current.id)) eligible.unshift({ value: current.id, label: current.name });
    return eligible;
  }, [periods.data, schemes.data, selfId, current, t]);

  return (
    <Select<number | null>
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      placeholder={t('periods.page.form.tierPeriodPlaceholder')}
      options={options}
      loading={periods.isLoading || schemes.isLoading}
      notFoundContent={t('periods.page.form.tierPeriodEmpty')}
      showSearch={{ optionFilterProp: 'label' }}
      disabled={disabled}
      status={status}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
