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
 * Global middleware: an event, command or click already handled stops here, whatever the retry number says
 * (a first delivery can also arrive after its retry). This process's memory answers first; the store then tells
 * whether another instance took it (a retry reaching another instance behind the load balancer). Bolt has acked
 * events before middleware runs, so the store's round trip never delays an ack.
 */
export function skipRepeatedEvents(options: { seen: SeenEvents; shared?: SharedDeliveries; logger: Logger }): Middleware<AnyMiddlewareArgs> {
  const { seen, shared, logger } = options;
  async function first(key: string): Promise<boolean> {
    if (!seen.first(key)) return false;
    if (!shared) return true;
    try {
      return await shared(`slack-event:${key}`, seen.ttlMs);
    } catch (error) {
      // Without the store, an answer given twice is better than one never given.
      logger.warn({ key, error: error instanceof Error ? error.message : String(error) }, 'slack: the store could not say whether another instance took this event; answering it');
      return true;
    }
  }
  return async (args) => {
    const { body, context, next } = args;
    const key = deliveryKey(body);
    if (key && !(await first(key))) {
      logger.info({ key, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack: skipped a repeated delivery');
      // A replayed command or click is acknowledged, so that Slack does not show an error, and not run again.
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await next();
  };
}

/**
 * What makes one delivery unique: an event's id, or the `trigger_id` Slack gives each slash command and each click
 * (a replay of a signed command within the five-minute window carries the same one).
 */
export function deliveryKey(body: unknown): string | undefined {
  const { event_id: eventId, trigger_id: triggerId } = body as { event_id?: unknown; trigger_id?: unknown };
  if (typeof eventId === 'string') return eventId;
  if (typeof triggerId === 'string') return `trigger:${triggerId}`;
  return undefined;
}
