import { useEffect, useMemo, useState } from 'react';
import { Empty, Input, Skeleton, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@baton/contract/org';
import { buildUnitForest, filterForest, subtreePeopleCount, type UnitNode } from '../unit-tree';

interface UnitTreePanelProps {
  units: Unit[] | undefined;
  loading: boolean;
  selectedKey: string | null;
  onSelect: (unit: Unit) => void;
  height?: number;
}

function toTreeData(nodes: UnitNode[], term: string, inactiveLabel: string): TreeDataNode[] {
  return nodes.map((node) => {
    const { unit } = node;
    const name = unit.name;
    const index = term ? name.toLowerCase().indexOf(term.toLowerCase()) : -1;
    const title =
      index >= 0 ? (
        <span>
          {name.slice(0, index)}
          <span className="tree-hit">{name.slice(index, index + term.length)}</span>
          {name.slice(index + term.length)}
        </span>
      ) : (
        <span>{name}</span>
      );
    return {
      key: String(unit.id),
      title: (
        <span className="tree-title">
          {title}
          <Typography.Text type="secondary" className="tree-count">
            {subtreePeopleCount(node)}
          </Typography.Text>
          {unit.active ? null : <Tag style={{ marginInlineStart: 6 }}>{inactiveLabel}</Tag>}
        </span>
      ),
      children: toTreeData(node.children, term, inactiveLabel),
    };
  });
}

/** The unit tree with a search box; a match is shown with its ancestors, expanded. */
export function UnitTreePanel({ units, loading, selectedKey, onSelect, height }: UnitTreePanelProps) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const forest = useMemo(() => buildUnitForest(units ?? []), [units]);
  const filtered = useMemo(() => filterForest(forest, term), [forest, term]);
  const byKey = useMemo(() => new Map((units ?? []).map((u) => [String(u.id), u])), [units]);
  const [expanded, setExpanded] = useState<React.Key[]>([]);

  // First load: open the top two levels so the tree is not a single closed line.
  useEffect(() => {
    if (forest.length > 0 && expanded.length === 0) {
      setExpanded(forest.flatMap((root) => [String(root.unit.id)]));
    }
  }, [forest, expanded.length]);

  useEffect(() => {
    if (term.trim()) setExpanded(filtered.expand);
  }, [term, filtered.expand]);

  const treeData = useMemo(() => toTreeData(filtered.forest, term.trim(), t('org.inactive')), [filtered.forest, term, t]);

  return (
    <div>
      <Input.Search
        allowClear
        placeholder={t('org.searchUnits')}
        onChange={(e) => setTerm(e.target.value)}
        style={{ marginBottom: 12 }}
        data-testid="unit-search"
      />
      {loading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : treeData.length === 0 ? (
        <Empty description={t('org.noUnits')} />
      ) : (
        <Tree
          blockNode
          showLine
          treeData={treeData}
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys)}
          selectedKeys={selectedKey ? [selectedKey] : []}
          height={height}
          onSelect={(keys) => {
            const unit = byKey.get(String(keys[0] ?? selectedKey));
            if (unit) onSelect(unit);
          }}
        />
      )}
    </div>
  );
}
