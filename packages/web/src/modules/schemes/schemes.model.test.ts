import { describe, expect, it } from 'vitest';
import type { Scheme } from '@baton/contract/schemes';
import {
  couplingBriefOf,
  tierSuggestionsOf,
  gradeNamesOf,
  groupSchemesByCode,
} from './schemes.model';
import { couplableGrades, coupledGradeOf, emptyTierQuota, emptyIndicator, emptySchemeForm, type SchemeForm } from './scheme-form.model';
import { definitionFromForm, quotaCouplingFormOf, quotaCouplingOf, parseDefinitionJson, schemeFormFromDefinition } from './scheme-definition.model';
import {
  checkDefinitionWithEngine,
  checkSchemeForm,
  onCouplingRows,
  formAreaOf,
  formIssuesOfDetails,
  formPathOf,
  issuesUnder,
  sectionWeightSums,
  splitFormPath,
  weightCategories,
  weightCellPath,
} from './scheme-checks.model';

/** The scheme of DESIGN §3.1, trimmed to what the builder edits. */
const designScheme = {
  name: '2026 Q1 routine assessment',
  kind: 'routine',
  sections: [
    { id: 'process', weight: 0.5 },
    { id: 'result', weight: 0.5 },
  ],
  indicators: [
    { id: 'gdp', section: 'result', kind: 'key', method: 'target', weight: 60, weightsByCategory: { A: 70, B: 50 }, direction: 'higher', cap: 1.2, floor: 0 },
    { id: 'rank_invest', section: 'result', method: 'rank', weight: 40, weightsByCategory: { A: 30, B: 50 }, direction: 'higher', minRatio: 0.6 },
    { id: 'review', section: 'process', method: 'rating', weight: 50, raterGroups: { leader: 0.5, peer: 0.3, self: 0.2 } },
    { id: 'safety', section: 'process', method: 'ledger', weight: 50 },
    { id: 'bonus', method: 'ledger', extra: true, base: 0, min: 0, max: 5 },
    { id: 'veto_safety', method: 'veto', effect: 'noTop' },
  ],
  grouping: 'category',
  grades: [
    { name: '好', quota: 0.4, minScore: 90 },
    { name: '较好', minScore: 80 },
    { name: '一般', minScore: 60 },
    { name: '较差' },
  ],
  quotaRounding: 'floor',
};

/** The demo's police points scheme: no sections, so everything is in "main". */
const policeScheme = {
  name: '区公安分局2026年民警动态积分考核',
  kind: 'routine',
  indicators: [
    { id: 'style', name: '执法作风', kind: 'regular', method: 'ledger', weight: 30 },
    { id: 'performance', name: '岗位实绩', kind: 'key', method: 'ledger', weight: 40 },
    { id: 'quality', name: '工作质效', kind: 'regular', method: 'ledger', weight: 30 },
    { id: 'commendation', name: '表彰加分', kind: 'dynamic', method: 'ledger', extra: true, base: 0, min: 0, max: 10 },
  ],
  grouping: 'all',
  grades: [{ name: '好', quota: 0.4, minScore: 95 }, { name: '较好', minScore: 90 }, { name: '一般', minScore: 80 }, { name: '较差' }],
  quotaRounding: 'floor',
};

const formOf = (definition: unknown): SchemeForm => ({ ...schemeFormFromDefinition(definition), code: 'routine-2026' });

