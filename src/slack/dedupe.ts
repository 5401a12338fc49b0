import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../logger.ts';

/**
 * Remembers the event ids it has seen for a while. Slack resends an event it thinks went unacknowledged
 * (at once, after ~1 minute, after ~5 minutes, with X-Slack-Retry-Num); a second answer would be a duplicate.
 */
export class SeenEvents {
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
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
 * Global middleware: an event whose id was already handled stops here, whatever the retry number says
 * (a first delivery can also arrive after its retry).
 */
export function skipRepeatedEvents(seen: SeenEvents, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !seen.first(eventId)) {
      logger.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack: skipped a repeated event');
      return;
    }
    await next();
  };
}
