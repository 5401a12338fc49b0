// What maintainers act on, most frequent first: the questions Depeche refused, the answers people marked not
// helpful (question, the entries that answered, counts) and those marked helpful. Reads the store configured for
// the bot (DATABASE_URL's, else the one in DATA_DIR; .env applies): `npm run report -- --json --limit 20`.
// `report:unanswered` is the same.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.ts';
import { collectReport, emptyReport, formatReport, type Report } from '../src/report/report.ts';
import { openExistingStore } from '../src/store/open.ts';
import { STORE_FILE, StoreError } from '../src/store/types.ts';

const USAGE = `usage: npm run report [-- [--json] [--limit N]]
  --json      one JSON object: {"store", "refused", "notHelpful", "helpful"}
  --limit N   at most N lines per section (default 50)`;

class UsageError extends Error {}

function options(argv: string[]): { json: boolean; limit: number; help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { json: { type: 'boolean' }, limit: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, ''));
  }
  const limit = parsed.values.limit === undefined ? 50 : Number(parsed.values.limit);
  if (!Number.isInteger(limit) || limit <= 0) throw new UsageError(`--limit takes a positive whole number, got "${parsed.values.limit}"`);
  return { json: parsed.values.json ?? false, limit, help: parsed.values.help ?? false };
}

async function main(argv: string[]): Promise<void> {
  const { json, limit, help } = options(argv);
  if (help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfig();
  // A report never creates a store: none yet means nothing was recorded.
  const store = await openExistingStore(config);
  let report: Report;
  try {
    report = store ? await collectReport(store, limit) : emptyReport(join(config.briefing.dataDir, STORE_FILE));
  } finally {
    await store?.close();
  }
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${store ? formatReport(report) : `No store at ${report.store} yet: nothing recorded.`}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`report: ${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (!(error instanceof ConfigError || error instanceof StoreError)) throw error;
  process.stderr.write(`report: ${error.message}\n`);
  process.exitCode = 1;
});
