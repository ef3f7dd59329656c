import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_GROUP_NAME, GROUP_KEY_PATTERN, NO_CATEGORY_GROUP_KEY, RANKING_GROUP_KEY_PATTERN, UNCATEGORISED, engineCategoryOf, formatGroupKey, groupKeyOf,
  groupNameOf, parseGroupKey, rankingGroupKeysOf, type GroupKey,
} from './group-keys.js';

const groupKeys: fc.Arbitrary<GroupKey> = fc.oneof(
  fc.constant({ kind: 'all' } as const),
  fc.record({ kind: fc.constant('category' as const), id: fc.option(fc.integer({ min: 1, max: 999_999_999_999_999 }), { nil: null }) }),
  fc.record({ kind: fc.constant('unit' as const), id: fc.integer({ min: 1, max: 999_999_999_999_999 }) }),
);

describe('parseGroupKey', () => {
  it.each([
    ['all', { kind: 'all' }],
    ['category:3', { kind: 'category', id: 3 }],
    ['category:none', { kind: 'category', id: null }],
    ['unit:12', { kind: 'unit', id: 12 }],
    ['unit:999999999999999', { kind: 'unit', id: 999_999_999_999_999 }],
  ])('reads %s', (text, key) => {
    expect(parseGroupKey(text)).toEqual(key);
  });

  it.each([
    ['', 'empty'],
    ['ALL', 'another case'],
    ['all ', 'a trailing blank'],
    ['category:', 'no id'],
    ['category:0', 'id 0'],
    ['category:-1', 'a negative id'],
    ['unit:07', 'a leading zero'],
    ['unit:1.5', 'a fraction'],
    ['unit:1e3', 'an exponent'],
    ['unit:1000000000000000', 'sixteen digits (could exceed a safe integer)'],
    ['unit:none', 'a unit without an id'],
    ['category:none:1', 'a second colon'],
    ['person:3', 'an unknown kind'],
    ['未分类', 'a display name'],
  ])('refuses %j (%s)', (text) => {
    expect(parseGroupKey(text)).toBeUndefined();
  });

  it('accepts exactly what GROUP_KEY_PATTERN accepts', () => {
    const pattern = new RegExp(GROUP_KEY_PATTERN);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^(all|category|unit):[0-9a-z]{0,17}$/)), (text) => {
        expect(parseGroupKey(text) !== undefined).toBe(pattern.test(text));
      }),
    );
  });

  it('round-trips: parse ∘ format is the identity on group keys', () => {
    fc.assert(
      fc.property(groupKeys, (key) => {
        expect(parseGroupKey(formatGroupKey(key))).toEqual(key);
      }),
    );
  });

  it('round-trips: format ∘ parse is the identity on the texts it accepts', () => {
    fc.assert(
      fc.property(fc.stringMatching(new RegExp(GROUP_KEY_PATTERN)), (text) => {
        expect(formatGroupKey(parseGroupKey(text)!)).toBe(text);
      }),
    );
  });
});

describe('RANKING_GROUP_KEY_PATTERN', () => {
  it('is the grammar of every group key but category:none (a ranking has no such group)', () => {
    const ranking = new RegExp(RANKING_GROUP_KEY_PATTERN);
    expect(['all', 'category:3', 'unit:12'].every((key) => ranking.test(key))).toBe(true);
    expect(ranking.test(NO_CATEGORY_GROUP_KEY)).toBe(false);
    fc.assert(
      fc.property(groupKeys, (key) => {
        const text = formatGroupKey(key);
        expect(ranking.test(text)).toBe(text !== NO_CATEGORY_GROUP_KEY);
      }),
    );
  });
});

describe('groupKeyOf', () => {
  it.each([
    [undefined, { unitId: 5, categoryId: 2 }, 'all'],
    ['all', { unitId: 5, categoryId: 2 }, 'all'],
    ['category', { unitId: 5, categoryId: 2 }, 'category:2'],
    ['category', { unitId: 5, categoryId: null }, 'category:none'],
    ['unit', { unitId: 5, categoryId: null }, 'unit:5'],
  ] as const)('grouping %s, %j → %s', (grouping, member, key) => {
    expect(groupKeyOf(grouping, member)).toBe(key);
  });
});

describe('rankingGroupKeysOf', () => {
  it('ranks a subject in all, in its category and in its unit and every unit above it', () => {
    expect(rankingGroupKeysOf({ categoryId: 4, unitChain: [12, 3, 1] })).toEqual(['all', 'category:4', 'unit:12', 'unit:3', 'unit:1']);
  });

  it('ranks a subject whose unit has no category in no category group', () => {
    expect(rankingGroupKeysOf({ categoryId: null, unitChain: [12] })).toEqual(['all', 'unit:12']);
  });
});

describe('engineCategoryOf', () => {
  it.each([
    ['category', 'TOWN', 'TOWN'],
    ['category', undefined, UNCATEGORISED],
    ['unit', 'TOWN', 'TOWN'],
    ['unit', undefined, undefined],
    ['all', undefined, undefined],
    [undefined, undefined, undefined],
  ] as const)('grouping %s, category code %s → %s', (grouping, code, category) => {
    expect(engineCategoryOf(grouping, code)).toBe(category);
  });
});

describe('groupNameOf', () => {
  const names = {
    unitName: (id: number) => new Map([[12, '金沙街道']]).get(id),
    categoryName: (id: number) => new Map([[4, '工业强镇']]).get(id),
  };

  it.each([
    ['all', ALL_GROUP_NAME],
    ['category:4', '工业强镇'],
    ['category:none', UNCATEGORISED],
    ['unit:12', '金沙街道'],
    ['unit:13', 'unit:13'],
    ['category:5', 'category:5'],
    ['nonsense', 'nonsense'],
  ])('names %s %s', (key, name) => {
    expect(groupNameOf(key, names)).toBe(name);
  });

  it('calls the one uncategorised group 未分类, and all 全部', () => {
    expect([UNCATEGORISED, ALL_GROUP_NAME]).toEqual(['未分类', '全部']);
  });
});
