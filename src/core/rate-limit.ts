/** A sliding-window limit per key: at most `count` takes in any `windowMs`. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly count: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: { count: number; windowMs: number; now?: () => number }) {
    this.count = options.count;
    this.windowMs = options.windowMs;
    this.now = options.now ?? Date.now;
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
    if (this.hits.size > 10_000) this.sweep(now);
    return true;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) {
      if (times.every((at) => now - at >= this.windowMs)) this.hits.delete(key);
    }
  }
}