describe('form ⇄ engine definition', () => {
  it.each([
    ['the DESIGN §3.1 scheme with sections, category weights, a rating, an extra ledger and a veto', designScheme],
    ['a scheme without sections (the implicit section "main")', policeScheme],
  ])('gives back %s unchanged', (_, definition) => {
    expect(definitionFromForm(formOf(definition))).toEqual(definition);
  });

  it('shows fractions as percents and converts them back without float noise', () => {
    const form = formOf({ ...designScheme, sections: [{ id: 'a', weight: 0.07 }, { id: 'b', weight: 0.93 }] });
    expect(form.sections.map((s) => s.percent)).toEqual([7, 93]);
    expect(form.grades[0]?.quotaPercent).toBe(40);
    expect(definitionFromForm(form).sections).toEqual([{ id: 'a', weight: 0.07 }, { id: 'b', weight: 0.93 }]);
  });

  it("writes only the fields of the indicator's method, so switching the method leaves nothing stale", () => {
    const form = formOf(designScheme);
    const gdp = form.indicators[0];
    if (!gdp) throw new Error('no indicator');
    form.indicators[0] = { ...gdp, method: 'ledger' };
    expect(definitionFromForm(form).indicators[0]).toEqual({ id: 'gdp', section: 'result', kind: 'key', method: 'ledger', weight: 60, weightsByCategory: { A: 70, B: 50 } });
  });

  it('drops quota, floor and requirement from the last grade, which takes everyone left', () => {
    const form = formOf(designScheme);
    form.grades[3] = { ...form.grades[3]!, quotaPercent: 10, minScore: 1 };
    expect(definitionFromForm(form).grades[3]).toEqual({ name: '较差' });
  });

  it('writes an annual requirement (more than half 好, none 一般 or 较差)', () => {
    const form = formOf(designScheme);
    form.grades[0] = { ...form.grades[0]!, requiresGrade: '好', shareAbovePercent: 50, noneOf: ['一般', '较差'] };
    expect(definitionFromForm(form).grades[0]).toEqual({ name: '好', quota: 0.4, minScore: 90, requires: { grade: '好', shareAbove: 0.5, noneOf: ['一般', '较差'] } });
  });

  it('reads a broken JSON definition into a blank-where-wrong form instead of throwing', () => {
    const form = schemeFormFromDefinition({ indicators: [{ id: 3, method: 'magic' }], grades: 'none' });
    expect(form.indicators[0]).toMatchObject({ id: '', method: 'ledger', section: 'main' });
    expect(form.grades).toEqual([]);
  });
});

