/** A sliding-window limit per key: at most `count` takes in any `windowMs`. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly count: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private lastSweep = -Infinity;

  constructor(options: { count: number; windowMs: number; now?: () => number }) {
    this.count = options.count;
    this.windowMs = options.windowMs;
    this.now = options.now ?? Date.now;
  }

  /** How many keys it holds (forgotten once quiet for a window, when there are many). */
  get size(): number {
    return this.hits.size;
  }

  /** Records one use by `key`; false when the key is over its limit (the use is not recorded). */
  take(key: string): boolean {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => now - at < this.windowMs);
    if (recent.length >= this.count) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    // At most once a window: with more than 10,000 users active in a window, sweeping on every take would cost
    // a pass over all of them per question.
    if (this.hits.size > 10_000 && now - this.lastSweep >= this.windowMs) this.sweep(now);
    return true;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, times] of this.hits) {
      if (times.every((at) => now - at >= this.windowMs)) this.hits.delete(key);
    }
  }
}
