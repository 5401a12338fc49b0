import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { throttled } from './throttled.ts';
import { normalizeQuestion, STORE_FILE, StoreError, type Claim, type ClaimOutcome, type Schedule, type Store, type Subscription, type VoteTally } from './types.ts';

export { STORE_FILE };

/**
 * The schema, one step per version; a file's `user_version` says how many have run. Steps are only ever
 * appended: an existing step never changes, so that every file reaches the same schema.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: subscriptions, the claims that make each post happen once, channels that cannot be posted to.
  `CREATE TABLE subscriptions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     channel TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('daily', 'cron')),
     pattern TEXT NOT NULL,
     time_zone TEXT NOT NULL,
     lang TEXT NOT NULL CHECK (lang IN ('en', 'fr')),
     origin TEXT NOT NULL CHECK (origin IN ('command', 'config')),
     created_at INTEGER NOT NULL,
     UNIQUE (channel, kind, pattern, time_zone)
   );
   CREATE TABLE claims (
     channel TEXT NOT NULL,
     slot TEXT NOT NULL,
     subscription_id INTEGER NOT NULL,
     instance TEXT NOT NULL,
     claimed_at INTEGER NOT NULL,
     outcome TEXT CHECK (outcome IN ('posted', 'gone', 'failed')),
     detail TEXT,
     finished_at INTEGER,
     PRIMARY KEY (channel, slot)
   );
   CREATE TABLE unreachable_channels (
     channel TEXT PRIMARY KEY,
     reason TEXT NOT NULL,
     since INTEGER NOT NULL
   );`,
  // 2: questions Depeche could not answer, counted; no user ids.
  `CREATE TABLE unanswered (
     question TEXT PRIMARY KEY,
     count INTEGER NOT NULL,
     first_seen INTEGER NOT NULL,
     last_seen INTEGER NOT NULL
   );`,
  // 3: subscriptions that post only when a newer article exists, and the article each one posted last.
  `ALTER TABLE subscriptions ADD COLUMN only_new INTEGER NOT NULL DEFAULT 0 CHECK (only_new IN (0, 1));
   ALTER TABLE subscriptions ADD COLUMN last_article TEXT;
   ALTER TABLE subscriptions ADD COLUMN last_published TEXT;`,
  // 4: deliveries already handled (Slack event ids), so that a retry reaching any instance is not answered twice.
  `CREATE TABLE deliveries (
     key TEXT PRIMARY KEY,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX deliveries_expiry ON deliveries (expires_at);`,
  // 5: answers that can be rated (pruned after a while) and the votes on them, which copy what they rate and
  // outlive the answer. `voter` is a one-way hash, never a user id. Entries and articles are JSON arrays.
  `CREATE TABLE answers (
     id TEXT PRIMARY KEY,
     question TEXT NOT NULL,
     entries TEXT NOT NULL,
     articles TEXT NOT NULL,
     lang TEXT NOT NULL CHECK (lang IN ('en', 'fr')),
     created_at INTEGER NOT NULL
   );
   CREATE INDEX answers_by_age ON answers (created_at);
   CREATE TABLE votes (
     answer_id TEXT NOT NULL,
     voter TEXT NOT NULL,
     helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
     question TEXT NOT NULL,
     entries TEXT NOT NULL,
     articles TEXT NOT NULL,
     lang TEXT NOT NULL,
     voted_at INTEGER NOT NULL,
     PRIMARY KEY (answer_id, voter)
   );`,
];

export interface SqliteStoreOptions {
  /** The folder (DATA_DIR); created if missing. */
  dataDir: string;
  /** How long a write waits for another instance's transaction before giving up. */
  busyTimeoutMs?: number;
}

interface SubscriptionRow {
  id: number;
  channel: string;
  kind: 'daily' | 'cron';
  pattern: string;
  time_zone: string;
  lang: 'en' | 'fr';
  origin: 'command' | 'config';
  created_at: number;
  only_new: 0 | 1;
  last_article: string | null;
  last_published: string | null;
}

