import { useEffect, useMemo } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '@baton/contract/schemes';
import { useSchemes } from '../schemes.api';

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
      placeholder={t('schemes.select.placeholder')}
      onChange={(id) => onChange(list.find((s) => s.id === id) ?? null)}
      options={list.map((s) => ({ value: s.id, label: `${s.name} · v${s.version}` }))}
      notFoundContent={schemes.isError ? t('schemes.select.failed') : t('schemes.select.empty')}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      data-testid="scheme-select"
    />
  );
}
