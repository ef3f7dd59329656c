#!/usr/bin/env node
// Builds the web UI (vite build) when packages/web/dist is missing or older than its sources,
// so `npm start` and `npm test` work on a fresh clone without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const web = join(import.meta.dirname, '..', 'packages', 'web');
const built = join(web, 'dist', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = [join(web, 'src'), join(web, 'index.html'), join(web, 'vite.config.ts')].filter(existsSync);
const newestSource = Math.max(0, ...sources.map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)));
if (!sources.length) process.exit(0);
if (existsSync(built) && statSync(built).mtimeMs >= newestSource) process.exit(0);

console.log('Building the web UI (packages/web) …');
execFileSync('npm', ['run', 'build', '-w', '@baton/web'], { stdio: 'inherit' });
