import type { Unit } from '@baton/contract/org';
import type { Id } from '../../shared/params';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

const key = (id: Id) => String(id);

function byOrder(a: UnitNode, b: UnitNode): number {
  return a.unit.sort - b.unit.sort || a.unit.code.localeCompare(b.unit.code);
}

/**
 * Units as a forest. A unit whose parent is outside the caller's scope (a leader sees
 * only his subtree) becomes a root, so the leader's own unit is the top of his tree.
 */
export function buildUnitForest(units: Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(key(unit.id), { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(key(node.unit.parentId));
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sortDeep = (list: UnitNode[]) => {
    list.sort(byOrder);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}

/** Number of people in a unit and all units under it (peopleCount is per unit). */
export function subtreePeopleCount(node: UnitNode): number {
  return node.children.reduce((sum, child) => sum + subtreePeopleCount(child), node.unit.peopleCount);
}

/** Ids of a unit and every unit under it. */
export function subtreeIds(forest: UnitNode[], id: Id): Set<string> {
  const result = new Set<string>();
  const find = (list: UnitNode[]): UnitNode | undefined => {
    for (const n of list) {
      if (key(n.unit.id) === key(id)) return n;
      const found = find(n.children);
      if (found) return found;
    }
    return undefined;
  };
  const start = find(forest);
  const walk = (n: UnitNode) => {
    result.add(key(n.unit.id));
    n.children.forEach(walk);
  };
  if (start) walk(start);
  return result;
}

/** Case-insensitive match on name or code. */
export function unitMatches(unit: Unit, term: string): boolean {
  const t = term.trim().toLowerCase();
  if (!t) return true;
  return unit.name.toLowerCase().includes(t) || unit.code.toLowerCase().includes(t);
}

/**
 * Prunes the forest to the units that match and their ancestors (so a match is shown in
 * context); returns the pruned forest and the keys to expand.
 */
export function filterForest(forest: UnitNode[], term: string): { forest: UnitNode[]; expand: string[] } {
  if (!term.trim()) return { forest, expand: [] };
  const expand: string[] = [];
  const prune = (list: UnitNode[]): UnitNode[] =>
    list.flatMap((node) => {
      const children = prune(node.children);
      if (children.length > 0) expand.push(key(node.unit.id));
      if (children.length > 0 || unitMatches(node.unit, term)) return [{ unit: node.unit, children }];
      return [];
    });
  return { forest: prune(forest), expand };
}

export interface TreeSelectNode {
  value: Id;
  title: string;
  children: TreeSelectNode[];
  disabled?: boolean;
}

/** For antd TreeSelect; `disabledIds` greys out units that may not be chosen (a unit's own subtree as its new parent). */
export function toTreeSelectData(forest: UnitNode[], disabledIds?: Set<string>): TreeSelectNode[] {
  return forest.map((node) => ({
    value: node.unit.id,
    title: node.unit.active ? node.unit.name : `${node.unit.name} ⊘`,
    disabled: disabledIds?.has(key(node.unit.id)) ?? false,
    children: toTreeSelectData(node.children, disabledIds),
  }));
}
