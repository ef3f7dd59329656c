import { describe, expect, it } from 'vitest';
import type { ReviewIndicator, ReviewRow } from '@baton/contract/reviews';
import {
  buildPreviewRequest,
  buildSaveRatings,
  daysUntil,
  dirtyPersonIds,
  draftIssues,
  effectiveDraft,
  isPersonDirty,
  othersRatings,
  parseRating,
  previewsByPerson,
  ratingText,
  savedDraftOf,
  type SheetDrafts,
} from './reviews.model';

const indicators: ReviewIndicator[] = [
  { id: 'key_work', name: '重点工作', kind: 'key', section: 'main', weight: 50, weightsByCategory: null },
  { id: 'routine', name: '日常工作', kind: 'regular', section: 'main', weight: 30, weightsByCategory: null },
  { id: 'task', name: '动态任务', kind: 'dynamic', section: 'main', weight: 20, weightsByCategory: null },
];

function row(id: number, ratings: ReviewRow['ratings'] = {}): ReviewRow {
  return {
    person: { id, name: `P${id}`, employeeNo: `E${id}`, unitId: 3, unitName: '川姜镇' },
    summary: null,
    ratings,
    allRatings: [],
    preview: { total: 80, grade: '较好', rank: id, groupRank: id, group: { key: 'unit:3', name: '川姜镇' }, flags: [] },
    appealPending: false,
    rateable: true,
  };
}

const saved = (rating: number, comment: string | null = null, task: string | null = null) => ({
  indicator: '',
  raterName: null,
  mine: true,
  rating,
  comment,
  task,
  ratedBy: 'leader_x',
  updatedAt: '2026-12-01T00:00:00Z',
});

