import { describe, expect, it } from 'vitest';
import type { Scheme } from '../points/points.api';
import {
  canEditPeriod,
  checkDefinitionWithEngine,
  editablePeriodFields,
  isDeadlineBeforeStart,
  knownPeriodDetail,
  periodEditValuesOf,
  periodPatchOf,
  checkSchemeForm,
  couplableGrades,
  couplingBriefOf,
  coupledGradeOf,
  definitionFromForm,
  emptyTierQuota,
  quotaCouplingFormOf,
  quotaCouplingOf,
  tierPeriodsOf,
  onCouplingRows,
  tierSuggestionsOf,
  emptyIndicator,
  emptySchemeForm,
  formAreaOf,
  formIssuesOfDetails,
  formPathOf,
  groupSchemesByCode,
  issuesUnder,
  isUnitWithin,
  nextPeriodState,
  parseDefinitionJson,
  periodInputOf,
  periodLinksFor,
  periodRolesOf,
  periodRange,
  periodRangeLabel,
  schemeFormFromDefinition,
  sectionWeightSums,
  splitFormPath,
  unitRefsOfPath,
  weightCategories,
  weightCellPath,
  type SchemeForm,
} from './schemes.model';

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

describe('periods', () => {
  it('moves one state at a time and stops at closed', () => {
    expect(nextPeriodState('draft')).toBe('open');
    expect(nextPeriodState('reviewing')).toBe('publicity');
    expect(nextPeriodState('closed')).toBeNull();
  });

  const member = { 'summary.write': true, 'results.read': true };
  const leader = { 'summary.write': true, 'review.rate': true, 'results.read': true };
  const admin = { 'period.manage': true, 'results.read': true, 'results.export': true };
  const kinds = (state: 'draft' | 'open' | 'reviewing' | 'publicity' | 'closed', abilities: Record<string, boolean>) =>
    periodLinksFor({ id: 7, state }, abilities).map((l) => l.kind);

  it.each([
    ['a member', 'draft', [], member],
    ['a member', 'open', ['summary'], member],
    ['a member', 'reviewing', ['summary'], member],
    ['a member', 'publicity', ['results'], member],
    ['a leader', 'reviewing', ['summary', 'review'], leader],
    ['a leader', 'publicity', ['review', 'results'], leader],
    ['a leader', 'closed', ['results'], leader],
    ['the admin', 'draft', ['preview'], admin],
    ['the admin', 'reviewing', ['preview'], admin],
    ['the admin', 'closed', ['results'], admin],
  ] as const)('gives %s in state %s the links %j', (_, state, expected, abilities) => {
    expect(kinds(state, abilities)).toEqual(expected);
  });

  // 区 1 ─ 公安分局 17 ─ 治安大队 94; 审计局 30
  const units = [
    { id: 1, parentId: null },
    { id: 17, parentId: 1 },
    { id: 94, parentId: 17 },
    { id: 30, parentId: 1 },
  ];

  it('finds a unit in a subtree by walking up the parents the caller sees', () => {
    expect(isUnitWithin(94, 17, units)).toBe(true);
    expect(isUnitWithin(30, 17, units)).toBe(false);
    // a member sees only his own unit: the walk cannot tell beyond its parent
    expect(isUnitWithin(94, 1, [{ id: 94, parentId: 17 }])).toBeNull();
  });

  it("reads the ancestors from a unit's path", () => {
    const refs = unitRefsOfPath([{ id: 1 }, { id: 2 }]);
    expect(refs).toEqual([
      { id: 1, parentId: null },
      { id: 2, parentId: 1 },
    ]);
    // a street leader is not in the police period
    expect(periodRolesOf({ unitId: 17 }, { personUnitId: 2, ledUnitIds: [2] }, refs)).toEqual({ participant: false, reviewer: false });
  });

  it("offers the summary only to those in the period's scope, and the review to leaders of a unit in it", () => {
    const police = { unitId: 17 };
    expect(periodRolesOf(police, { personUnitId: 94, ledUnitIds: [] }, units)).toEqual({ participant: true, reviewer: false });
    expect(periodRolesOf(police, { personUnitId: 30, ledUnitIds: [30] }, units)).toEqual({ participant: false, reviewer: false });
    expect(periodRolesOf(police, { personUnitId: 17, ledUnitIds: [1] }, units)).toEqual({ participant: true, reviewer: true });
    expect(periodRolesOf(null, { personUnitId: 30, ledUnitIds: [] }, units)).toEqual({ participant: true, reviewer: false });
    expect(periodLinksFor({ id: 7, state: 'reviewing' }, leader, { participant: false, reviewer: true }).map((l) => l.kind)).toEqual(['review']);
    expect(periodLinksFor({ id: 7, state: 'closed' }, leader, { participant: false, reviewer: false })).toEqual([]);
    expect(periodLinksFor({ id: 7, state: 'closed' }, admin, { participant: false, reviewer: false }).map((l) => l.kind)).toEqual(['results']);
  });

  it('links to the cycle pages of the period', () => {
    expect(periodLinksFor({ id: 7, state: 'reviewing' }, leader).map((l) => l.path)).toEqual(['/periods/7/summary', '/periods/7/review']);
  });

  it.each([
    ['month', 2026, 2, '2026-02-01', '2026-02-28', '2026年2月'],
    ['month', 2028, 2, '2028-02-01', '2028-02-29', '2028年2月'],
    ['quarter', 2026, 4, '2026-10-01', '2026-12-31', '2026年第4季度'],
    ['half_year', 2026, 2, '2026-07-01', '2026-12-31', '2026年下半年'],
    ['year', 2026, 1, '2026-01-01', '2026-12-31', '2026年度'],
  ] as const)('quick-picks a %s of %i (#%i)', (kind, year, index, startsOn, endsOn, label) => {
    const range = periodRange(kind, year, index);
    expect(range).toEqual({ kind, startsOn, endsOn });
    expect(periodRangeLabel(range, 'zh-CN')).toBe(label);
  });

  it('sends the optional deadlines and scope only when set', () => {
    const base = { name: ' 2026年第1季度 ', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: 1 };
    expect(periodInputOf({ ...base, scopeUnitId: null, summaryDueOn: null, reviewDueOn: '', publicityDays: 5 })).toEqual({ ...base, name: '2026年第1季度', publicityDays: 5 });
    expect(periodInputOf({ ...base, scopeUnitId: '17', summaryDueOn: '2026-04-05' })).toEqual({ ...base, name: '2026年第1季度', scopeUnitId: 17, summaryDueOn: '2026-04-05' });
  });

  it('sends the tier period only when one is chosen', () => {
    const base = { name: 'Q1', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: 1 };
    expect(periodInputOf({ ...base, tierPeriodId: 7 })).toEqual({ ...base, tierPeriodId: 7 });
    expect(periodInputOf({ ...base, tierPeriodId: null })).toEqual(base);
  });

  describe('tier periods (考用结合)', () => {
    const schemes = [
      { id: 1, subjectKind: 'person' as const },
      { id: 2, subjectKind: 'unit' as const },
      { id: 3, subjectKind: 'unit' as const },
    ];
    const periods = [
      { id: 10, name: '2026年第1季度平时考核', schemeId: 1, startsOn: '2026-01-01' },
      { id: 11, name: '2025年度镇街综合考核', schemeId: 2, startsOn: '2025-01-01' },
      { id: 12, name: '2026年一季度镇街考核', schemeId: 3, startsOn: '2026-01-01' },
      { id: 13, name: '未知方案的周期', schemeId: 99, startsOn: '2026-04-01' },
    ];

    it('offers the periods of unit schemes, the latest first', () => {
      expect(tierPeriodsOf(periods, schemes).map((p) => p.id)).toEqual([12, 11]);
    });

    it('never offers a period as its own tier period', () => {
      expect(tierPeriodsOf(periods, schemes, 12).map((p) => p.id)).toEqual([11]);
    });

    it('offers nothing while the schemes are unknown', () => {
      expect(tierPeriodsOf(periods, [])).toEqual([]);
    });
  });

  describe('editing a period', () => {
    const period = { state: 'open' as const, name: '2026年第2季度', startsOn: '2026-04-01', summaryDueOn: '2026-07-03', reviewDueOn: null, publicityDays: 5 };
    const values = periodEditValuesOf(period);

    it.each([
      ['draft', ['name', 'summaryDueOn', 'reviewDueOn', 'publicityDays', 'tierPeriodId']],
      ['open', ['name', 'summaryDueOn', 'reviewDueOn', 'publicityDays', 'tierPeriodId']],
      ['reviewing', ['name', 'summaryDueOn', 'reviewDueOn', 'publicityDays', 'tierPeriodId']],
      ['publicity', ['name', 'summaryDueOn', 'reviewDueOn']],
      ['closed', []],
    ] as const)('lets the admin change in state %s: %j', (state, fields) => {
      expect(editablePeriodFields(state)).toEqual(fields);
    });

    it('offers editing to the admin only, and never on a closed period', () => {
      expect(canEditPeriod('publicity', { 'period.manage': true })).toBe(true);
      expect(canEditPeriod('closed', { 'period.manage': true })).toBe(false);
      expect(canEditPeriod('open', { 'results.export': true })).toBe(false);
    });

    it('starts from the period as it is', () => {
      expect(values).toEqual({ name: '2026年第2季度', summaryDueOn: '2026-07-03', reviewDueOn: null, publicityDays: 5, tierPeriodId: null });
      expect(periodEditValuesOf({ name: 'x', publicityDays: 0, tierPeriod: { id: 4 } })).toEqual({ name: 'x', summaryDueOn: null, reviewDueOn: null, publicityDays: 0, tierPeriodId: 4 });
    });

    it('sends nothing when nothing changed', () => {
      expect(periodPatchOf(period, values)).toEqual({});
      // a name differing only in surrounding blanks is the same name
      expect(periodPatchOf(period, { ...values, name: ' 2026年第2季度 ' })).toEqual({});
    });

    it('sends only the changed fields, a cleared deadline as null', () => {
      expect(periodPatchOf(period, { ...values, reviewDueOn: '2026-07-08' })).toEqual({ reviewDueOn: '2026-07-08' });
      expect(periodPatchOf(period, { ...values, summaryDueOn: null, publicityDays: 7, name: ' Q2 ' })).toEqual({ name: 'Q2', summaryDueOn: null, publicityDays: 7 });
      expect(periodPatchOf(period, { ...values, summaryDueOn: '' as unknown as null })).toEqual({ summaryDueOn: null });
    });

    it('leaves a blank name or blank days alone rather than sending what the server refuses', () => {
      expect(periodPatchOf(period, { ...values, name: '   ', publicityDays: null })).toEqual({});
    });

    it('never sends the publicity days once the window is fixed, nor anything for a closed period', () => {
      expect(periodPatchOf({ ...period, state: 'publicity' }, { ...values, publicityDays: 9, reviewDueOn: '2026-07-10' })).toEqual({ reviewDueOn: '2026-07-10' });
      expect(periodPatchOf({ ...period, state: 'closed' }, { ...values, name: '改名', publicityDays: 9 })).toEqual({});
    });

    it('sends the tier period only when it changed, a cleared one as null', () => {
      const tiered = { ...period, tierPeriod: { id: 4, name: '2026年一季度镇街考核' } };
      const start = periodEditValuesOf(tiered);
      expect(periodPatchOf(tiered, start)).toEqual({});
      expect(periodPatchOf(tiered, { ...start, tierPeriodId: 9 })).toEqual({ tierPeriodId: 9 });
      expect(periodPatchOf(tiered, { ...start, tierPeriodId: null })).toEqual({ tierPeriodId: null });
      expect(periodPatchOf(period, { ...values, tierPeriodId: 4 })).toEqual({ tierPeriodId: 4 });
    });

    it('never sends the tier period once the period is in publicity (the published seats are fixed)', () => {
      expect(periodPatchOf({ ...period, state: 'publicity' }, { ...values, tierPeriodId: 4 })).toEqual({});
    });

    it('refuses a deadline before the period starts, as the server does', () => {
      expect(isDeadlineBeforeStart('2026-03-31', '2026-04-01')).toBe(true);
      expect(isDeadlineBeforeStart('2026-04-01', '2026-04-01')).toBe(false);
      expect(isDeadlineBeforeStart('2026-08-01', '2026-04-01')).toBe(false);
      expect(isDeadlineBeforeStart(null, '2026-04-01')).toBe(false);
    });

    it('reads the server field messages of a period as message keys, leaving others as they come', () => {
      expect(knownPeriodDetail('must not be before the period starts (2026-10-01)')).toEqual({ key: 'beforeStart', date: '2026-10-01' });
      expect(knownPeriodDetail('is not a date')).toEqual({ key: 'notDate' });
      expect(knownPeriodDetail('publicityDays can change only before publicity')).toEqual({ key: 'publicityFixed' });
      expect(knownPeriodDetail('the unit tiers can change only before publicity')).toEqual({ key: 'tierFixed' });
      expect(knownPeriodDetail('unknown period 999999')).toEqual({ key: 'tierUnknown' });
      expect(knownPeriodDetail('period 3 does not assess units: its grades are no unit tiers')).toEqual({ key: 'tierNotUnit' });
      expect(knownPeriodDetail('must NOT have fewer than 1 characters')).toBeNull();
    });
  });
});
