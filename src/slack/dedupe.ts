import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../logger.ts';

/**
 * Remembers the event ids it has seen for a while. Slack resends an event it thinks went unacknowledged
 * (at once, after ~1 minute, after ~5 minutes, with X-Slack-Retry-Num); a second answer would be a duplicate.
 */
export class SeenEvents {
  private readonly seen = new Map<string, number>();
  /** How long an id is remembered: past Slack's last retry (~5 minutes). */
  readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(options: { ttlMs?: number; max?: number; now?: () => number } = {}) {
    this.ttlMs = options.ttlMs ?? 15 * 60_000;
    this.max = options.max ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** True the first time an id is offered (and records it), false for every repeat within the TTL. */
  first(id: string): boolean {
    const now = this.now();
    this.expire(now);
    if (this.seen.has(id)) return false;
    this.seen.set(id, now);
    if (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }

  private expire(now: number): void {
    // A Map iterates in insertion order, so the oldest entries come first.
    for (const [id, at] of this.seen) {
      if (now - at < this.ttlMs) break;
      this.seen.delete(id);
    }
  }
}

/**
 * The store's record of deliveries, shared by every instance on it (Store.firstDelivery): true the first time a key
 * is offered within `ttlMs`.
 */
export type SharedDeliveries = (key: string, ttlMs: number) => Promise<boolean>;

/**
 * Global middleware: an event whose id was already handled stops here, whatever the retry number says
 * (a first delivery can also arrive after its retry). This process's memory answers first; the store then tells
 * whether another instance took it (a retry reaching another instance behind the load balancer). Bolt has acked
 * events before middleware runs, so the store's round trip never delays an ack.
 */
export function skipRepeatedEvents(options: { seen: SeenEvents; shared?: SharedDeliveries; logger: Logger }): Middleware<AnyMiddlewareArgs> {
  const { seen, shared, logger } = options;
  async function first(eventId: string): Promise<boolean> {
    if (!seen.first(eventId)) return false;
    if (!shared) return true;
    try {
      return await shared(`slack-event:${eventId}`, seen.ttlMs);
    } catch (error) {
      // Without the store, an answer given twice is better than one never given.
      logger.warn({ eventId, error: error instanceof Error ? error.message : String(error) }, 'slack: the store could not say whether another instance took this event; answering it');
      return true;
    }
  }
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await first(eventId))) {
      logger.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack: skipped a repeated event');
      return;
    }
    await next();
  };
}
