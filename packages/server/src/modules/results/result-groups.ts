import { computeQuotaCapacity, gradeQuotaInGroup, groupNameOf, parseGroupKey, type Scenario } from '@baton/engine';
import type { Db } from '../../db/kysely.js';
import { unitSubjectKey } from './period-scenario.js';
import { listGroupEntityNames } from './results.repository.js';

/** A group key with its display name, as the API shows a group. */
export type GroupNamer = (key: string) => { key: string; name: string };

/**
 * Display names of group keys (`all`, `category:<id>`, `category:none`, `unit:<id>`), the names of
 * the units and categories they name read in one query per kind; a key naming nothing keeps the key.
 */
export async function nameGroups(db: Db, keys: Iterable<string>): Promise<GroupNamer> {
  const unitIds = new Set<number>();
  const categoryIds = new Set<number>();
  for (const key of keys) {
    const group = parseGroupKey(key);
    if (group?.kind === 'unit') unitIds.add(group.id);
    if (group?.kind === 'category' && group.id !== null) categoryIds.add(group.id);
  }
  const names = await listGroupEntityNames(db, [...unitIds], [...categoryIds]);
  return (key) => ({ key, name: groupNameOf(key, { unitName: (id) => names.units.get(id), categoryName: (id) => names.categories.get(id) }) });
}

/** What seats depend on: the scheme and, for 考用结合, the unit tiers of the scenario. */
export type Seating = Pick<Scenario, 'scheme'> & Partial<Pick<Scenario, 'unitTiers'>>;

/**
 * A grade's quota and seats in a group of `size`, as the engine grades them (`gradeQuotaInGroup`:
 * the coupled grade of 考用结合 follows the unit's tier): null seats for a grade without a quota.
 */
export function gradeSeatsInGroup(scenario: Seating, gradeIndex: number, groupKey: string, size: number) {
  const group = parseGroupKey(groupKey);
  const unit = group?.kind === 'unit' ? unitSubjectKey(group.id) : undefined;
  const quota = gradeQuotaInGroup(scenario, gradeIndex, unit) ?? null;
  return { quota, capacity: quota === null ? null : computeQuotaCapacity(quota, size, scenario.scheme.quotaRounding ?? 'floor') };
}
