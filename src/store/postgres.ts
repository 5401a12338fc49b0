import { postgresConversations } from './postgres-conversations.ts';
import { openPostgres, type PostgresDatabase, type PostgresOptions } from './postgres-db.ts';
import { throttled } from './throttled.ts';
import { normalizeQuestion, type Claim, type ClaimOutcome, type Schedule, type Store, type Subscription, type VoteTally } from './types.ts';

interface SubscriptionRow {
  id: number;
  channel: string;
  kind: 'daily' | 'cron';
  pattern: string;
  time_zone: string;
  lang: 'en' | 'fr';
  origin: 'command' | 'config';
  created_at: string;
  only_new: boolean;
  last_article: string | null;
  last_published: string | null;
}

interface ClaimRow {
  channel: string;
  slot: string;
  subscription_id: number;
  instance: string;
  claimed_at: string;
  outcome: ClaimOutcome | null;
  detail: string | null;
}

// BIGINT comes back as text from node-postgres (it may exceed 2^53); epoch milliseconds never do.
const subscriptionOf = (row: SubscriptionRow): Subscription => ({
  id: row.id,
  channel: row.channel,
  schedule: (row.kind === 'daily' ? { kind: 'daily', time: row.pattern, timeZone: row.time_zone } : { kind: 'cron', cron: row.pattern, timeZone: row.time_zone }) satisfies Schedule,
  lang: row.lang,
  origin: row.origin,
  createdAt: Number(row.created_at),
  onlyNew: row.only_new,
  ...(row.last_article ? { lastArticle: { id: row.last_article, ...(row.last_published ? { published: row.last_published } : {}) } } : {}),
});

const claimOf = (row: ClaimRow): Claim => ({
  channel: row.channel,
  slot: row.slot,
  subscriptionId: row.subscription_id,
  instance: row.instance,
  claimedAt: Number(row.claimed_at),
  ...(row.outcome ? { outcome: row.outcome } : {}),
  ...(row.detail ? { detail: row.detail } : {}),
});

interface TallyRow {
  question: string;
  entries: string;
  articles: string;
  lang: 'en' | 'fr';
  helpful: number;
  not_helpful: number;
  last_voted: string;
}

const tallyOf = (row: TallyRow): VoteTally => ({
  question: row.question,
  entries: JSON.parse(row.entries) as string[],
  articles: JSON.parse(row.articles) as string[],
  lang: row.lang,
  helpful: row.helpful,
  notHelpful: row.not_helpful,
  lastVoted: Number(row.last_voted),
});

/** Tallies per (question, entries, lang) with at least one vote of the kind counted by `count`, most first. */
const talliesQuery = (count: string) =>
  `SELECT question, entries, MAX(articles) AS articles, lang, (COUNT(*) FILTER (WHERE helpful))::int AS helpful,
          (COUNT(*) FILTER (WHERE NOT helpful))::int AS not_helpful, MAX(voted_at) AS last_voted
   FROM votes GROUP BY question, entries, lang HAVING ${count} > 0 ORDER BY ${count} DESC, last_voted DESC LIMIT $1`;
const HELPFUL_TALLIES = talliesQuery('COUNT(*) FILTER (WHERE helpful)');
const UNHELPFUL_TALLIES = talliesQuery('COUNT(*) FILTER (WHERE NOT helpful)');

/** The Store on PostgreSQL (DATABASE_URL), shared by every instance; see postgres-db.ts for the connection. */
export async function openPostgresStore(options: PostgresOptions): Promise<Store> {
  return postgresStore(await openPostgres(options));
}

