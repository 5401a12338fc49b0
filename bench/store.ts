// npm run bench:store: what the store adds to each answered question, on PostgreSQL (a throwaway local cluster, fsync
// on) and on SQLite (a file in a temporary DATA_DIR), in this process, as `npm start` would call them.
//
// On the path of a question: a Slack event's dedupe (firstDelivery: one insert-if-absent). A refused question adds
// recordUnanswered, which the reply does not wait for. Each operation is timed alone (one at a time: the latency a
// question pays), then with CONCURRENCY in flight (what a busy instance sees). Target: PostgreSQL adds under 2 ms per
// answered question (p50 of one at a time; the p99 is printed beside it).
//
// Options: --count N (2000 per operation), --concurrency N (50).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/config.ts';
import { openPostgresStore } from '../src/store/postgres.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/types.ts';
import { createDatabase, startCluster } from '../test/postgres/cluster.ts';
import { percentile } from './percentile.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '50' } } });
const COUNT = Number(values.count);
const CONCURRENCY = Number(values.concurrency);

/** One operation of the question path, called with a fresh index each time (a new event id, a new question). */
interface Operation {
  name: string;
  /** Whether an answered question waits for it. */
  onAnswerPath: boolean;
  run(store: Store, index: number): Promise<unknown>;
}

const OPERATIONS: Operation[] = [
  { name: 'firstDelivery (Slack event dedupe)', onAnswerPath: true, run: (store, i) => store.firstDelivery(`slack-event:Ev${i}-${Math.random()}`, 15 * 60_000) },
  { name: 'recordUnanswered (refusals only, not awaited)', onAnswerPath: false, run: (store, i) => store.recordUnanswered(`what is the capital of place number ${i % 200}`) },
];

interface Timing {
  p50: number;
  p99: number;
  perSecond: number;
}

async function time(store: Store, operation: Operation, concurrency: number): Promise<Timing> {
  for (let i = 0; i < 200; i++) await operation.run(store, -i - 1);
  const durations: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < COUNT) {
        const index = next++;
        const at = performance.now();
        await operation.run(store, index);
        durations.push(performance.now() - at);
      }
    }),
  );
  const wall = performance.now() - started;
  durations.sort((a, b) => a - b);
  return { p50: percentile(durations, 0.5), p99: percentile(durations, 0.99), perSecond: (COUNT / wall) * 1000 };
}

const cluster = await startCluster({ durable: true });
const stores: { name: string; store: Store }[] = [];
try {
  const url = await createDatabase(cluster.adminUrl);
  stores.push({ name: 'PostgreSQL', store: await openPostgresStore({ database: parseConfig({ DATABASE_URL: url }).database! }) });
  stores.push({ name: 'SQLite', store: openSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'depeche-bench-')) }) });

  const rows: string[][] = [];
  const added = new Map<string, { p50: number; p99: number }>();
  for (const { name, store } of stores) {
    for (const operation of OPERATIONS) {
      const alone = await time(store, operation, 1);
      const busy = await time(store, operation, CONCURRENCY);
      rows.push([name, operation.name, alone.p50.toFixed(3), alone.p99.toFixed(3), busy.p50.toFixed(3), busy.p99.toFixed(3), Math.round(busy.perSecond).toLocaleString('en')]);
      if (operation.onAnswerPath) {
        const sum = added.get(name) ?? { p50: 0, p99: 0 };
        added.set(name, { p50: sum.p50 + alone.p50, p99: sum.p99 + alone.p99 });
      }
    }
  }
  const header = ['store', 'operation', 'alone p50', 'alone p99', `${CONCURRENCY} in flight p50`, 'p99', 'per second'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((cells) => cells[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(`Store operations on the path of a question, ${COUNT} of each, in ms; PostgreSQL 15 on loopback (fsync on), SQLite in WAL mode.`);
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const cells of rows) console.log(line(cells));
  console.log('');
  for (const [name, sum] of added) {
    console.log(`${name} adds ${sum.p50.toFixed(3)} ms per answered question (p50, one at a time; p99 ${sum.p99.toFixed(3)} ms)${name === 'PostgreSQL' ? `: target under 2 ms ${sum.p50 < 2 ? 'met' : 'not met'}` : ''}.`);
  }
} finally {
  await Promise.all(stores.map(({ store }) => store.close()));
  await cluster.stop();
}
