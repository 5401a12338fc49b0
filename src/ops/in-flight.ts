/**
 * The replies being worked on, so that a shutdown can wait for them: adapters wrap each platform event's whole
 * handling (answer and post) in `track`, and `drain` resolves once none is left, or when its bound runs out.
 */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();
  private idleWaiters: (() => void)[] = [];

  get size(): number {
    return this.pending.size;
  }

  /** Returns the same promise; it counts as in flight until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => {
      this.pending.delete(work);
      if (this.pending.size === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    };
    work.then(done, done);
    return work;
  }

  /** True once nothing is in flight; false if `timeoutMs` ran out first (the work keeps running). */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.pending.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<boolean>((resolve) => this.idleWaiters.push(() => resolve(true)));
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(resolve, timeoutMs, false);
    });
    try {
      return await Promise.race([idle, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
