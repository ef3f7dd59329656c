import { describe, expect, it } from 'vitest';
import annualExpected from '../../../docs/examples/annual.expected.json';
import annual from '../../../docs/examples/annual.json';
import routineQuarterExpected from '../../../docs/examples/routine-quarter.expected.json';
import routineQuarter from '../../../docs/examples/routine-quarter.json';
import unitClassifiedExpected from '../../../docs/examples/unit-classified.expected.json';
import unitClassified from '../../../docs/examples/unit-classified.json';
import { evaluateInput } from './evaluate.js';

// The worked examples of docs/engine.md: if a rule changes, these fail until the examples
// and their expected outputs are reviewed (packages/engine/scripts/write-example-outputs.ts).
describe('docs/examples evaluate to their expected files', () => {
  it.each([
    ['routine-quarter', routineQuarter, routineQuarterExpected],
    ['annual', annual, annualExpected],
    ['unit-classified', unitClassified, unitClassifiedExpected],
  ])('%s', (_name, scenario, expected) => {
    const outcome = evaluateInput(scenario, { explain: true });
    expect(outcome.ok ? { results: outcome.results } : outcome).toEqual(expected);
  });
});