/**
 * Opens (creating and migrating as needed) the SQLite store in `dataDir`. WAL mode and a busy timeout let several
 * processes share the file; every failure to open is one StoreError naming the file.
 */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const file = join(options.dataDir, STORE_FILE);
  try {
    mkdirSync(options.dataDir, { recursive: true });
  } catch (error) {
    throw new StoreError(file, `cannot create the data folder ${options.dataDir} (${codeOf(error)}); set DATA_DIR to a writable folder`, { cause: error });
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    migrate(db, file);
  } catch (error) {
    db?.close();
    throw error instanceof StoreError ? error : new StoreError(file, describeOpenError(file, error), { cause: error });
  }
  return sqliteStore(db, file);
}

function migrate(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new StoreError(file, `store ${file} has schema version ${version}, newer than this Depeche knows (${MIGRATIONS.length}); run a newer Depeche or point DATA_DIR elsewhere`);
  }
  for (let next = version; next < MIGRATIONS.length; next++) {
    // IMMEDIATE: two instances starting together on a new file must not both run a step.
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) !== next) return;
      db.exec(MIGRATIONS[next]!);
      db.pragma(`user_version = ${next + 1}`);
    }).immediate();
  }
}

function describeOpenError(file: string, error: unknown): string {
  const code = codeOf(error);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return `store ${file} is not a valid SQLite database (${code}); move it aside (a new one is created at start) or restore a backup`;
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return `store ${file} is locked by another process (${code}); stop it, or give each instance a database that supports sharing`;
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM' || code === 'SQLITE_IOERR') {
    return `cannot open store ${file} for writing (${code}); set DATA_DIR to a writable folder`;
  }
  return `cannot open store ${file} (${code}: ${error instanceof Error ? error.message : String(error)})`;
}

function codeOf(error: unknown): string {
  return (error as { code?: string } | undefined)?.code ?? 'unknown error';
}

function scheduleOf(row: SubscriptionRow): Schedule {
  return row.kind === 'daily' ? { kind: 'daily', time: row.pattern, timeZone: row.time_zone } : { kind: 'cron', cron: row.pattern, timeZone: row.time_zone };
}

function subscriptionOf(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    channel: row.channel,
    schedule: scheduleOf(row),
    lang: row.lang,
    origin: row.origin,
    createdAt: row.created_at,
    onlyNew: row.only_new === 1,
    ...(row.last_article ? { lastArticle: { id: row.last_article, ...(row.last_published ? { published: row.last_published } : {}) } } : {}),
  };
}

