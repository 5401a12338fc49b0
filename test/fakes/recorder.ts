/** An append-only log that tests can wait on: "the first entry like this, now or when it arrives". */
export class Recorder<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<{ match: (item: T) => boolean; resolve: (item: T) => void }>();
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

  filter(match: (item: T) => boolean): T[] {
    return this.items.filter(match);
  }

  /**
   * Resolves with the first matching entry already logged or yet to come; rejects after the timeout
   * listing what was seen. `what` names the awaited entry in that message.
   */
  waitFor(match: (item: T) => boolean, what?: string | { timeoutMs?: number; what?: string }, timeoutMs?: number): Promise<T> {
    const options = typeof what === 'object' ? what : { what, timeoutMs };
    const found = this.items.find(match);
    if (found !== undefined) return Promise.resolve(found);
    const limit = options.timeoutMs ?? 10_000;
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
        const seen = this.items.slice(-15).map(this.describe).join('\n  ') || 'nothing';
        reject(new Error(`${this.label}: no ${options.what ?? 'matching entry'} within ${limit} ms; last seen:\n  ${seen}`));
      }, limit);
      this.waiters.add(waiter);
    });
  }
}
