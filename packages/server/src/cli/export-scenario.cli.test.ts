import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeScratchDirs, scratchDir } from '../testing/scratch-dirs.js';
import { bootstrap } from '../app/bootstrap.js';
import { openDatabase } from '../db/kysely.js';
import { createAssessmentPeriod } from '../modules/periods/index.js';
import { exportPeriodScenario } from '../modules/results/index.js';
import { adminActor, depsFor } from '../testing/fixtures.js';
import { createAssessmentScheme } from '../modules/schemes/index.js';

afterAll(removeScratchDirs);

const main = resolve(import.meta.dirname, 'main.ts');

describe('baton export scenario', () => {
  const dataDir = scratchDir('baton-cli-scenario-');
  const runBaton = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { encoding: 'utf8', env: { ...process.env, BATON_DATA_DIR: dataDir, DATABASE_URL: '' } });
  let expected: string;

  beforeAll(async () => {
    const handle = openDatabase({ sqliteFile: join(dataDir, 'baton.sqlite') });
    const deps = depsFor(handle);
    await bootstrap({ ...deps, config: { ...deps.config, seedDemo: false } });
    const scheme = await createAssessmentScheme(deps, adminActor, {
      code: 'q', name: '平时考核', subjectKind: 'person',
      definition: { indicators: [{ id: 'style', method: 'ledger', weight: 100 }], grades: [{ name: '好', quota: 0.4 }, { name: '较好' }] },
    });
    await createAssessmentPeriod(deps, adminActor, { name: '2026年一季度', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: scheme.id });
    expected = (await exportPeriodScenario(deps, adminActor, 1, {})).json;
    await handle.destroy();
  });

  it("prints a period's scenario as the API gives it", () => {
    const out = runBaton(['export', 'scenario', '1']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toBe(`${expected}\n`);
    expect(JSON.parse(out.stdout)).toMatchObject({ scheme: { grades: [{ name: '好' }, { name: '较好' }] }, subjects: [], facts: [] });
  }, 60_000);

  it('exits 2 naming the problem: a version that does not exist', () => {
    const version = runBaton(['export', 'scenario', '1', '--version', '3']);
    expect(version.status).toBe(2);
    expect(version.stderr).toMatch(/resultVersion 3 of period 1 not found/);
  }, 60_000);
});