function sqliteStore(db: Database.Database, file: string): Store {
  const statements = {
    findSubscription: db.prepare<[string, string, string, string], SubscriptionRow>('SELECT * FROM subscriptions WHERE channel = ? AND kind = ? AND pattern = ? AND time_zone = ?'),
    insertSubscription: db.prepare('INSERT INTO subscriptions (channel, kind, pattern, time_zone, lang, origin, created_at, only_new) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    resubscribe: db.prepare('UPDATE subscriptions SET lang = ?, created_at = ?, only_new = ? WHERE id = ?'),
    recordPostedArticle: db.prepare('UPDATE subscriptions SET last_article = ?, last_published = ? WHERE id = ?'),
    byId: db.prepare<[number], SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ?'),
    all: db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY id'),
    ofChannel: db.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE channel = ? ORDER BY id'),
    deleteChannel: db.prepare('DELETE FROM subscriptions WHERE channel = ?'),
    deleteOne: db.prepare('DELETE FROM subscriptions WHERE channel = ? AND id = ?'),
    claim: db.prepare('INSERT OR IGNORE INTO claims (channel, slot, subscription_id, instance, claimed_at) VALUES (?, ?, ?, ?, ?)'),
    finish: db.prepare('UPDATE claims SET outcome = ?, detail = ?, finished_at = ? WHERE channel = ? AND slot = ?'),
    claimsAll: db.prepare('SELECT * FROM claims ORDER BY slot, channel'),
    claimsOf: db.prepare('SELECT * FROM claims WHERE channel = ? ORDER BY slot'),
    prune: db.prepare('DELETE FROM claims WHERE claimed_at < ?'),
    markUnreachable: db.prepare('INSERT INTO unreachable_channels (channel, reason, since) VALUES (?, ?, ?) ON CONFLICT (channel) DO UPDATE SET reason = excluded.reason'),
    clearUnreachable: db.prepare('DELETE FROM unreachable_channels WHERE channel = ?'),
    unreachable: db.prepare<[], { channel: string; reason: string; since: number }>('SELECT * FROM unreachable_channels'),
    recordUnanswered: db.prepare(
      'INSERT INTO unanswered (question, count, first_seen, last_seen) VALUES (?, 1, ?, ?) ON CONFLICT (question) DO UPDATE SET count = count + 1, last_seen = excluded.last_seen',
    ),
    listUnanswered: db.prepare<[number], { question: string; count: number; first_seen: number; last_seen: number }>(
      'SELECT * FROM unanswered ORDER BY count DESC, last_seen DESC LIMIT ?',
    ),
    // A key whose record expired counts as new: the upsert revives it, and `changes` says whether it did.
    deliver: db.prepare('INSERT INTO deliveries (key, expires_at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE deliveries.expires_at <= ?'),
    pruneDeliveries: db.prepare('DELETE FROM deliveries WHERE expires_at <= ?'),
    saveAnswer: db.prepare('INSERT INTO answers (id, question, entries, articles, lang, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING'),
    // The vote copies the answer's row, so that it exists only for a known answer and survives its pruning.
    vote: db.prepare(
      `INSERT INTO votes (answer_id, voter, helpful, question, entries, articles, lang, voted_at)
       SELECT id, ?, ?, question, entries, articles, lang, ? FROM answers WHERE id = ?
       ON CONFLICT (answer_id, voter) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at`,
    ),
    pruneAnswers: db.prepare('DELETE FROM answers WHERE created_at < ?'),
    pruneQuestions: db.prepare('DELETE FROM unanswered WHERE last_seen < ?'),
    pruneVotes: db.prepare('DELETE FROM votes WHERE voted_at < ?'),
    ...tallyStatements(db),
  };
  const pruneDeliveries = throttled(60_000, (now) => statements.pruneDeliveries.run(now));

  const subscribe = db.transaction((input: Parameters<Store['subscribe']>[0], now: number): Subscription => {
    const pattern = input.schedule.kind === 'daily' ? input.schedule.time : input.schedule.cron;
    const existing = statements.findSubscription.get(input.channel, input.schedule.kind, pattern, input.schedule.timeZone);
    const onlyNew = input.onlyNew ? 1 : 0;
    if (existing) {
      statements.resubscribe.run(input.lang, now, onlyNew, existing.id);
      return subscriptionOf({ ...existing, lang: input.lang, created_at: now, only_new: onlyNew });
    }
    const result = statements.insertSubscription.run(input.channel, input.schedule.kind, pattern, input.schedule.timeZone, input.lang, input.origin, now, onlyNew);
    return subscriptionOf(statements.byId.get(Number(result.lastInsertRowid))!);
  });
  // IMMEDIATE takes the write lock at BEGIN: the insert-if-absent is decided by one instance at a time.
  const claim = db.transaction((c: { channel: string; slot: string; subscriptionId: number; instance: string }, now: number) => {
    return statements.claim.run(c.channel, c.slot, c.subscriptionId, c.instance, now).changes === 1;
  });

  interface ClaimRow {
    channel: string;
    slot: string;
    subscription_id: number;
    instance: string;
    claimed_at: number;
    outcome: ClaimOutcome | null;
    detail: string | null;
  }
  const claimOf = (row: ClaimRow): Claim => ({
    channel: row.channel,
    slot: row.slot,
    subscriptionId: row.subscription_id,
    instance: row.instance,
    claimedAt: row.claimed_at,
    ...(row.outcome ? { outcome: row.outcome } : {}),
    ...(row.detail ? { detail: row.detail } : {}),
  });

  return {
    location: file,
    subscribe: async (input, now) => subscribe.immediate(input, now),
    async recordPostedArticle(subscriptionId, article) {
      statements.recordPostedArticle.run(article.id, article.published ?? null, subscriptionId);
    },
    async unsubscribe(channel, id) {
      return (id === undefined ? statements.deleteChannel.run(channel) : statements.deleteOne.run(channel, id)).changes;
    },
    async subscriptions(channel) {
      return (channel === undefined ? statements.all.all() : statements.ofChannel.all(channel)).map(subscriptionOf);
    },
    claim: async (c, now) => claim.immediate(c, now),
    async finish(channel, slot, outcome, detail, now) {
      statements.finish.run(outcome, detail ?? null, now, channel, slot);
    },
    async claims(channel) {
      return ((channel === undefined ? statements.claimsAll.all() : statements.claimsOf.all(channel)) as ClaimRow[]).map(claimOf);
    },
    async pruneClaims(before) {
      return statements.prune.run(before).changes;
    },
    async markUnreachable(channel, reason, now) {
      statements.markUnreachable.run(channel, reason, now);
    },
    async clearUnreachable(channel) {
      statements.clearUnreachable.run(channel);
    },
    async unreachable() {
      return new Map(statements.unreachable.all().map((row) => [row.channel, { reason: row.reason, since: row.since }]));
    },
    async recordUnanswered(text, now = Date.now()) {
      const question = normalizeQuestion(text);
      if (question) statements.recordUnanswered.run(question, now, now);
    },
    async listUnanswered(limit = 50) {
      return statements.listUnanswered.all(limit).map((row) => ({ text: row.question, count: row.count, firstSeen: row.first_seen, lastSeen: row.last_seen }));
    },
    async firstDelivery(key, ttlMs, now = Date.now()) {
      pruneDeliveries(now);
      return statements.deliver.run(key, now + ttlMs, now).changes === 1;
    },
    async saveAnswer(answer, now) {
      statements.saveAnswer.run(answer.id, answer.question, JSON.stringify(answer.entries), JSON.stringify(answer.articles), answer.lang, now);
    },
    async vote(vote, now) {
      return statements.vote.run(vote.voter, vote.helpful ? 1 : 0, now, vote.answerId).changes > 0;
    },
    async pruneAnswers(before) {
      return statements.pruneAnswers.run(before).changes;
    },
    async pruneRecords(before) {
      return { questions: statements.pruneQuestions.run(before).changes, votes: statements.pruneVotes.run(before).changes };
    },
    async listVotes({ helpful, limit = 50 }) {
      return (helpful ? statements.helpfulTallies : statements.unhelpfulTallies).all(limit).map(tallyOf);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

interface TallyRow {
  question: string;
  entries: string;
  articles: string;
  lang: 'en' | 'fr';
  helpful: number;
  not_helpful: number;
  last_voted: number;
}

function tallyStatements(db: Database.Database) {
  const tallies = (count: string) =>
    db.prepare<[number], TallyRow>(
      `SELECT question, entries, MAX(articles) AS articles, lang, SUM(helpful) AS helpful, SUM(1 - helpful) AS not_helpful, MAX(voted_at) AS last_voted
       FROM votes GROUP BY question, entries, lang HAVING ${count} > 0 ORDER BY ${count} DESC, last_voted DESC LIMIT ?`,
    );
  return { helpfulTallies: tallies('SUM(helpful)'), unhelpfulTallies: tallies('SUM(1 - helpful)') };
}

function tallyOf(row: TallyRow): VoteTally {
  return {
    question: row.question,
    entries: JSON.parse(row.entries) as string[],
    articles: JSON.parse(row.articles) as string[],
    lang: row.lang,
    helpful: row.helpful,
    notHelpful: row.not_helpful,
    lastVoted: row.last_voted,
  };
}
