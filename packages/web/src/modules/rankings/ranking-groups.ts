import type { TFunction } from 'i18next';
import type { Me } from '@baton/contract/auth';
import type { Category, Unit } from '@baton/contract/org';
import type { PersonPoints } from '@baton/contract/rankings';
import { hasRole } from '../auth/auth.api';
import { buildUnitForest, type UnitNode } from '../org/unit-tree';

export interface GroupOption {
  value: string;
  label: string;
  /** Which option group of the select it belongs to. */
  section: 'mine' | 'category' | 'unit';
}

function collect(node: UnitNode, into: Unit[]): void {
  into.push(node.unit);
  node.children.forEach((child) => collect(child, into));
}

/**
 * The groups a caller may open (docs/api-points.md, `ranking.read`): 全部; the groups he is ranked in
 * (his unit's category, his unit); a leader also the units of his subtrees; admin and auditor every
 * category and unit.
 */
export function groupOptionsFor(
  t: TFunction,
  me: Me,
  myRanks: PersonPoints['ranks'] | undefined,
  units: Unit[] | undefined,
  categories: Category[] | undefined,
): GroupOption[] {
  const options: GroupOption[] = [{ value: 'all', label: t('rankings.groupAll'), section: 'mine' }];
  const seen = new Set(['all']);
  const add = (option: GroupOption) => {
    if (seen.has(option.value)) return;
    seen.add(option.value);
    options.push(option);
  };
  for (const r of myRanks ?? []) {
    if (r.group.key === 'all') continue;
    const kind = r.group.key.startsWith('category:') ? 'category' : 'unit';
    add({ value: r.group.key, label: t(kind === 'category' ? 'rankings.myCategory' : 'rankings.myUnit', { name: r.group.name }), section: 'mine' });
  }
  const everything = hasRole(me, 'admin') || hasRole(me, 'auditor');
  if (everything) for (const c of categories ?? []) add({ value: `category:${c.id}`, label: c.name, section: 'category' });
  if (units && units.length > 0) {
    let scoped: Unit[] = units;
    if (!everything) {
      // a leader: the units of the subtrees he leads (the unit list is already his scope)
      const led = new Set(me.roles.filter((r) => r.role === 'leader' && r.unitId !== null).map((r) => String(r.unitId)));
      const forest = buildUnitForest(units);
      const found: Unit[] = [];
      const walk = (nodes: UnitNode[]) => {
        for (const node of nodes) {
          if (led.has(String(node.unit.id))) collect(node, found);
          else walk(node.children);
        }
      };
      walk(forest);
      scoped = found;
    }
    for (const u of scoped) add({ value: `unit:${u.id}`, label: u.name, section: 'unit' });
  }
  return options;
}
