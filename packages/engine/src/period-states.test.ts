import { describe, expect, it } from 'vitest';
import {
  PERIOD_ACTIONS, PERIOD_STATES, canTransition, isPeriodState, nextPeriodState, periodAllows, periodStatesRefusing, type PeriodAction, type PeriodState,
} from './period-states.js';

describe('the period state flow', () => {
  it.each([
    ['draft', 'open'],
    ['open', 'reviewing'],
    ['reviewing', 'publicity'],
    ['publicity', 'closed'],
    ['closed', null],
  ] as const)('%s moves on to %s only', (state, next) => {
    expect(nextPeriodState(state)).toBe(next);
    for (const to of PERIOD_STATES) expect(canTransition(state, to)).toBe(to === next);
  });

  it('goes through every state once, one step at a time, and closed is final', () => {
    const visited: PeriodState[] = [];
    for (let state: PeriodState | null = 'draft'; state !== null; state = nextPeriodState(state)) visited.push(state);
    expect(visited).toEqual([...PERIOD_STATES]);
  });

  it('tells a state from any other text', () => {
    expect(PERIOD_STATES.every(isPeriodState)).toBe(true);
    expect(['', 'Closed', 'published', 'toString'].some(isPeriodState)).toBe(false);
  });
});

describe('what each state allows', () => {
  // ✓ allowed, · refused; columns: draft open reviewing publicity closed.
  const table: Record<PeriodAction, string> = {
    editPeriod:           '✓ ✓ ✓ ✓ ·',
    changePublicityDays:  '✓ ✓ ✓ · ·',
    changeTierPeriod:     '✓ ✓ ✓ · ·',
    advance:              '✓ ✓ ✓ ✓ ·',
    changePoints:         '✓ ✓ ✓ ✓ ·',
    linkLogIndicators:    '· ✓ ✓ · ·',
    writeSummary:         '· ✓ ✓ · ·',
    rate:                 '· · ✓ · ·',
    reRateAppellant:      '· · · ✓ ·',
    decideTie:            '· · ✓ · ·',
    decideTieUnderAppeal: '· · · ✓ ·',
    previewResults:       '✓ ✓ ✓ · ·',
    readPublishedResults: '· · · ✓ ✓',
    appeal:               '· · · ✓ ·',
    decideAppeal:         '· · · ✓ ·',
    buildRedBlackLists:   '· ✓ ✓ ✓ ·',
    showInRankings:       '· ✓ ✓ ✓ ✓',
    countAsHistory:       '· · · · ✓',
  };

  it.each(Object.entries(table))('%s: %s', (action, row) => {
    const allowed = row.split(' ').map((cell) => cell === '✓');
    expect(PERIOD_STATES.map((state) => periodAllows(state, action as PeriodAction))).toEqual(allowed);
  });

  it('covers every action', () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(PERIOD_ACTIONS).sort());
  });

  it('lists the states of each action in the order of the flow (the server names them so in its errors)', () => {
    for (const states of Object.values(PERIOD_ACTIONS)) expect(states).toEqual(PERIOD_STATES.filter((state) => (states as readonly string[]).includes(state)));
  });

  it('lets a closed period change nothing: it is read, ranked and counted as history only', () => {
    expect(Object.keys(PERIOD_ACTIONS).filter((action) => periodAllows('closed', action as PeriodAction)).sort()).toEqual(['countAsHistory', 'readPublishedResults', 'showInRankings']);
  });

  it('shows results either as a preview or as published, never both', () => {
    for (const state of PERIOD_STATES) expect(periodAllows(state, 'previewResults')).toBe(!periodAllows(state, 'readPublishedResults'));
  });

  it('names the states that refuse an action', () => {
    expect(periodStatesRefusing('changePoints')).toEqual(['closed']);
    expect(periodStatesRefusing('writeSummary')).toEqual(['draft', 'publicity', 'closed']);
  });
});
