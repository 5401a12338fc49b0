import type { Config } from '../config.ts';
import { briefingReply } from '../core/briefing-reply.ts';
import type { Depeche } from '../core/depeche.ts';
import type { Knowledge } from '../knowledge/types.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/types.ts';
import { splitChannelKey, type ChannelPoster } from './poster.ts';
import { createScheduler, type LatestBriefing, type Scheduler } from './scheduler.ts';
import { syncConfigChannels, type SubscriptionService } from './subscriptions.ts';

/** Claims older than this are forgotten: they only matter while their slot is within the grace period. */
const CLAIM_RETENTION_MS = 30 * 24 * 3600_000;

/** What a slot posts: the full briefing of the newest article of the knowledge of the moment (hot reload included). */
export function newestBriefing(knowledge: () => Knowledge): () => LatestBriefing {
  return () => {
    const article = knowledge().newest;
    return {
      article: { id: article.id, ...(article.published ? { published: article.published } : {}) },
      compose: (lang) => briefingReply({ article, lang, detail: 'full' }),
    };
  };
}

/**
 * Scheduled briefings in `npm start`: BRIEFING_CHANNELS become subscriptions, then the scheduler posts what is due
 * (slots missed within BRIEFING_GRACE_MINUTES included) through the adapters' posters, and follows changes.
 */
export async function startBriefings(options: {
  config: Config['briefing'];
  store: Store;
  subscriptions: SubscriptionService;
  posters: readonly ChannelPoster[];
  depeche: Depeche;
  logger: Logger;
  onPost?: (outcome: 'posted' | 'failed') => void;
}): Promise<Scheduler> {
  const { config, store, logger } = options;
  await syncConfigChannels(store, config, Date.now());
  const connected = new Set(options.posters.map((poster) => poster.platform));
  for (const channel of config.channels) {
    if (!connected.has(splitChannelKey(channel).platform)) logger.warn({ channel }, 'briefings: BRIEFING_CHANNELS names a platform this instance is not connected to; another instance must post there');
  }
  await store.pruneClaims(Date.now() - CLAIM_RETENTION_MS);
  const scheduler = createScheduler({
    store,
    posters: options.posters,
    latest: newestBriefing(() => options.depeche.knowledge()),
    logger,
    graceMs: config.graceMinutes * 60_000,
    onPost: options.onPost,
  });
  options.subscriptions.onChange(() => scheduler.refresh());
  // A shared store says when another instance changed subscriptions, and when the database is back after an outage:
  // a slot whose claim failed meanwhile is then posted (within the grace period), still once.
  store.watch?.({ onChange: () => scheduler.refresh() });
  await scheduler.start();
  const count = (await store.subscriptions()).length;
  logger.info({ store: store.location, subscriptions: count, instance: scheduler.instance }, 'briefings: scheduler started');
  return scheduler;
}
