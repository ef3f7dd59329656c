// Writes docs/examples/<name>.expected.json from docs/examples/<name>.json (with explain lines).
// Run after a deliberate rule change, then review the diff by hand:
//   npx tsx packages/engine/scripts/write-example-outputs.ts
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateInput } from '../src/index.js';

const directory = join(import.meta.dirname, '../../../docs/examples');
for (const file of readdirSync(directory).filter((name) => name.endsWith('.json') && !name.endsWith('.expected.json'))) {
  const outcome = evaluateInput(JSON.parse(readFileSync(join(directory, file), 'utf8')), { explain: true });
  if (!outcome.ok) throw new Error(`${file}: ${JSON.stringify(outcome.errors)}`);
  const target = join(directory, file.replace(/\.json$/, '.expected.json'));
  writeFileSync(target, `${JSON.stringify({ results: outcome.results }, null, 2)}\n`);
  console.log(`wrote ${target}`);
}
