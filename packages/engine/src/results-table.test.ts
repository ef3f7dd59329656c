import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { formatResultsTable } from './results-table.js';
import { buildScenarioWithTotals } from './testing/scenario-builders.js';

describe('formatResultsTable', () => {
  it('prints one aligned line per result, counting a Chinese character as two columns', () => {
    const { results } = evaluate(buildScenarioWithTotals({ p1: 92.5, p2: 81, p3: 81 }));
    expect(formatResultsTable(results)).toBe(
      [
        'rank  group rank  subject  group  total  grade   main  flags',
        '----  ----------  -------  -----  -----  -----  -----  -----',
        '   1           1  p1       all    92.50  好     92.50',
        '   2           2  p2       all    81.00  较好   81.00',
        '   2           2  p3       all    81.00  较好   81.00',
      ].join('\n'),
    );
  });
});
