import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import { openPostgres } from './postgres-db.ts';
import { STORE_FILE } from './sqlite.ts';
import { StoreError } from './types.ts';

/** Rows of one table: how many were copied, merged into a row already there, or were there already. */
export interface CopyCount {
  table: string;
  copied: number;
  merged: number;
  already: number;
}

export interface CopyReport {
  from: string;
  to: string;
  counts: CopyCount[];
}

/**
 * Copies an SQLite store (a DATA_DIR or its file) into a PostgreSQL database, migrating the database first. One
 * transaction: all or nothing. Idempotent: a row already there is left as it is (subscriptions by channel and
 * schedule, claims by channel and slot, answers by id, votes by answer and voter), and an unanswered question keeps
 * the larger count of the two, so that copying twice counts nothing twice. Answers come along so that their buttons
 * can still be clicked. Deliveries (Slack event ids, minutes long) are not worth copying.
 */
export async function copySqliteToPostgres(options: { from: string; to: DatabaseConfig }): Promise<CopyReport> {
  const file = existsSync(options.from) && statSync(options.from).isDirectory() ? join(options.from, STORE_FILE) : options.from;
  if (!existsSync(file)) throw new StoreError(file, `no SQLite store at ${file}; give --from the DATA_DIR or the file to copy`);
  let source: Database.Database;
  try {
    // Read-only: the source stays as it was, whatever its schema version.
    source = new Database(file, { readonly: true, fileMustExist: true });
    source.pragma('quick_check');
  } catch (error) {
    throw new StoreError(file, `cannot read ${file} as an SQLite store (${(error as { code?: string }).code ?? (error as Error).message})`, { cause: error });
  }
  try {
    const tables = new Set(source.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((row) => row.name));
    const rowsOf = <Row>(table: string): Row[] => (tables.has(table) ? (source.prepare(`SELECT * FROM ${table}`).all() as Row[]) : []);
    const db = await openPostgres({ database: options.to });
    try {
      const counts = await db.transaction(async (client) => [
        ...(await copySubscriptionsAndClaims(client, rowsOf)),
        await copyUnreachable(client, rowsOf('unreachable_channels')),
        await copyUnanswered(client, rowsOf('unanswered')),
        await copyAnswers(client, rowsOf('answers')),
        await copyVotes(client, rowsOf('votes')),
      ]);
      return { from: file, to: db.location, counts };
    } finally {
      await db.close();
    }
  } finally {
    source.close();
  }
}

type RowsOf = <Row>(table: string) => Row[];