describe('quota coupling (考用结合)', () => {
  const coupled = {
    ...policeScheme,
    grouping: 'unit',
    quotaCoupling: { byTier: { 第一等次: 0.25, 第三等次: 0.15 }, otherwise: 0.2 },
  };

  it('gives back a coupled scheme unchanged, with and without a named grade', () => {
    expect(definitionFromForm(formOf(coupled))).toEqual(coupled);
    const named = { ...coupled, quotaCoupling: { grade: '较好', byTier: { 第一等次: 0.3 }, otherwise: 0.25 } };
    expect(definitionFromForm(formOf(named))).toEqual(named);
  });

  it('shows the quotas as percents and converts them back exactly (7 %, not 7.000000000000001)', () => {
    const form = formOf({ ...coupled, quotaCoupling: { byTier: { 第一等次: 0.07, 第二等次: 0.3 }, otherwise: 0.145 } });
    expect(form.quotaCoupling).toMatchObject({ enabled: true, grade: null, otherwisePercent: 14.5 });
    expect(form.quotaCoupling.tiers.map((row) => [row.tier, row.percent])).toEqual([
      ['第一等次', 7],
      ['第二等次', 30],
    ]);
    form.quotaCoupling.tiers[0] = { ...form.quotaCoupling.tiers[0]!, percent: 25 };
    form.quotaCoupling.tiers.push(emptyTierQuota('第三等次', 14.3));
    expect(quotaCouplingOf(form.quotaCoupling)).toEqual({ byTier: { 第一等次: 0.25, 第二等次: 0.3, 第三等次: 0.143 }, otherwise: 0.145 });
  });

  it('writes no coupling when switched off, but keeps the rows for switching it back on', () => {
    const form = formOf(coupled);
    form.quotaCoupling = { ...form.quotaCoupling, enabled: false };
    expect(definitionFromForm(form).quotaCoupling).toBeUndefined();
    expect(form.quotaCoupling.tiers).toHaveLength(2);
    expect(quotaCouplingFormOf(undefined)).toEqual({ enabled: false, grade: null, tiers: [], otherwisePercent: null });
  });

  it('leaves blank tier rows out and sends a blank quota as 0, for the engine to name', () => {
    const coupling = { enabled: true, grade: null, tiers: [emptyTierQuota(' 第一等次 ', null), emptyTierQuota('  ', 20)], otherwisePercent: null };
    expect(quotaCouplingOf(coupling)).toEqual({ byTier: { 第一等次: 0 }, otherwise: 0 });
  });

  it('couples any grade but the last, the first by default', () => {
    const form = formOf(coupled);
    expect(couplableGrades(form)).toEqual(['好', '较好', '一般']);
    expect(coupledGradeOf(form)).toBe('好');
    expect(coupledGradeOf({ ...form, quotaCoupling: { ...form.quotaCoupling, grade: '一般' } })).toBe('一般');
  });

  it('accepts a sound coupling by the form and by the engine', () => {
    const form = formOf(coupled);
    expect(checkSchemeForm(form)).toEqual([]);
    expect(checkDefinitionWithEngine(definitionFromForm(form))).toEqual([]);
  });

  it('names on its fields a coupling without unit grouping, on the last grade, with quotas out of range or duplicate tiers', () => {
    const form = formOf(coupled);
    form.grouping = 'all';
    form.quotaCoupling = {
      enabled: true,
      grade: '较差',
      tiers: [emptyTierQuota('第一等次', 0), emptyTierQuota('第一等次', 120), emptyTierQuota('', 10)],
      otherwisePercent: null,
    };
    expect(checkSchemeForm(form).map((i) => `${i.path} ${i.message}`)).toEqual([
      'quotaCoupling couplingNeedsUnit',
      'quotaCoupling.grade couplingGradeUnknown',
      'quotaCoupling.otherwise required',
      'quotaCoupling.tiers[0].quota couplingQuotaRange',
      'quotaCoupling.tiers[1].tier duplicate',
      'quotaCoupling.tiers[1].quota couplingQuotaRange',
      'quotaCoupling.tiers[2].tier required',
    ]);
    expect(checkSchemeForm({ ...formOf(coupled), quotaCoupling: { ...form.quotaCoupling, grade: null, tiers: [], otherwisePercent: 20 } }).map((i) => i.path)).toEqual(['quotaCoupling.byTier']);
  });

  it("puts the engine's coupling errors on the coupling's fields, a tier's quota by the tier's name", () => {
    const definition = { ...coupled, grouping: 'all', quotaCoupling: { grade: '较差', byTier: { 第一等次: 1.5, '2': 0.1 }, otherwise: 0 } };
    const paths = checkDefinitionWithEngine(definition).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['quotaCoupling', 'quotaCoupling.grade', 'quotaCoupling.otherwise', 'quotaCoupling.byTier.第一等次']));
    const form = formOf(definition);
    expect(onCouplingRows([{ path: 'quotaCoupling.byTier.2', message: 'x' }, { path: 'quotaCoupling.byTier.第一等次', message: 'y' }, { path: 'quotaCoupling.byTier.第九等次', message: 'z' }], form)).toEqual([
      { path: `quotaCoupling.tiers[${form.quotaCoupling.tiers.findIndex((r) => r.tier === '2')}].quota`, message: 'x' },
      { path: `quotaCoupling.tiers[${form.quotaCoupling.tiers.findIndex((r) => r.tier === '第一等次')}].quota`, message: 'y' },
      { path: 'quotaCoupling.byTier.第九等次', message: 'z' },
    ]);
    expect(formPathOf('definition.quotaCoupling.byTier.第三等次', definition)).toBe('quotaCoupling.byTier.第三等次');
    expect(formPathOf('definition.quotaCoupling.extra', definition)).toBe('quotaCoupling');
    expect(formAreaOf('quotaCoupling.tiers[1].tier')).toBe('coupling');
  });

  it('suggests the grades of the unit schemes as tiers, the newest scheme first, each once', () => {
    const scheme = (id: number, subjectKind: 'person' | 'unit', grades: string[]) => ({ id, subjectKind, definition: { grades: grades.map((name) => ({ name })) } });
    expect(
      tierSuggestionsOf([scheme(1, 'unit', ['一等', '二等']), scheme(2, 'person', ['好', '较差']), scheme(3, 'unit', ['第一等次', '第二等次', '第三等次', '一等'])]),
    ).toEqual(['第一等次', '第二等次', '第三等次', '一等', '二等']);
  });

  it('tells the period forms which grade a scheme couples and the quota of units without a tier', () => {
    expect(couplingBriefOf({ definition: coupled as Scheme['definition'] })).toEqual({ grade: '好', otherwisePercent: 20 });
    expect(couplingBriefOf({ definition: { ...coupled, quotaCoupling: { grade: '较好', byTier: {}, otherwise: 0.07 } } as Scheme['definition'] })).toEqual({ grade: '较好', otherwisePercent: 7 });
    expect(couplingBriefOf({ definition: policeScheme as Scheme['definition'] })).toBeNull();
    expect(couplingBriefOf(undefined)).toBeNull();
  });
});

