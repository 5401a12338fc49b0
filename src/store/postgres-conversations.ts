import { DatabaseUnavailable, type PostgresDatabase } from './postgres-db.ts';
import { throttled } from './throttled.ts';
import type { ExpiringValues } from './types.ts';

/**
 * Conversations in the `conversations` table, as JSON, each with the instant it expires; every instance reads the
 * same ones. Reading and writing cost one round trip each on the path of a question, so the statements are named
 * (parsed once per connection) and the table is unlogged (no disk flush at commit). A database that is away costs
 * the question nothing: the follow-up starts afresh.
 */
export function postgresConversations<State>(db: PostgresDatabase, options: { ttlMs: number; onError?(error: unknown): void; now?: () => number }): ExpiringValues<State> {
  const now = options.now ?? Date.now;
  const failed = (error: unknown) => {
    // Already known and reported (health: database is down): not worth a line per question.
    if (!(error instanceof DatabaseUnavailable)) options.onError?.(error);
  };
  const prune = throttled(60_000, (at: number) => db.query({ name: 'prune-conversations', text: 'DELETE FROM conversations WHERE expires_at <= $1', values: [at] }));
  return {
    async get(key) {
      try {
        const { rows } = await db.query<{ state: State }>({ name: 'get-conversation', text: 'SELECT state FROM conversations WHERE key = $1 AND expires_at > $2', values: [key, now()] });
        return rows[0]?.state;
      } catch (error) {
        failed(error);
        return undefined;
      }
    },
    async set(key, state) {
      const at = now();
      try {
        await prune(at);
        await db.query({
          name: 'set-conversation',
          text: 'INSERT INTO conversations (key, state, expires_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at',
          values: [key, JSON.stringify(state), at + options.ttlMs],
        });
      } catch (error) {
        failed(error);
      }
    },
    async clear() {
      try {
        await db.query({ text: 'DELETE FROM conversations' });
      } catch (error) {
        failed(error);
      }
    },
  };
}
