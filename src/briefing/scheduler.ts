import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Reply } from '../core/reply.ts';
import type { Lang } from '../shared/types.ts';
import type { Logger } from '../logger.ts';
import type { PostedArticle, Store, Subscription } from '../store/types.ts';
import { sleep, systemClock, type Clock } from './clock.ts';
import { splitChannelKey, type ChannelPoster, type PostOutcome } from './poster.ts';
import { latestSlot, nextSlot } from './schedule.ts';

export interface SchedulerOptions {
  store: Store;
  posters: readonly ChannelPoster[];
  /**
   * The newest article and its briefing in a language, read when a slot is due (so that reloaded knowledge is used).
   * Its id and date are recorded with each post, for the subscriptions that want only newer articles.
   */
  latest(): LatestBriefing;
  logger: Logger;
  /** A slot missed (downtime) by less than this is posted late; older ones are skipped. */
  graceMs: number;
  /** Told of each post's outcome (metrics). */
  onPost?: (outcome: 'posted' | 'failed') => void;
  clock?: Clock;
  /** Names this process in claims; defaults to host:pid:random. */
  instance?: string;
  /** The longest sleep between two looks at the store, so that subscriptions made by other instances are seen. */
  maxSleepMs?: number;
  /** Attempts per slot when the platform says "rate limited". */
  maxAttempts?: number;
}

export interface LatestBriefing {
  article: PostedArticle;
  compose(lang: Lang): Reply;
}

/**
 * An `onlyNew` subscription posts `latest` when it is another article than its last post, and not an older one
 * (an article removed from knowledge/ does not make the one before it news again).
 */
export function isNewer(latest: PostedArticle, last: PostedArticle | undefined): boolean {
  if (!last) return true;
  return latest.id !== last.id && (latest.published ?? '') >= (last.published ?? '');
}

export interface Scheduler {
  readonly instance: string;
  /** Posts what is due now (slots missed within the grace period included) and arms the timer. */
  start(): Promise<void>;
  /** One pass: post every due slot this instance can claim. Passes never overlap. */
  tick(): Promise<void>;
  /** Subscriptions changed: look again now. */
  refresh(): void;
  /** Resolves when no pass is running. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Posts each subscription's briefing at its slots, at most once per (channel, slot) across restarts and instances:
 * a slot is claimed in the store (an atomic insert-if-absent) before anything is posted, and only its one owner posts.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const clock = options.clock ?? systemClock;
  const logger = options.logger.child({ component: 'briefings' });
  const instance = options.instance ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const maxSleepMs = options.maxSleepMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 3;
  const posters = new Map(options.posters.map((poster) => [poster.platform, poster]));
  let timer: { cancel(): void } | undefined;
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;

  function tick(): Promise<void> {
    const pass = chain.then(() => (stopped ? undefined : runPass()));
    chain = pass.catch(() => undefined);
    return pass;
  }

  async function runPass(): Promise<void> {
    timer?.cancel();
    timer = undefined;
    let subscriptions: Subscription[] = [];
    try {
      const now = clock.now();
      subscriptions = await options.store.subscriptions();
      const unreachable = await options.store.unreachable();
      for (const subscription of subscriptions) {
        if (stopped) return;
        if (unreachable.has(subscription.channel)) continue;
        // Slots before the subscription existed are not "missed": subscribing at 08:10 does not post 08:00.
        const slot = latestSlot(subscription.schedule, Math.max(now - options.graceMs, subscription.createdAt), now);
        if (slot !== undefined) await postSlot(subscription, slot);
      }
    } catch (error) {
      logger.error(error instanceof Error ? error : new Error(String(error)), 'briefings: a pass failed; trying again at the next wake-up');
    } finally {
      arm(subscriptions);
    }
  }

  async function postSlot(subscription: Subscription, slotMs: number): Promise<void> {
    const { platform, id } = splitChannelKey(subscription.channel);
    const poster = posters.get(platform);
    // Not claimed: another instance connected to that platform may post it.
    if (!poster) return;
    const latest = options.latest();
    // Not claimed either: the slot passes quietly, and a later one posts once a newer article is loaded.
    if (subscription.onlyNew && !isNewer(latest.article, subscription.lastArticle)) return;
    const slot = new Date(slotMs).toISOString();
    const claimed = await options.store.claim({ channel: subscription.channel, slot, subscriptionId: subscription.id, instance }, clock.now());
    if (!claimed) {
      logger.debug({ channel: subscription.channel, slot }, 'briefings: slot already claimed (another instance, or before a restart)');
      return;
    }
    const outcome = await postWithRetries(poster, id, latest.compose(subscription.lang));
    const log = { channel: subscription.channel, slot, subscription: subscription.id, article: latest.article.id, lateMs: clock.now() - slotMs };
    if (outcome.status === 'ok') {
      await options.store.finish(subscription.channel, slot, 'posted', undefined, clock.now());
      await options.store.recordPostedArticle(subscription.id, latest.article);
      logger.info(log, 'briefings: posted');
      options.onPost?.('posted');
    } else if (outcome.status === 'gone') {
      await options.store.finish(subscription.channel, slot, 'gone', outcome.reason, clock.now());
      await options.store.markUnreachable(subscription.channel, outcome.reason, clock.now());
      logger.warn({ ...log, reason: outcome.reason }, 'briefings: cannot post to this channel any more; it is skipped until someone subscribes it again');
      options.onPost?.('failed');
    } else {
      await options.store.finish(subscription.channel, slot, 'failed', outcome.reason, clock.now());
      logger.warn({ ...log, reason: outcome.reason }, 'briefings: the post failed; this slot is not retried');
      options.onPost?.('failed');
    }
  }

  async function postWithRetries(poster: ChannelPoster, channelId: string, reply: Reply): Promise<PostOutcome> {
    for (let attempt = 1; ; attempt++) {
      let outcome: PostOutcome;
      try {
        outcome = await poster.post(channelId, reply);
      } catch (error) {
        outcome = { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
      }
      if (outcome.status !== 'retry' || attempt >= maxAttempts || stopped) {
        return outcome.status === 'retry' ? { status: 'failed', reason: `${outcome.reason} (after ${attempt} attempts)` } : outcome;
      }
      logger.info({ reason: outcome.reason, afterMs: outcome.afterMs }, 'briefings: rate limited; waiting');
      await sleep(clock, outcome.afterMs);
    }
  }

  function arm(subscriptions: readonly Subscription[]): void {
    if (stopped) return;
    const now = clock.now();
    const next = subscriptions.map((subscription) => nextSlot(subscription.schedule, now)).filter((slot): slot is number => slot !== undefined);
    const wait = Math.min(maxSleepMs, ...next.map((slot) => slot - now));
    timer?.cancel();
    timer = clock.setTimeout(() => void tick(), Math.max(0, wait));
    logger.debug({ next: new Date(now + Math.max(0, wait)).toISOString() }, 'briefings: next look at the store');
  }

  return {
    instance,
    start: () => tick(),
    tick,
    refresh: () => void tick(),
    idle: () => chain,
    async stop() {
      stopped = true;
      timer?.cancel();
      await chain;
    },
  };
}
