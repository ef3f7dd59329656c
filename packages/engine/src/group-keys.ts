import type { Grouping } from './scenario.types.js';

/**
 * A ranking or quota group as the API names it (docs/engine.md "Group keys"): everyone (`all`), the
 * subjects whose unit has a category (`category:<id>`) or has none (`category:none`, id null), the
 * subjects of a unit (`unit:<id>`). Ids are the organisation's positive integer ids.
 */
export type GroupKey =
  | { readonly kind: 'all' }
  | { readonly kind: 'category'; readonly id: number | null }
  | { readonly kind: 'unit'; readonly id: number };

/**
 * The one word for "no category", in both of its roles: the engine category of a subject whose unit
 * has none under grouping `category` (the engine needs a category to group by), and the default name
 * of that group (`category:none`). The web shows its own translation of the name.
 */
export const UNCATEGORISED = '未分类';

/** The default name of the group `all`. */
export const ALL_GROUP_NAME = '全部';

/** The key of the quota group of the subjects without a category. */
export const NO_CATEGORY_GROUP_KEY = 'category:none';

/** A positive integer of at most 15 digits (so always a safe integer), without leading zeros. */
const ID = '[1-9][0-9]{0,14}';

/** Every group key, for request schemas: `all`, `category:<id>`, `category:none`, `unit:<id>`. */
export const GROUP_KEY_PATTERN = `^(all|category:(none|${ID})|unit:${ID})$`;

/**
 * The group keys of the live rankings: as GROUP_KEY_PATTERN without `category:none` — a ranking
 * ranks the subjects without a category in `all` and in their units only.
 */
export const RANKING_GROUP_KEY_PATTERN = `^(all|category:${ID}|unit:${ID})$`;

const GROUP_KEY = new RegExp(GROUP_KEY_PATTERN);

/** The group a key names, or undefined for anything that is not a group key (strictly GROUP_KEY_PATTERN). */
export function parseGroupKey(text: string): GroupKey | undefined {
  if (!GROUP_KEY.test(text)) return undefined;
  if (text === 'all') return { kind: 'all' };
  if (text === NO_CATEGORY_GROUP_KEY) return { kind: 'category', id: null };
  const cut = text.indexOf(':');
  const id = Number(text.slice(cut + 1));
  return text.startsWith('unit:') ? { kind: 'unit', id } : { kind: 'category', id };
}

/** The API's key of a group: the inverse of parseGroupKey. */
export function formatGroupKey(key: GroupKey): string {
  if (key.kind === 'all') return 'all';
  if (key.kind === 'category') return key.id === null ? NO_CATEGORY_GROUP_KEY : `category:${key.id}`;
  return `unit:${key.id}`;
}

/** Where a subject stands in the organisation: its unit (a unit subject: as the caller groups it) and that unit's category. */
export interface GroupMember {
  readonly unitId: number;
  readonly categoryId: number | null;
}

/**
 * The key of a subject's quota group under a scheme's grouping (docs/product.md §3.2: grading is "within each
 * group"): `all`; its category, `category:none` when its unit has none; or its unit.
 */
export function groupKeyOf(grouping: Grouping | undefined, member: GroupMember): string {
  if (grouping === 'category') return member.categoryId === null ? NO_CATEGORY_GROUP_KEY : `category:${member.categoryId}`;
  if (grouping === 'unit') return `unit:${member.unitId}`;
  return 'all';
}

/**
 * Every ranking group a subject is ranked in (the live rankings): `all`, its category when its unit
 * has one, and `unit:<id>` of its unit and of each unit above it — a unit's ranking holds its subtree.
 * `unitChain` is the subject's unit and its ancestors, nearest first.
 */
export function rankingGroupKeysOf(member: { readonly categoryId: number | null; readonly unitChain: readonly number[] }): string[] {
  const keys = ['all'];
  if (member.categoryId !== null) keys.push(`category:${member.categoryId}`);
  for (const unitId of member.unitChain) keys.push(`unit:${unitId}`);
  return keys;
}

/**
 * The engine category of a subject (Subject.category): its unit's category code; under grouping
 * `category`, UNCATEGORISED for a subject whose unit has none; otherwise none.
 */
export function engineCategoryOf(grouping: Grouping | undefined, code: string | undefined): string | undefined {
  if (code !== undefined) return code;
  return grouping === 'category' ? UNCATEGORISED : undefined;
}

/** Looks up the names of the units and categories that group keys name. */
export interface GroupNames {
  unitName(id: number): string | undefined;
  categoryName(id: number): string | undefined;
}

/**
 * The default display name of a group key: 全部, 未分类, the category's or the unit's name. A key
 * naming nothing known (or not a group key) is shown as itself.
 */
export function groupNameOf(key: string, names: GroupNames): string {
  const group = parseGroupKey(key);
  if (group === undefined) return key;
  if (group.kind === 'all') return ALL_GROUP_NAME;
  if (group.kind === 'category') return group.id === null ? UNCATEGORISED : (names.categoryName(group.id) ?? key);
  return names.unitName(group.id) ?? key;
}