async function copySubscriptionsAndClaims(client: pg.PoolClient, rowsOf: RowsOf): Promise<CopyCount[]> {
  const subscriptions = { table: 'subscriptions', copied: 0, merged: 0, already: 0 };
  // Ids are the database's own: an SQLite id may already name another subscription there.
  const ids = new Map<number, number>();
  type Row = { id: number; channel: string; kind: string; pattern: string; time_zone: string; lang: string; origin: string; created_at: number };
  // Files before schema version 3 have no only-new columns: their subscriptions are plain ones.
  for (const row of rowsOf<Row & { only_new?: number; last_article?: string | null; last_published?: string | null }>('subscriptions')) {
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO subscriptions (channel, kind, pattern, time_zone, lang, origin, created_at, only_new, last_article, last_published)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (channel, kind, pattern, time_zone) DO NOTHING RETURNING id`,
      [row.channel, row.kind, row.pattern, row.time_zone, row.lang, row.origin, row.created_at, row.only_new === 1, row.last_article ?? null, row.last_published ?? null],
    );
    const id =
      inserted.rows[0]?.id ??
      (await client.query<{ id: number }>('SELECT id FROM subscriptions WHERE channel = $1 AND kind = $2 AND pattern = $3 AND time_zone = $4', [row.channel, row.kind, row.pattern, row.time_zone])).rows[0]!.id;
    ids.set(row.id, id);
    subscriptions[inserted.rowCount ? 'copied' : 'already']++;
  }
  const claims = { table: 'claims', copied: 0, merged: 0, already: 0 };
  for (const row of rowsOf<{ channel: string; slot: string; subscription_id: number; instance: string; claimed_at: number; outcome: string | null; detail: string | null; finished_at: number | null }>('claims')) {
    const inserted = await client.query(
      `INSERT INTO claims (channel, slot, subscription_id, instance, claimed_at, outcome, detail, finished_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT DO NOTHING`,
      [row.channel, row.slot, ids.get(row.subscription_id) ?? row.subscription_id, row.instance, row.claimed_at, row.outcome, row.detail, row.finished_at],
    );
    claims[inserted.rowCount ? 'copied' : 'already']++;
  }
  return [subscriptions, claims];
}

async function copyUnreachable(client: pg.PoolClient, rows: { channel: string; reason: string; since: number }[]): Promise<CopyCount> {
  const count = { table: 'unreachable channels', copied: 0, merged: 0, already: 0 };
  for (const row of rows) {
    const inserted = await client.query('INSERT INTO unreachable_channels (channel, reason, since) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [row.channel, row.reason, row.since]);
    count[inserted.rowCount ? 'copied' : 'already']++;
  }
  return count;
}

async function copyUnanswered(client: pg.PoolClient, rows: { question: string; count: number; first_seen: number; last_seen: number }[]): Promise<CopyCount> {
  const count = { table: 'unanswered questions', copied: 0, merged: 0, already: 0 };
  for (const row of rows) {
    // xmax = 0 on the returned row: it was inserted, not updated. No row: it was there, unchanged.
    const result = await client.query<{ inserted: boolean }>(
      `INSERT INTO unanswered AS u (question, count, first_seen, last_seen) VALUES ($1, $2, $3, $4)
       ON CONFLICT (question) DO UPDATE SET count = GREATEST(u.count, excluded.count), first_seen = LEAST(u.first_seen, excluded.first_seen), last_seen = GREATEST(u.last_seen, excluded.last_seen)
       WHERE u.count < excluded.count OR u.first_seen > excluded.first_seen OR u.last_seen < excluded.last_seen
       RETURNING (xmax = 0) AS inserted`,
      [row.question, row.count, row.first_seen, row.last_seen],
    );
    const outcome = result.rows[0];
    count[outcome ? (outcome.inserted ? 'copied' : 'merged') : 'already']++;
  }
  return count;
}

type AnswerRow = { id: string; question: string; entries: string; articles: string; lang: string; created_at: number };

async function copyAnswers(client: pg.PoolClient, rows: AnswerRow[]): Promise<CopyCount> {
  const count = { table: 'rated answers', copied: 0, merged: 0, already: 0 };
  for (const row of rows) {
    const inserted = await client.query(
      'INSERT INTO answers (id, question, entries, articles, lang, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
      [row.id, row.question, row.entries, row.articles, row.lang, row.created_at],
    );
    count[inserted.rowCount ? 'copied' : 'already']++;
  }
  return count;
}

async function copyVotes(client: pg.PoolClient, rows: (Omit<AnswerRow, 'id' | 'created_at'> & { answer_id: string; voter: string; helpful: number; voted_at: number })[]): Promise<CopyCount> {
  const count = { table: 'votes', copied: 0, merged: 0, already: 0 };
  for (const row of rows) {
    // A vote already there (the voter voted again on PostgreSQL) is the newer one: it stays.
    const inserted = await client.query(
      `INSERT INTO votes (answer_id, voter, helpful, question, entries, articles, lang, voted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT DO NOTHING`,
      [row.answer_id, row.voter, row.helpful === 1, row.question, row.entries, row.articles, row.lang, row.voted_at],
    );
    count[inserted.rowCount ? 'copied' : 'already']++;
  }
  return count;
}
