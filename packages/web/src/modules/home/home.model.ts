import type { Unit } from '@baton/contract/org';
import { buildUnitForest, subtreePeopleCount } from '../org/unit-tree';

export interface NamedCount {
  name: string;
  count: number;
}

/**
 * People per unit category, largest first. Categories are usually set on towns, streets and
 * departments, not on their sections: a unit without one counts under its nearest categorised
 * ancestor, and only units with none above them under `uncategorised`.
 */
export function peopleByCategory(units: Unit[], uncategorised: string): NamedCount[] {
  const byId = new Map(units.map((u) => [String(u.id), u]));
  const categoryOf = (unit: Unit): string | null => {
    for (let u: Unit | undefined = unit, depth = 0; u && depth < 64; depth++) {
      if (u.categoryName) return u.categoryName;
      u = u.parentId === null ? undefined : byId.get(String(u.parentId));
    }
    return null;
  };
  const counts = new Map<string, number>();
  for (const unit of units) {
    const name = categoryOf(unit) ?? uncategorised;
    counts.set(name, (counts.get(name) ?? 0) + unit.peopleCount);
  }
  return [...counts.entries()].map(([name, count]) => ({ name, count })).filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
}

/**
 * People per first-level unit: the children of the root when the caller sees a single
 * tree (a district and its towns and departments), else the roots themselves.
 */
export function peopleByTopUnit(units: Unit[], limit = 15): NamedCount[] {
  const forest = buildUnitForest(units);
  const level = forest.length === 1 && forest[0] && forest[0].children.length > 0 ? forest[0].children : forest;
  return level
    .map((node) => ({ name: node.unit.name, count: subtreePeopleCount(node) }))
    .sort((a, b) => b.count - a.count)
    .slice(0, limit);
}

export function totalPeople(units: Unit[]): number {
  return units.reduce((sum, u) => sum + u.peopleCount, 0);
}
