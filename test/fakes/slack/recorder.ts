/** A list of things that happened, with a way to await one that has not happened yet. */
export class Recorder<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<{ match: (item: T) => boolean; resolve: (item: T) => void }>();
  private readonly listeners = new Set<(item: T) => void>();

  constructor(private readonly describe: (item: T) => string) {}

  /** Calls `listener` with every entry logged from now on (load tests tally thousands); returns an unsubscribe. */
  subscribe(listener: (item: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  push(item: T): void {
    this.items.push(item);
    for (const listener of [...this.listeners]) listener(item);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(item)) {
        this.waiters.delete(waiter);
        waiter.resolve(item);
      }
    }
  }

  filter(match: (item: T) => boolean): T[] {
    return this.items.filter(match);
  }

  /** The first item (already recorded or still to come) that matches; rejects after `timeoutMs`. */
  waitFor(match: (item: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
    const found = this.items.find(match);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        match,
        resolve: (item: T) => {
          clearTimeout(timer);
          resolve(item);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.items.map(this.describe).join(', ') || 'nothing';
        reject(new Error(`fake Slack: timed out after ${timeoutMs} ms waiting for ${what}; seen: ${seen}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}
