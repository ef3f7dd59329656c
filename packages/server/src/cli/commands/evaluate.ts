import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { evaluateInput, formatResultsTable } from '@baton/engine';
import { CliError } from '../context.js';

async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function registerEvaluateCommand(program: Command) {
  program
    .command('evaluate <file>')
    .description('score, rank and grade a scenario (docs/product.md §3); <file> is a JSON file or - for standard input')
    .option('--explain', 'add the per-indicator explanation lines')
    .option('--format <format>', 'json (default) or table', 'json')
    .action(async (file: string, opts: { explain?: boolean; format: string }) => {
      if (!['json', 'table'].includes(opts.format)) throw new CliError(`--format: must be json or table, not ${opts.format}`, 2);
      let text: string;
      try {
        text = await readInput(file);
      } catch (err) {
        throw new CliError(`cannot read ${file}: ${(err as Error).message}`, 2);
      }
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch (err) {
        throw new CliError(`${file} is not valid JSON: ${(err as Error).message}`, 2);
      }
      const outcome = evaluateInput(input, { explain: opts.explain ?? false });
      if (!outcome.ok) {
        for (const e of outcome.errors) console.error(`${e.path}: ${e.message}`);
        throw new CliError(`invalid scenario (${outcome.errors.length} error${outcome.errors.length === 1 ? '' : 's'})`, 2);
      }
      process.stdout.write(opts.format === 'table' ? formatResultsTable(outcome.results) + '\n' : JSON.stringify({ results: outcome.results }, null, 2) + '\n');
    });
}
