import type { Clock } from '../../src/briefing/clock.ts';

/** A clock that moves only when the test says so; timers fire, in order, as it passes them. */
export class FakeClock implements Clock {
  private timers: { due: number; seq: number; callback: () => void }[] = [];
  private seq = 0;
  private waiters: (() => void)[] = [];

  constructor(private t: number) {}

  now(): number {
    return this.t;
  }

  setTimeout(callback: () => void, ms: number): { cancel(): void } {
    const timer = { due: this.t + Math.max(0, ms), seq: this.seq++, callback };
    this.timers.push(timer);
    for (const wake of this.waiters.splice(0)) wake();
    return { cancel: () => (this.timers = this.timers.filter((t) => t !== timer)) };
  }

  /** Moves to `to` (epoch ms or ISO time), firing every timer due on the way at its own time. */
  set(to: number | string): void {
    const target = typeof to === 'string' ? Date.parse(to) : to;
    if (target < this.t) throw new Error('the fake clock only moves forward');
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.due - b.due || a.seq - b.seq)[0];
      if (!next || next.due > target) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.t = Math.max(this.t, next.due);
      next.callback();
    }
    this.t = target;
  }

  advance(ms: number): void {
    this.set(this.t + ms);
  }

  /** When the next timer is due (undefined if none). */
  nextTimer(): number | undefined {
    return this.timers.length ? Math.min(...this.timers.map((t) => t.due)) : undefined;
  }

  /** Resolves once a timer is pending (a scheduler waiting out a rate limit, say). */
  async timerPending(): Promise<void> {
    while (!this.timers.length) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}