describe('weight sums', () => {
  it('sums each section per category, a category without its own weight taking the default', () => {
    const form = formOf(designScheme);
    const sums = sectionWeightSums(form, weightCategories(form, ['A', 'B', 'C']));
    const result = sums.find((s) => s.section === 'result');
    expect(result?.sums.map((s) => [s.category, s.sum, s.ok])).toEqual([
      [null, 100, true],
      ['A', 100, true],
      ['B', 100, true],
      ['C', 100, true],
    ]);
  });

  it('marks a category whose weights do not sum to 100, and the form names the grid cell', () => {
    const form = formOf(designScheme);
    form.indicators[0] = { ...form.indicators[0]!, weightsByCategory: { A: 75, B: 50 } };
    const result = sectionWeightSums(form, ['A', 'B']).find((s) => s.section === 'result');
    expect(result?.sums.find((s) => s.category === 'A')).toMatchObject({ sum: 105, ok: false });
    expect(checkSchemeForm(form, ['A', 'B']).map((i) => i.path)).toEqual([weightCellPath(1, 'A')]);
  });

  it('sums decimals exactly (33.3 + 33.3 + 33.4 = 100)', () => {
    const form = emptySchemeForm();
    form.code = 'x';
    form.name = 'x';
    form.indicators = [33.3, 33.3, 33.4].map((weight, i) => ({ ...emptyIndicator('main'), id: `i${i}`, weight }));
    expect(sectionWeightSums(form, [])[0]?.sums[0]).toMatchObject({ sum: 100, ok: true });
  });

  it('leaves extra and veto indicators out of the section sum', () => {
    const sums = sectionWeightSums(formOf(policeScheme), []);
    expect(sums).toEqual([{ section: 'main', indicatorCount: 3, sums: [{ category: null, sum: 100, incomplete: false, ok: true }] }]);
  });

  it('reports a bad default sum once, not again for every category that inherits it', () => {
    const form = formOf(policeScheme);
    form.indicators[0] = { ...form.indicators[0]!, weight: 35 };
    expect(checkSchemeForm(form, ['INDUSTRY', 'URBAN']).map((i) => i.path)).toEqual([weightCellPath(0, null)]);
  });

  it('names the grid column of a category code the organization does not have', () => {
    expect(weightCategories(formOf(designScheme), ['INDUSTRY', 'A'])).toEqual(['INDUSTRY', 'A', 'B']);
  });
});

describe('checks', () => {
  it('accepts the DESIGN scheme both by the form and by the engine', () => {
    const form = formOf(designScheme);
    expect(checkSchemeForm(form, ['A', 'B'])).toEqual([]);
    expect(checkDefinitionWithEngine(definitionFromForm(form))).toEqual([]);
  });

  it('asks for code, name, ids and weights before saving', () => {
    const form = emptySchemeForm();
    form.indicators = [emptyIndicator('main')];
    expect(checkSchemeForm(form).map((i) => `${i.path} ${i.message}`)).toEqual(['code required', 'name required', 'indicators[0].id required', 'indicators[0].weight required']);
  });

  it('refuses a code the server would refuse, section weights not summing to 100 % and duplicate ids', () => {
    const form = formOf(designScheme);
    form.code = '年度';
    form.sections[0] = { ...form.sections[0]!, percent: 60 };
    form.indicators[1] = { ...form.indicators[1]!, id: 'gdp' };
    expect(checkSchemeForm(form, ['A', 'B']).map((i) => `${i.path} ${i.message}`)).toEqual(['code codePattern', 'sections sectionSum', 'indicators[1].id duplicate']);
  });

  it("maps the engine's own sum error to the category cell of the weight grid", () => {
    const definition = { ...designScheme, indicators: designScheme.indicators.map((i) => (i.id === 'gdp' ? { ...i, weightsByCategory: { A: 70, B: 40 } } : i)) };
    const issues = checkDefinitionWithEngine(definition);
    expect(issues.map((i) => i.path)).toEqual(['indicators[1].weightsByCategory.B']);
    expect(formAreaOf('indicators[1].weightsByCategory.B')).toBe('weights');
  });
});

