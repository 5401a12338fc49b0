/** An append-only log that tests can wait on: "the first entry like this, now or when it arrives". */
export class Recorder<T> {
  readonly items: T[] = [];
  private waiters = new Set<{ match: (item: T) => boolean; resolve: (item: T) => void }>();
  private readonly listeners = new Set<(item: T) => void>();

  constructor(private readonly label: string, private readonly describe: (item: T) => string = (item) => JSON.stringify(item)) {}

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

  /** Resolves with the first matching entry already logged or yet to come; rejects after `timeoutMs` listing what was seen. */
  waitFor(match: (item: T) => boolean, options: { timeoutMs?: number; what?: string } = {}): Promise<T> {
    const found = this.items.find(match);
    if (found !== undefined) return Promise.resolve(found);
    const timeoutMs = options.timeoutMs ?? 8000;
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
        const seen = this.items.slice(-15).map(this.describe).join('\n  ');
        reject(new Error(`${this.label}: no ${options.what ?? 'matching entry'} within ${timeoutMs} ms; last seen:\n  ${seen}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}
