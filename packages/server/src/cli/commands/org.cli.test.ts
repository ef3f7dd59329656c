import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratchDirs, scratchDir } from '../../testing/scratch-dirs.js';
import { buildWorkbook, smallOrgSheets } from '../../modules/imports/org-workbook.fixtures.js';

afterAll(removeScratchDirs);

const main = resolve(import.meta.dirname, '../main.ts');

describe('baton template / import / export org', () => {
  const dataDir = scratchDir('baton-cli-org-');
  const work = scratchDir('baton-cli-files-');
  const runBaton = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
      encoding: 'utf8', env: { ...process.env, BATON_DATA_DIR: dataDir, DATABASE_URL: '' },
    });

  it('writes the template, imports a file with its temporary passwords, and exports the roster', async () => {
    const template = join(work, 'template.xlsx');
    expect(runBaton(['template', 'org', template]).status).toBe(0);
    expect(readFileSync(template).subarray(0, 2).toString()).toBe('PK');

    const file = join(work, 'org.xlsx');
    writeFileSync(file, await buildWorkbook(smallOrgSheets()));
    const imported = runBaton(['import', 'org', file]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/people\s+3 new/);
    const passwords = readFileSync(join(work, 'org-passwords.csv'), 'utf8');
    expect(passwords).toMatch(/^\ufeff工号,姓名,用户名,初始密码\nE001,张三,E001,\w{14}\n/);

    const exported = join(work, 'roster.xlsx');
    expect(runBaton(['export', 'org', exported]).status).toBe(0);
    expect(existsSync(exported)).toBe(true);
  }, 60_000);

  it('exits 2 and prints the error table for an invalid file', async () => {
    const sheets = smallOrgSheets();
    sheets['人员']![2]![3] = 'NOWHERE';
    const file = join(work, 'bad.xlsx');
    writeFileSync(file, await buildWorkbook(sheets));
    const out = runBaton(['import', 'org', file]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/人员\s+3\s+单位编码\s+unknown unit code NOWHERE/);
  }, 60_000);
});
