import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratchDirs, scratchDir } from '../testing/scratch-dirs.js';
import SQLite from 'better-sqlite3';

afterAll(removeScratchDirs);

const main = resolve(import.meta.dirname, 'main.ts');

// Five CLI processes in a row (each starts tsx): minutes on a loaded 2-core machine, not seconds.
describe('baton backup and restore (SQLite)', { timeout: 180_000 }, () => {
  const dataDir = scratchDir('baton-backup-');
  const env = { ...process.env, BATON_DATA_DIR: dataDir, DATABASE_URL: '' };
  const baton = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { encoding: 'utf8', env });
  const usernames = () => {
    const db = new SQLite(join(dataDir, 'baton.sqlite'), { readonly: true });
    try {
      return (db.prepare('select username from accounts order by id').all() as { username: string }[]).map((r) => r.username);
    } finally {
      db.close();
    }
  };

  it('restores the state of the backup and verifies its audit chain', () => {
    expect(baton('user', 'create', 'before', '--role', 'auditor').status).toBe(0);
    const file = join(dataDir, 'backup.sqlite');
    const backup = baton('backup', file);
    expect(backup.status, backup.stderr).toBe(0);
    expect(baton('user', 'create', 'after', '--role', 'auditor').status).toBe(0);
    expect(usernames()).toEqual(['before', 'after']);
    const restore = baton('restore', file);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/audit chain intact/);
    expect(usernames()).toEqual(['before']);
  });

  it('refuses a file that is not a backup, changing nothing', () => {
    const bogus = join(dataDir, 'bogus.sqlite');
    writeFileSync(bogus, 'not a database');
    const restore = baton('restore', bogus);
    expect(restore.status).toBe(2);
    expect(restore.stderr).toMatch(/is not a Baton backup/);
    expect(usernames()).toEqual(['before']);
  });
});
