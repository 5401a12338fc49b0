// Copies an SQLite store into PostgreSQL, before running several instances on it:
// `npm run store:migrate -- --to "$DATABASE_URL" [--from <DATA_DIR or file>]` (--from defaults to DATA_DIR; .env applies).
// Idempotent: running it again copies nothing twice. Prints what it copied, per table.
import { parseArgs } from 'node:util';
import { ConfigError, databaseUrl, loadConfig } from '../src/config.ts';
import { copySqliteToPostgres, type CopyReport } from '../src/store/sqlite-to-postgres.ts';
import { StoreError } from '../src/store/types.ts';

function options(argv: string[]): { from?: string; to: string } {
  let values: { from?: string; to?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' } } }));
  } catch (error) {
    throw new ConfigError(`${(error as Error).message.split('\n')[0]}; usage: npm run store:migrate -- --to postgres://… [--from DATA_DIR]`);
  }
  if (!values.to) throw new ConfigError('--to is missing; usage: npm run store:migrate -- --to postgres://… [--from DATA_DIR]');
  return { from: values.from, to: values.to };
}

function format(report: CopyReport): string {
  const width = Math.max(...report.counts.map((count) => count.table.length));
  const lines = report.counts.map((count) => {
    const merged = count.table === 'unanswered questions' ? `, ${count.merged} merged (larger count kept)` : '';
    return `  ${count.table.padEnd(width)}  ${count.copied} copied${merged}, ${count.already} already there`;
  });
  return [`Copied ${report.from} into ${report.to}:`, ...lines].join('\n');
}

async function main(): Promise<void> {
  const args = options(process.argv.slice(2));
  // The message names the option, never its value: the URL holds the password.
  const to = databaseUrl(args.to);
  if (!to) throw new ConfigError('--to: must be a URL such as postgres://user:password@host:5432/database');
  const from = args.from ?? loadConfig().briefing.dataDir;
  process.stdout.write(`${format(await copySqliteToPostgres({ from, to }))}\n`);
}

main().catch((error: unknown) => {
  if (!(error instanceof ConfigError || error instanceof StoreError)) throw error;
  process.stderr.write(`store:migrate: ${error.message}\n`);
  process.exitCode = 1;
});
