import { describe, expect, it } from 'vitest';
import { buildRedBlackList, listDynamicPointEvents } from './red-black-list.js';
import { buildScenario } from './testing/scenario-builders.js';

describe('buildRedBlackList', () => {
  const events = [
    { id: 'e1', subject: 'a', points: 3 },
    { id: 'e2', subject: 'b', points: 5 },
    { id: 'e3', subject: 'a', points: 0.1 },
    { id: 'e4', subject: 'a', points: 0.2 },
    { id: 'e5', subject: 'c', points: -2 },
    { id: 'e6', subject: 'd', points: 1 },
    { id: 'e7', subject: 'd', points: -1 },
    { id: 'e8', subject: 'e', points: -4 },
    { id: 'e9', subject: 'f', points: 1 },
  ];

  it('lists the top n by net points among those above 0, and the bottom n among those below 0, each with its events', () => {
    expect(buildRedBlackList(events, { size: 2 })).toEqual({
      red: [
        { subject: 'b', points: 5, rank: 1, events: ['e2'] },
        { subject: 'a', points: 3.3, rank: 2, events: ['e1', 'e3', 'e4'] },
      ],
      black: [
        { subject: 'e', points: -4, rank: 1, events: ['e8'] },
        { subject: 'c', points: -2, rank: 2, events: ['e5'] },
      ],
    });
  });

  it('keeps a subject whose points net to 0 off both lists, and sums decimals exactly', () => {
    const list = buildRedBlackList(events);
    expect(list.red.map((entry) => entry.subject)).toEqual(['b', 'a', 'f']);
    expect(list.red[1]?.points).toBe(3.3);
    expect([...list.red, ...list.black].some((entry) => entry.subject === 'd')).toBe(false);
  });

  it('lists everyone tied at the last place instead of breaking the tie', () => {
    const tied = [
      { id: 'x1', subject: 'x', points: 2 },
      { id: 'y1', subject: 'y', points: 1 },
      { id: 'z1', subject: 'z', points: 1 },
    ];
    expect(buildRedBlackList(tied, { size: 2 }).red.map((entry) => [entry.subject, entry.rank])).toEqual([
      ['x', 1],
      ['y', 2],
      ['z', 2],
    ]);
  });

  it('leaves out a whole tied block below the list, however many it holds', () => {
    const events = [
      { id: 'a1', subject: 'a', points: 5 },
      { id: 'b1', subject: 'b', points: 4 },
      { id: 'c1', subject: 'c', points: 3 },
      { id: 'd1', subject: 'd', points: 1 },
      { id: 'e1', subject: 'e', points: 1 },
      { id: 'f1', subject: 'f', points: 1 },
      { id: 'g1', subject: 'g', points: -1 },
      { id: 'h1', subject: 'h', points: -1 },
      { id: 'i1', subject: 'i', points: -1 },
      { id: 'j1', subject: 'j', points: -1 },
    ];
    const list = buildRedBlackList(events, { size: 2 });
    expect(list.red.map((entry) => [entry.subject, entry.rank])).toEqual([['a', 1], ['b', 2]]);
    expect(list.black.map((entry) => [entry.subject, entry.rank])).toEqual([['g', 1], ['h', 1], ['i', 1], ['j', 1]]);
  });

  it('defaults to three entries a list', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((subject, i) => ({ id: subject, subject, points: i + 1 }));
    expect(buildRedBlackList(many).red).toHaveLength(3);
  });

  it('takes the dynamic point events of a scenario from its dynamic ledgers', () => {
    const scenario = buildScenario({
      indicators: [
        { id: 'conduct', kind: 'dynamic', method: 'ledger', weight: 100 },
        { id: 'bonus', method: 'ledger', extra: true, base: 0, max: 5 },
      ],
      facts: [
        { subject: 'p1', indicator: 'conduct', delta: -2, id: 'pe-1' },
        { subject: 'p1', indicator: 'bonus', delta: 1 },
        { subject: 'p1', indicator: 'conduct', delta: 1 },
      ],
    });
    expect(listDynamicPointEvents(scenario)).toEqual([
      { id: 'pe-1', subject: 'p1', points: -2 },
      { id: 'facts[2]', subject: 'p1', points: 1 },
    ]);
  });
});
