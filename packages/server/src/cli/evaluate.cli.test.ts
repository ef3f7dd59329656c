import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratchDirs, scratchDir } from '../testing/scratch-dirs.js';

afterAll(removeScratchDirs);

const main = resolve(import.meta.dirname, 'main.ts');
const runBaton = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { encoding: 'utf8', input, env: { ...process.env, BATON_DATA_DIR: scratchDir('baton-cli-') } });

const scenario = {
  scheme: {
    name: 'q', kind: 'routine', indicators: [{ id: 'gdp', method: 'target', weight: 100, cap: 1.2 }], grouping: 'all',
    grades: [{ name: '好', quota: 0.5, minScore: 90 }, { name: '一般' }], quotaRounding: 'floor',
  },
  subjects: [{ id: 'a', name: '甲' }, { id: 'b', name: '乙' }],
  facts: [{ subject: 'a', indicator: 'gdp', actual: 105, target: 100 }, { subject: 'b', indicator: 'gdp', actual: 80, target: 100 }],
};

describe('baton evaluate', () => {
  it('prints the results JSON of a scenario file', () => {
    const dir = scratchDir('baton-scn-');
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(scenario));
    const out = runBaton(['evaluate', file, '--explain']);
    expect(out.status, out.stderr).toBe(0);
    const { results } = JSON.parse(out.stdout);
    expect(results[0]).toMatchObject({ subject: 'a', total: 105, grade: '好', rank: 1 });
    expect(results[0].explain.join('\n')).toContain('gdp');
  });

  it('reads standard input and prints a table for people', () => {
    const out = runBaton(['evaluate', '-', '--format', 'table'], JSON.stringify(scenario));
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/105\.00/);
  });

  it('exits 2 naming the path of the bad field on an invalid scenario', () => {
    const bad = { ...scenario, facts: [{ subject: 'a', indicator: 'gdp', actual: 1, target: 0 }] };
    const out = runBaton(['evaluate', '-'], JSON.stringify(bad));
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('facts[0].target');
  });

  it('exits 2 on a file that is not JSON', () => {
    const out = runBaton(['evaluate', '-'], '{ not json');
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/not valid JSON/);
  });
});
