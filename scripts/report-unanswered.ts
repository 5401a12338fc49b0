// Lists the questions Depeche could not answer, most asked first, so that maintainers know what to add to the
// knowledge: `npm run report:unanswered [-- --limit 20] [-- --json]`. Reads the store: DATABASE_URL's, else the one
// in DATA_DIR (.env applies).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config.ts';
import { openStore } from '../src/store/open.ts';
import { STORE_FILE } from '../src/store/sqlite.ts';
import { StoreError, type UnansweredQuestion } from '../src/store/types.ts';

function parseArgs(argv: string[]): { limit: number; json: boolean } {
  const at = argv.indexOf('--limit');
  const limit = at >= 0 ? Number(argv[at + 1]) : 50;
  if (!Number.isInteger(limit) || limit <= 0) throw new ConfigError('--limit takes a positive whole number');
  return { limit, json: argv.includes('--json') };
}

function formatReport(questions: readonly UnansweredQuestion[], file: string): string {
  if (!questions.length) return `No unanswered questions recorded in ${file}.`;
  const width = Math.max(5, ...questions.map((q) => String(q.count).length));
  const lines = questions.map((q) => `${String(q.count).padStart(width)}  ${new Date(q.lastSeen).toISOString().slice(0, 16).replace('T', ' ')}  ${q.text}`);
  return [`${'asked'.padStart(width)}  last seen (UTC)   question`, ...lines].join('\n');
}

async function main(): Promise<void> {
  const { limit, json } = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const file = join(config.briefing.dataDir, STORE_FILE);
  // A report must not create an SQLite store: none yet means nothing was recorded.
  if (!config.database && !existsSync(file)) {
    process.stdout.write(json ? '[]\n' : `No store at ${file} yet: nothing recorded.\n`);
    return;
  }
  const store = await openStore(config);
  try {
    const questions = await store.listUnanswered(limit);
    process.stdout.write(`${json ? JSON.stringify(questions, null, 2) : formatReport(questions, store.location)}\n`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  if (!(error instanceof ConfigError || error instanceof StoreError)) throw error;
  process.stderr.write(`report:unanswered: ${error.message}\n`);
  process.exitCode = 1;
});