describe('parseRating', () => {
  it.each([
    ['92', 92],
    ['92.5', 92.5],
    ['92.25', 92.25],
    ['92.50', 92.5],
    ['0', 0],
    ['100', 100],
    ['100.00', 100],
    ['0.1', 0.1],
    [' 88 ', 88],
    ['92.', 92],
  ])('accepts %j as %s', (text, value) => {
    expect(parseRating(text)).toMatchObject({ state: 'valid', value });
  });

  it('reads hundredths from the text, not from a float', () => {
    expect(parseRating('80.12')).toEqual({ state: 'valid', value: 80.12, hundredths: 8012 });
    expect(parseRating('0.29')).toMatchObject({ hundredths: 29 });
  });

  it.each([
    ['92.555', 'decimals'],
    ['92.125', 'decimals'],
    ['100.01', 'range'],
    ['101', 'range'],
    ['1000', 'range'],
    ['-1', 'range'],
    ['abc', 'format'],
    ['1e2', 'format'],
    ['.5', 'format'],
    ['9,5', 'format'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(parseRating(text)).toEqual({ state: 'invalid', problem });
  });

  it('treats a blank field as not rated', () => {
    expect(parseRating('')).toEqual({ state: 'empty' });
    expect(parseRating('   ')).toEqual({ state: 'empty' });
    expect(parseRating(null)).toEqual({ state: 'empty' });
  });

  it('accepts numbers as well as text', () => {
    expect(parseRating(95.5)).toMatchObject({ state: 'valid', value: 95.5 });
  });

  it('shows a saved rating without float noise', () => {
    expect(ratingText(0.1 + 0.2)).toBe('0.3');
    expect(ratingText(92.5)).toBe('92.5');
    expect(ratingText(null)).toBe('');
  });
});

describe('dirty tracking', () => {
  const rows = [row(1, { key_work: saved(90, '踏实') }), row(2)];

  it('takes the saved ratings as the form values of an untouched person', () => {
    expect(savedDraftOf(rows[0]!, indicators)).toEqual({
      key_work: { rating: '90', comment: '踏实', task: '' },
      routine: { rating: '', comment: '', task: '' },
      task: { rating: '', comment: '', task: '' },
    });
    expect(effectiveDraft(rows[0]!, {}, indicators).key_work?.rating).toBe('90');
  });

  it('is clean when nothing was touched', () => {
    expect(dirtyPersonIds(rows, {}, indicators)).toEqual([]);
  });

  it('marks a person whose rating changed', () => {
    const drafts: SheetDrafts = { '2': { routine: { rating: '85', comment: '', task: '' } } };
    expect(dirtyPersonIds(rows, drafts, indicators)).toEqual(['2']);
  });

  it('is clean when the typed value equals the saved one as a number', () => {
    const drafts: SheetDrafts = { '1': { key_work: { rating: '90.00', comment: '踏实 ', task: '' } } };
    expect(isPersonDirty(rows[0]!, drafts, indicators)).toBe(false);
  });

  it('marks a changed comment, a cleared rating and a changed dynamic task', () => {
    expect(isPersonDirty(rows[0]!, { '1': { key_work: { rating: '90', comment: '很踏实', task: '' } } }, indicators)).toBe(true);
    expect(isPersonDirty(rows[0]!, { '1': { key_work: { rating: '', comment: '踏实', task: '' } } }, indicators)).toBe(true);
    expect(isPersonDirty(rows[1]!, { '2': { task: { rating: '', comment: '', task: '防汛值守' } } }, indicators)).toBe(true);
  });

  it('ignores a task typed on a non-dynamic indicator', () => {
    expect(isPersonDirty(rows[1]!, { '2': { routine: { rating: '', comment: '', task: 'x' } } }, indicators)).toBe(false);
  });

  it('stays dirty while the rating is invalid', () => {
    expect(isPersonDirty(rows[0]!, { '1': { key_work: { rating: '90.555', comment: '踏实', task: '' } } }, indicators)).toBe(true);
  });
});

describe('saving a person', () => {
  it('sends the rated indicators with their comments, and the task only for a dynamic one', () => {
    const draft = {
      key_work: { rating: '92.5', comment: ' 主动担当 ', task: 'ignored' },
      routine: { rating: '', comment: '', task: '' },
      task: { rating: '88', comment: '', task: ' 防汛值守 ' },
    };
    expect(buildSaveRatings(draft, indicators)).toEqual([
      { indicator: 'key_work', rating: 92.5, comment: '主动担当' },
      { indicator: 'task', rating: 88, task: '防汛值守' },
    ]);
  });

  it('names the indicators that cannot be saved', () => {
    const draft = {
      key_work: { rating: '92.555', comment: '', task: '' },
      routine: { rating: '', comment: '只有评语', task: '' },
      task: { rating: '', comment: '', task: '只有任务' },
    };
    expect(draftIssues(draft, indicators)).toEqual({ key_work: 'decimals', routine: 'ratingRequired', task: 'ratingRequired' });
    expect(draftIssues({ key_work: { rating: '101', comment: '', task: '' } }, indicators)).toEqual({ key_work: 'range' });
    expect(draftIssues({}, indicators)).toEqual({});
  });
});

describe("other leaders' ratings", () => {
  const other = { ...saved(75, '另一位'), ratedBy: 'leader_y', mine: false };
  const r = { ...row(1, { key_work: other, routine: { ...saved(80), mine: true } }), allRatings: [{ ...other, indicator: 'key_work' }, { ...saved(80), indicator: 'routine', mine: true }] };

  it('are not the form values of the caller', () => {
    expect(savedDraftOf(r, indicators).key_work).toEqual({ rating: '', comment: '', task: '' });
    expect(savedDraftOf(r, indicators).routine?.rating).toBe('80');
  });

  it('are shown beside the form, and never sent as the caller\'s own in a preview', () => {
    expect(othersRatings(r, 'key_work').map((x) => x.ratedBy)).toEqual(['leader_y']);
    expect(othersRatings(r, 'routine')).toEqual([]);
    expect(buildPreviewRequest(3, [r], {}, indicators).ratings).toEqual([{ personId: 1, indicator: 'routine', rating: 80 }]);
  });
});

describe('buildPreviewRequest', () => {
  const rows = [row(1, { key_work: saved(90), routine: saved(80) }), row(2)];

  it('sends every saved rating when nothing was typed', () => {
    expect(buildPreviewRequest(3, rows, {}, indicators)).toEqual({
      unit: 3,
      ratings: [
        { personId: 1, indicator: 'key_work', rating: 90 },
        { personId: 1, indicator: 'routine', rating: 80 },
      ],
    });
  });

  it('puts the typed ratings over the saved ones, and leaves out a cleared one', () => {
    const drafts: SheetDrafts = {
      '1': { key_work: { rating: '95', comment: '', task: '' }, routine: { rating: '', comment: '', task: '' } },
      '2': { task: { rating: '70.25', comment: '', task: '' } },
    };
    expect(buildPreviewRequest(3, rows, drafts, indicators).ratings).toEqual([
      { personId: 1, indicator: 'key_work', rating: 95 },
      { personId: 2, indicator: 'task', rating: 70.25 },
    ]);
  });

  it('keeps the saved value while a field does not parse', () => {
    const drafts: SheetDrafts = { '1': { key_work: { rating: '9.555', comment: '', task: '' } } };
    expect(buildPreviewRequest(null, rows, drafts, indicators)).toEqual({
      ratings: [
        { personId: 1, indicator: 'key_work', rating: 90 },
        { personId: 1, indicator: 'routine', rating: 80 },
      ],
    });
  });

  it('shows the server previews over the sheet ones', () => {
    const fresh = { total: 95, grade: '好', rank: 1, groupRank: 1, group: { key: 'unit:3', name: '川姜镇' }, flags: [] };
    const map = previewsByPerson(rows, { people: [{ personId: 2, preview: fresh }] });
    expect(map.get('2')).toBe(fresh);
    expect(map.get('1')?.total).toBe(80);
  });
});

describe('deadlines and explanations', () => {
  it('counts the days left to a deadline', () => {
    expect(daysUntil('2026-12-20', '2026-12-15')).toBe(5);
    expect(daysUntil('2026-12-15', '2026-12-15')).toBe(0);
    expect(daysUntil('2026-12-10', '2026-12-15')).toBe(-5);
    expect(daysUntil(null, '2026-12-15')).toBeNull();
  });
});