export function postgresStore(db: PostgresDatabase): Store {
  // Named statements are parsed once per connection: the ones on the path of a question cost one round trip.
  const pruneDeliveries = throttled(60_000, (now: number) => db.query({ name: 'prune-deliveries', text: 'DELETE FROM deliveries WHERE expires_at <= $1', values: [now] }));

  return {
    location: db.location,
    async subscribe(input, now) {
      const pattern = input.schedule.kind === 'daily' ? input.schedule.time : input.schedule.cron;
      // Renewing keeps the origin (a channel in BRIEFING_CHANNELS that someone also subscribed stays the config's) and
      // the article posted last.
      const { rows } = await db.query<SubscriptionRow>({
        text: `INSERT INTO subscriptions (channel, kind, pattern, time_zone, lang, origin, created_at, only_new) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
               ON CONFLICT (channel, kind, pattern, time_zone) DO UPDATE SET lang = excluded.lang, created_at = excluded.created_at, only_new = excluded.only_new
               RETURNING *`,
        values: [input.channel, input.schedule.kind, pattern, input.schedule.timeZone, input.lang, input.origin, now, input.onlyNew ?? false],
      });
      return subscriptionOf(rows[0]!);
    },
    async unsubscribe(channel, id) {
      const result =
        id === undefined
          ? await db.query({ text: 'DELETE FROM subscriptions WHERE channel = $1', values: [channel] })
          : await db.query({ text: 'DELETE FROM subscriptions WHERE channel = $1 AND id = $2', values: [channel, id] });
      return result.rowCount ?? 0;
    },
    async subscriptions(channel) {
      const { rows } =
        channel === undefined
          ? await db.query<SubscriptionRow>({ name: 'subscriptions', text: 'SELECT * FROM subscriptions ORDER BY id' })
          : await db.query<SubscriptionRow>({ text: 'SELECT * FROM subscriptions WHERE channel = $1 ORDER BY id', values: [channel] });
      return rows.map(subscriptionOf);
    },
    async recordPostedArticle(subscriptionId, article) {
      await db.query({ text: 'UPDATE subscriptions SET last_article = $1, last_published = $2 WHERE id = $3', values: [article.id, article.published ?? null, subscriptionId] });
    },
    async claim(c, now) {
      const result = await db.query({
        name: 'claim',
        text: 'INSERT INTO claims (channel, slot, subscription_id, instance, claimed_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        values: [c.channel, c.slot, c.subscriptionId, c.instance, now],
      });
      return result.rowCount === 1;
    },
    async finish(channel, slot, outcome, detail, now) {
      await db.query({ text: 'UPDATE claims SET outcome = $1, detail = $2, finished_at = $3 WHERE channel = $4 AND slot = $5', values: [outcome, detail ?? null, now, channel, slot] });
    },
    async claims(channel) {
      const { rows } =
        channel === undefined
          ? await db.query<ClaimRow>({ text: 'SELECT * FROM claims ORDER BY slot, channel' })
          : await db.query<ClaimRow>({ text: 'SELECT * FROM claims WHERE channel = $1 ORDER BY slot', values: [channel] });
      return rows.map(claimOf);
    },
    async pruneClaims(before) {
      return (await db.query({ text: 'DELETE FROM claims WHERE claimed_at < $1', values: [before] })).rowCount ?? 0;
    },
    async markUnreachable(channel, reason, now) {
      await db.query({
        text: 'INSERT INTO unreachable_channels (channel, reason, since) VALUES ($1, $2, $3) ON CONFLICT (channel) DO UPDATE SET reason = excluded.reason',
        values: [channel, reason, now],
      });
    },
    async clearUnreachable(channel) {
      await db.query({ text: 'DELETE FROM unreachable_channels WHERE channel = $1', values: [channel] });
    },
    async unreachable() {
      const { rows } = await db.query<{ channel: string; reason: string; since: string }>({ name: 'unreachable', text: 'SELECT * FROM unreachable_channels' });
      return new Map(rows.map((row) => [row.channel, { reason: row.reason, since: Number(row.since) }]));
    },
    async recordUnanswered(text, now = Date.now()) {
      const question = normalizeQuestion(text);
      if (!question) return;
      await db.query({
        name: 'record-unanswered',
        text: `INSERT INTO unanswered (question, count, first_seen, last_seen) VALUES ($1, 1, $2, $2)
               ON CONFLICT (question) DO UPDATE SET count = unanswered.count + 1, last_seen = excluded.last_seen`,
        values: [question, now],
      });
    },
    async listUnanswered(limit = 50) {
      const { rows } = await db.query<{ question: string; count: number; first_seen: string; last_seen: string }>({
        text: 'SELECT * FROM unanswered ORDER BY count DESC, last_seen DESC LIMIT $1',
        values: [limit],
      });
      return rows.map((row) => ({ text: row.question, count: row.count, firstSeen: Number(row.first_seen), lastSeen: Number(row.last_seen) }));
    },
    async firstDelivery(key, ttlMs, now = Date.now()) {
      await pruneDeliveries(now);
      // A key whose record expired counts as new: the upsert revives it, and the row count says whether it did.
      const result = await db.query({
        name: 'first-delivery',
        text: 'INSERT INTO deliveries (key, expires_at) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE deliveries.expires_at <= $3',
        values: [key, now + ttlMs, now],
      });
      return result.rowCount === 1;
    },
    async saveAnswer(answer, now) {
      await db.query({
        name: 'save-answer',
        text: 'INSERT INTO answers (id, question, entries, articles, lang, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING',
        values: [answer.id, answer.question, JSON.stringify(answer.entries), JSON.stringify(answer.articles), answer.lang, now],
      });
    },
    async vote(vote, now) {
      // The vote copies the answer's row, so that it exists only for a known answer and survives its pruning.
      const result = await db.query({
        name: 'vote',
        text: `INSERT INTO votes (answer_id, voter, helpful, question, entries, articles, lang, voted_at)
               SELECT id, $2, $3, question, entries, articles, lang, $4 FROM answers WHERE id = $1
               ON CONFLICT (answer_id, voter) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at`,
        values: [vote.answerId, vote.voter, vote.helpful, now],
      });
      return (result.rowCount ?? 0) > 0;
    },
    async pruneAnswers(before) {
      return (await db.query({ text: 'DELETE FROM answers WHERE created_at < $1', values: [before] })).rowCount ?? 0;
    },
    async pruneRecords(before) {
      const questions = (await db.query({ text: 'DELETE FROM unanswered WHERE last_seen < $1', values: [before] })).rowCount ?? 0;
      const votes = (await db.query({ text: 'DELETE FROM votes WHERE voted_at < $1', values: [before] })).rowCount ?? 0;
      return { questions, votes };
    },
    async listVotes({ helpful, limit = 50 }) {
      const { rows } = await db.query<TallyRow>({ text: helpful ? HELPFUL_TALLIES : UNHELPFUL_TALLIES, values: [limit] });
      return rows.map(tallyOf);
    },
    conversations: (options) => postgresConversations(db, options),
    watch: (listener) => db.watch(listener),
    close: () => db.close(),
  };
}
