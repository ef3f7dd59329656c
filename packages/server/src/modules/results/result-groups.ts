import { computeQuotaCapacity, gradeQuotaInGroup, type Grouping, type Scenario } from '@baton/engine';
import type { Db } from '../../db/kysely.js';
import { unitSubjectKey, type Participant } from './period-scenario.js';
import { listGroupEntityNames } from './results.repository.js';

/** The key of the `category` group of participants whose unit has no category. */
export const NO_CATEGORY_GROUP = 'category:none';

/**
 * The API's key of a participant's ranking and quota group (the engine's group is the category
 * code or the unit key): `all`, `category:<id>` or `unit:<id>`, as the rankings name them.
 */
export function groupKeyOf(grouping: Grouping | undefined, participant: Pick<Participant, 'unitId' | 'categoryId'>): string {
  if (grouping === 'category') return participant.categoryId === null ? NO_CATEGORY_GROUP : `category:${participant.categoryId}`;
  if (grouping === 'unit') return `unit:${participant.unitId}`;
  return 'all';
}

/** The display name of a group key: 全部, the category's name or the unit's name. */
function groupNameOf(key: string, names: { units: Map<number, string>; categories: Map<number, string> }): string {
  if (key === 'all') return '全部';
  if (key === NO_CATEGORY_GROUP) return '未分类';
  const [kind, raw] = key.split(':');
  const id = Number(raw);
  if (kind === 'category') return names.categories.get(id) ?? key;
  if (kind === 'unit') return names.units.get(id) ?? key;
  return key;
}

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
    const [kind, raw] = key.split(':');
    const id = Number(raw);
    if (!Number.isSafeInteger(id)) continue;
    if (kind === 'unit') unitIds.add(id);
    if (kind === 'category') categoryIds.add(id);
  }
  const names = await listGroupEntityNames(db, [...unitIds], [...categoryIds]);
  return (key) => ({ key, name: groupNameOf(key, names) });
}

/** What seats depend on: the scheme and, for 考用结合, the unit tiers of the scenario. */
export type Seating = Pick<Scenario, 'scheme'> & Partial<Pick<Scenario, 'unitTiers'>>;

/**
 * A grade's quota and seats in a group of `size`, as the engine grades them (`gradeQuotaInGroup`:
 * the coupled grade of 考用结合 follows the unit's tier): null seats for a grade without a quota.
 */
export function gradeSeatsInGroup(scenario: Seating, gradeIndex: number, groupKey: string, size: number) {
  const unit = groupKey.startsWith('unit:') ? unitSubjectKey(Number(groupKey.slice('unit:'.length))) : undefined;
  const quota = gradeQuotaInGroup(scenario, gradeIndex, unit) ?? null;
  return { quota, capacity: quota === null ? null : computeQuotaCapacity(quota, size, scenario.scheme.quotaRounding ?? 'floor') };
}

/** A group key as given in `?group=`: `all`, `category:<id>`, `category:none` or `unit:<id>`. */
export const GROUP_KEY_PATTERN = '^(all|category:(none|[1-9][0-9]{0,14})|unit:[1-9][0-9]{0,14})$';
