import { describe, expect, it } from 'vitest';
import type { LinkableIndicator } from '@baton/contract/worklogs';
import { indicatorChoices } from './worklogs.model';

const routine = { code: 'routine', name: '平时考核' };
const points = { code: 'police-points', name: '民警动态积分' };
const indicator = (scheme: LinkableIndicator['scheme'], id: string, name: string, kind: LinkableIndicator['kind']): LinkableIndicator =>
  ({ ref: `${scheme.code}:${id}`, id, name, kind, scheme });

describe('the choices of 关联指标', () => {
  const duty = indicator(routine, 'duty', '履职尽责', 'key');
  const conduct = indicator(routine, 'conduct', '工作作风', 'regular');
  const work = indicator(points, 'work', '岗位实绩', null);

  it("lists one scheme's indicators without a heading, in the server's order", () => {
    expect(indicatorChoices([duty, conduct])).toEqual([
      { scheme: null, choices: [{ ref: 'routine:duty', name: '履职尽责', kind: 'key' }, { ref: 'routine:conduct', name: '工作作风', kind: 'regular' }] },
    ]);
    expect(indicatorChoices([])).toEqual([]);
  });

  it('groups them under their schemes when there are several', () => {
    expect(indicatorChoices([duty, work, conduct]).map((g) => [g.scheme, g.choices.map((c) => c.ref)])).toEqual([
      ['平时考核', ['routine:duty', 'routine:conduct']],
      ['民警动态积分', ['police-points:work']],
    ]);
  });

  it("keeps an edited entry's older reference choosable, first, named if it has a name", () => {
    expect(indicatorChoices([duty], '2026Q1:key_jobs', null)[0]).toEqual({ scheme: null, choices: [{ ref: '2026Q1:key_jobs', name: null, kind: null }] });
    expect(indicatorChoices([], 'old:tasks', '动态任务')).toEqual([{ scheme: null, choices: [{ ref: 'old:tasks', name: '动态任务', kind: null }] }]);
    // A reference among the choices is not repeated.
    expect(indicatorChoices([duty], 'routine:duty', '履职尽责')).toHaveLength(1);
  });
});
