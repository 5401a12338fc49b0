// npm run bench:store: what the store adds to each answered question, on PostgreSQL (a throwaway local cluster, fsync
// on) and on SQLite (a file in a temporary DATA_DIR), in this process, as `npm start` would call them.
//
// On the path of an answered question: a Slack event's dedupe (firstDelivery: one insert-if-absent), then the
// conversation read before answering and written after (PostgreSQL only: SQLite instances keep conversations in
// memory). A refused question adds recordUnanswered, which the reply does not wait for. Each operation is timed alone
// (one at a time: the latency a question pays), then with CONCURRENCY in flight (what a busy instance sees).
// Last, whole questions through the core (createDepeche) with conversations in memory and in PostgreSQL, one at a
// time, plus a dedupe for each: the difference is what PostgreSQL adds. Target: under 2 ms per answered question.
//
// Options: --count N (2000 per operation), --concurrency N (50).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { commands as registry } from '../commands/index.ts';
import { parseConfig } from '../src/config.ts';
import type { ConversationState } from '../src/core/conversations.ts';
import { createDepeche } from '../src/core/depeche.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { openPostgresStore } from '../src/store/postgres.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/types.ts';
import { loadPublicSet } from '../test/eval/public-set.ts';
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
  /** Only where the store keeps conversations (PostgreSQL). */
  shared?: boolean;
  run(store: Store, index: number): Promise<unknown>;
}

/** A conversation state as the core keeps it: the topic of a short question, and three suggestions. */
const STATE = {
  topic: { terms: [{ text: 'putin', concepts: ['actor:putin'], secondary: [], actors: ['actor:putin'], mended: false }], type: 'what', lang: 'en' },
  suggestions: ['How many people left Aleppo?', 'Who retook Aleppo?', 'Where will the talks be held?'],
};
/** Conversations of a store, made once per store (the statements are named, as `npm start` uses them). */
const conversationsOf = new Map<Store, ReturnType<NonNullable<Store['conversations']>>>();
const conversations = (store: Store) => {
  if (!conversationsOf.has(store)) conversationsOf.set(store, store.conversations!({ ttlMs: 300_000 }));
  return conversationsOf.get(store)!;
};

const OPERATIONS: Operation[] = [
  { name: 'firstDelivery (Slack event dedupe)', onAnswerPath: true, run: (store, i) => store.firstDelivery(`slack-event:Ev${i}-${Math.random()}`, 15 * 60_000) },
  { name: 'conversation get (before answering)', onAnswerPath: true, shared: true, run: (store, i) => conversations(store).get(`slack:T1:C${i % 500}`) },
  { name: 'conversation set (after answering)', onAnswerPath: true, shared: true, run: (store, i) => conversations(store).set(`slack:T1:C${i % 500}`, STATE) },
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
    for (const operation of OPERATIONS.filter((op) => !op.shared || store.conversations)) {
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
    console.log(`${name}: the operations on the path of an answered question add up to ${sum.p50.toFixed(3)} ms (p50s, one at a time; p99s ${sum.p99.toFixed(3)} ms).`);
  }
  console.log('');
  await wholeQuestions(stores[0]!.store);
} finally {
  await Promise.all(stores.map(({ store }) => store.close()));
  await cluster.stop();
}

/**
 * Whole questions through the core, one at a time, taking turns: with conversations in memory and no dedupe (one
 * instance on SQLite), and with conversations in PostgreSQL plus the event's dedupe (several instances).
 */
async function wholeQuestions(store: Store): Promise<void> {
  const knowledge = loadKnowledge('knowledge');
  const config = parseConfig({});
  const inMemory = createDepeche({ commands: registry, knowledge, config });
  const shared = createDepeche({ commands: registry, knowledge, config, conversations: store.conversations!<ConversationState>({ ttlMs: config.conversationTtlMs }) });
  const questions = loadPublicSet().map((item) => item.question);
  const timings = { memory: [] as number[], postgres: [] as number[] };
  for (let i = -200; i < COUNT; i++) {
    const question = questions[Math.abs(i) % questions.length]!;
    const who = { conversationKey: `slack:T1:C${Math.abs(i) % 50}`, userKey: `slack:T1:U${i}` };
    let at = performance.now();
    await inMemory.ask(question, who);
    const memoryMs = performance.now() - at;
    at = performance.now();
    await store.firstDelivery(`slack-event:Ev${i}-${Math.random()}`, 15 * 60_000);
    await shared.ask(question, who);
    const postgresMs = performance.now() - at;
    if (i >= 0) {
      timings.memory.push(memoryMs);
      timings.postgres.push(postgresMs);
    }
  }
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), mean: values.reduce((a, b) => a + b, 0) / values.length };
  };
  const memory = summary(timings.memory);
  const postgres = summary(timings.postgres);
  const added = postgres.p50 - memory.p50;
  console.log(`Whole questions through the core, ${COUNT} each, taking turns (public set, 50 conversations), in ms:`);
  console.log(`  conversations in memory, no dedupe          p50 ${memory.p50.toFixed(3)}  p99 ${memory.p99.toFixed(3)}  mean ${memory.mean.toFixed(3)}`);
  console.log(`  PostgreSQL: dedupe + conversation get/set   p50 ${postgres.p50.toFixed(3)}  p99 ${postgres.p99.toFixed(3)}  mean ${postgres.mean.toFixed(3)}`);
  console.log(`PostgreSQL adds ${added.toFixed(3)} ms per answered question (p50; mean ${(postgres.mean - memory.mean).toFixed(3)} ms, p99 ${(postgres.p99 - memory.p99).toFixed(3)} ms): target under 2 ms ${added < 2 ? 'met' : 'not met'}.`);
}
