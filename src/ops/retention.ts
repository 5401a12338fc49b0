import type { Logger } from '../logger.ts';
import type { Store } from '../store/types.ts';

const DAY_MS = 86_400_000;

export interface Retention {
  /** Prunes now; the timer does it once a day. */
  run(): Promise<{ questions: number; votes: number }>;
  stop(): void;
}

/**
 * Refused questions and votes are what users wrote and did: kept `days` (RETENTION_DAYS, 90 by default) after they
 * were last asked or cast, then forgotten, once at start and once a day. A failed pass is logged and tried the next day.
 */
export function startRetention(options: { store: Store; days: number; logger: Logger; now?: () => number; everyMs?: number }): Retention {
  const { store, days, logger } = options;
  const now = options.now ?? Date.now;
  async function run() {
    const pruned = await store.pruneRecords(now() - days * DAY_MS);
    if (pruned.questions || pruned.votes) logger.info({ ...pruned, days }, 'retention: forgot refused questions and votes older than RETENTION_DAYS');
    return pruned;
  }
  const pass = () => void run().catch((error: unknown) => logger.warn({ error: String(error) }, 'retention: a pass failed; trying again tomorrow'));
  pass();
  const timer = setInterval(pass, options.everyMs ?? DAY_MS);
  timer.unref();
  return { run, stop: () => clearInterval(timer) };
}