describe('server error paths', () => {
  it.each([
    ['definition.indicators[2].weight', 'indicators[2].weight'],
    ['definition.indicators[0].weightsByCategory.A', 'indicators[0].weightsByCategory.A'],
    ['definition.indicators[2].raterGroups.peer', 'indicators[2].raterGroups'],
    ['definition.sections[1]', 'weights[1].*'],
    ['definition.sections[1].weight', 'sections[1].weight'],
    ['definition.sections', 'sections'],
    ['definition.grades[0].requires.noneOf[1]', 'grades[0].requires.noneOf'],
    ['definition.grades[3].quota', 'grades[3].quota'],
    ['definition', 'definition'],
    ['/code', 'code'],
    ['/definition', 'definition'],
  ])('shows %s at %s', (path, field) => {
    expect(formPathOf(path, designScheme)).toBe(field);
  });

  it('shows a sum error of a scheme without sections on the grid', () => {
    expect(formIssuesOfDetails([{ path: 'definition.indicators', message: 'section main sums to 90' }], policeScheme)).toEqual([
      { path: weightCellPath(0, null), message: 'section main sums to 90' },
    ]);
  });

  it.each([
    ['indicators[2].weightsByCategory.A', { area: 'indicators', index: 2, field: 'weightsByCategory.A' }],
    ['weights[1].*', { area: 'weights', index: 1, field: '*' }],
    ['code', { area: 'code', index: null, field: '' }],
  ])('splits %s into its parts', (path, parts) => {
    expect(splitFormPath(path)).toEqual(parts);
  });

  it('collects the issues of one indicator card', () => {
    const issues = [{ path: 'indicators[1].weight', message: 'a' }, { path: 'indicators[10].id', message: 'b' }, { path: 'indicators[1]', message: 'c' }];
    expect(issuesUnder(issues, 'indicators[1]').map((i) => i.message)).toEqual(['a', 'c']);
  });

  it('tells JSON that is not a definition', () => {
    expect(parseDefinitionJson('{"indicators": [').ok).toBe(false);
    expect(parseDefinitionJson('[1]')).toEqual({ ok: false, message: 'not an object' });
    expect(parseDefinitionJson('{"grades": []}')).toEqual({ ok: true, definition: { grades: [] } });
  });
});

describe('scheme list', () => {
  const scheme = (id: number, code: string, version: number, createdAt: string) =>
    ({ id, code, version, name: code, kind: 'routine', subjectKind: 'person', definition: {}, replacesId: null, createdAt, periodCount: 0 }) as Scheme;

  it('groups versions by code, newest version first, newest family first', () => {
    const families = groupSchemesByCode([scheme(1, 'a', 1, '2025-01-01'), scheme(2, 'b', 1, '2025-06-01'), scheme(3, 'a', 2, '2026-01-01')]);
    expect(families.map((f) => [f.code, f.versions.map((v) => v.version)])).toEqual([
      ['a', [2, 1]],
      ['b', [1]],
    ]);
  });
});

describe('flags and quotas', () => {
  it('reads the grade names of a scheme definition', () => {
    expect(gradeNamesOf({ grades: [{ name: '好', quota: 0.4 }, { name: '较差' }] })).toEqual(['好', '较差']);
  });
});
