import { describe, expect, it } from 'vitest';
import type { Scheme } from '@baton/contract/schemes';
import {
  annualGrades,
  countBySchemes,
  countOptions,
  gradesOfCode,
  groupOptionsOf,
  groupWorthNaming,
  latestPeriodOf,
  paramUnlessDefault,
  promotionGradeOptions,
  rankInGroup,
  readPromotionQuery,
  readWarningQuery,
  reportCardPath,
  schemeCodeOptions,
  tabOf,
  yearRangeText,
} from './result-lists.model';
import { resultListsEnUS, resultListsZhCN } from './result-lists.messages';

const params = (query: string) => new URLSearchParams(query);

const scheme = (id: number, code: string, version: number, kind: string, grades: string[], subjectKind: 'person' | 'unit' = 'person'): Scheme =>
  ({
    id, code, version, name: `${code} v${version}`, kind, subjectKind, definition: { grades: grades.map((name) => ({ name })) },
    replacesId: null, createdAt: '2026-01-01T00:00:00Z', periodCount: 0,
  }) as Scheme;

const keysOf = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => keysOf(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];

describe('result lists model', () => {
  it('opens the warning tab unless the address asks for the promotion list', () => {
    expect(tabOf('promotion')).toBe('promotion');
    for (const other of [null, undefined, '', 'warning', 'x']) expect(tabOf(other)).toBe('warning');
  });

  it('reads the warning query from the address, defaulting to two periods over every routine scheme', () => {
    expect(readWarningQuery(params(''))).toEqual({ scheme: null, group: null, periods: 2 });
    expect(readWarningQuery(params('scheme=routine-2026&group=category:3&periods=4'))).toEqual({ scheme: 'routine-2026', group: 'category:3', periods: 4 });
    expect(readWarningQuery(params('group=unit:12&periods=12')).group).toBe('unit:12');
    expect(readWarningQuery(params('group=all')).group).toBe('all');
  });

  it.each([
    ['periods=0', 'periods', 2],
    ['periods=13', 'periods', 2],
    ['periods=1.5', 'periods', 2],
    ['periods=-1', 'periods', 2],
    ['group=category:0', 'group', null],
    ['group=unit:abc', 'group', null],
    ['group=everyone', 'group', null],
    ['scheme=%20%20', 'scheme', null],
  ] as const)('drops %s, which the server would refuse, for the default', (query, field, expected) => {
    expect(readWarningQuery(params(query))[field]).toBe(expected);
  });

  it('reads the promotion query: 优秀 in each of the last three years unless the address says otherwise', () => {
    expect(readPromotionQuery(params(''))).toEqual({ grade: '优秀', years: 3 });
    expect(readPromotionQuery(params('grade=称职&years=5'))).toEqual({ grade: '称职', years: 5 });
    expect(readPromotionQuery(params('years=11'))).toEqual({ grade: '优秀', years: 3 });
    expect(readPromotionQuery(params(`grade=${'优'.repeat(21)}`)).grade).toBe('优秀');
  });

  it('keeps only non-default values in the address', () => {
    expect(paramUnlessDefault(2, 2)).toBeNull();
    expect(paramUnlessDefault(3, 2)).toBe('3');
    expect(paramUnlessDefault('优秀', '优秀')).toBeNull();
    expect(paramUnlessDefault(null, 2)).toBeNull();
    expect(countOptions(3)).toEqual([1, 2, 3]);
  });

  it('offers the codes of person schemes, routine first, each under its latest name', () => {
    const options = schemeCodeOptions([
      scheme(1, 'zannual', 1, 'annual', ['优秀']),
      scheme(2, 'q', 1, 'routine', ['好']),
      scheme(3, 'q', 2, 'routine', ['好']),
      scheme(4, 'units', 1, 'unit', ['好'], 'unit'),
      scheme(5, 'a', 1, 'routine', ['好']),
    ]);
    expect(options).toEqual([
      { code: 'a', name: 'a v1', kind: 'routine' },
      { code: 'q', name: 'q v2', kind: 'routine' },
      { code: 'zannual', name: 'zannual v1', kind: 'annual' },
    ]);
  });

  it('colours grades by the latest version of the scheme code', () => {
    const schemes = [scheme(1, 'q', 1, 'routine', ['好', '差']), scheme(2, 'q', 2, 'routine', ['好', '较好', '一般', '较差'])];
    expect(gradesOfCode(schemes, 'q')).toEqual(['好', '较好', '一般', '较差']);
    expect(gradesOfCode(schemes, 'unknown')).toEqual([]);
  });

  it('offers the grades of the annual schemes once each, the usual annual grades without one, and an unknown grade asked for', () => {
    const schemes = [scheme(1, 'y', 1, 'annual', ['优秀', '称职', '基本称职', '不称职']), scheme(2, 'y2', 1, 'annual', ['优秀', '合格']), scheme(3, 'q', 1, 'routine', ['好'])];
    expect(promotionGradeOptions(schemes, '优秀')).toEqual(['优秀', '称职', '基本称职', '不称职', '合格']);
    expect(promotionGradeOptions([], '优秀')).toEqual(['优秀', '称职', '基本称职', '不称职']);
    expect(promotionGradeOptions([], '卓越')).toEqual(['优秀', '称职', '基本称职', '不称职', '卓越']);
    expect(annualGrades([])).toEqual(['优秀', '称职', '基本称职', '不称职']);
  });

  it('lists the groups of the unfiltered list by name and keeps a chosen group nobody is in any more', () => {
    const items = [
      { group: { key: 'category:2', name: '街道' } },
      { group: { key: 'category:1', name: '部门' } },
      { group: { key: 'category:2', name: '街道' } },
    ];
    expect(groupOptionsOf(items, null).map((g) => g.key)).toEqual(['category:1', 'category:2']);
    expect(groupOptionsOf(items, 'unit:9')).toContainEqual({ key: 'unit:9', name: 'unit:9' });
    expect(groupOptionsOf([], null)).toEqual([]);
  });

  it('names a ranking group beside a person only when not everybody is ranked together', () => {
    expect(groupWorthNaming({ key: 'all', name: '全部' })).toBeNull();
    expect(groupWorthNaming({ key: 'category:2', name: '街道' })).toBe('街道');
  });

  it('writes the years of a run as a range', () => {
    expect(yearRangeText([2023, 2024, 2025])).toBe('2023–2025');
    expect(yearRangeText([2025])).toBe('2025');
    expect(yearRangeText([])).toBe('');
  });

  it('links a person to his report card, on the period of the list when given', () => {
    expect(reportCardPath(12)).toBe('/report-cards/12');
    expect(reportCardPath(12, 7)).toBe('/report-cards/12?period=7');
    expect(reportCardPath('12', null)).toBe('/report-cards/12');
  });

  it('opens a streak on its latest period and says the place in the group', () => {
    const periods = [
      { id: 1, endsOn: '2026-03-31' },
      { id: 3, endsOn: '2026-09-30' },
      { id: 2, endsOn: '2026-06-30' },
    ];
    expect(latestPeriodOf(periods)?.id).toBe(3);
    expect(latestPeriodOf([])).toBeNull();
    expect(rankInGroup({ groupRank: 12, groupSize: 12 })).toBe('12/12');
  });

  it('counts the people of each scheme in the order of the list', () => {
    const items = [{ scheme: { code: 'a', name: 'A' } }, { scheme: { code: 'b', name: 'B' } }, { scheme: { code: 'a', name: 'A' } }];
    expect(countBySchemes(items)).toEqual([{ code: 'a', name: 'A', count: 2 }, { code: 'b', name: 'B', count: 1 }]);
  });

  it('has the same message keys in both languages, with the same placeholders', () => {
    expect(keysOf(resultListsEnUS)).toEqual(keysOf(resultListsZhCN));
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const zh = resultListsZhCN as unknown as Record<string, unknown>;
    const get = (obj: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
    for (const key of keysOf(zh)) expect(placeholders(get(resultListsEnUS, key) as string), key).toEqual(placeholders(get(zh, key) as string));
  });
});
