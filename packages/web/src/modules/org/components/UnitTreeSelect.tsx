import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../shared/params';
import { useUnits } from '../org.api';
import { buildUnitForest, subtreeIds, toTreeSelectData } from '../unit-tree';

interface UnitTreeSelectProps {
  value?: Id | null;
  onChange?: (value: Id | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** A unit whose subtree may not be chosen (the unit being moved cannot go under itself). */
  excludeSubtreeOf?: Id | null;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
}

/** Pick a unit from the caller's tree; searchable by name. */
export function UnitTreeSelect({
  value,
  onChange,
  placeholder,
  allowClear = true,
  excludeSubtreeOf,
  style,
  id,
  ...rest
}: UnitTreeSelectProps) {
  const { t } = useTranslation();
  const units = useUnits();
  const treeData = useMemo(() => {
    const forest = buildUnitForest(units.data ?? []);
    const disabled = excludeSubtreeOf != null ? subtreeIds(forest, excludeSubtreeOf) : undefined;
    return toTreeSelectData(forest, disabled);
  }, [units.data, excludeSubtreeOf]);
  const defaultExpanded = useMemo(() => treeData.map((n) => n.value), [treeData]);

  return (
    <TreeSelect
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(v: Id | undefined) => onChange?.(v ?? null)}
      treeData={treeData}
      loading={units.isLoading}
      placeholder={placeholder ?? t('org.pickUnit')}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={defaultExpanded}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'calc(100vw - 24px)' } } }}
      style={{ minWidth: 180, ...style }}
    />
  );
}
