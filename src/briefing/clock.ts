/** Time as the scheduler sees it: injected, so that tests move it without sleeping. */
export interface Clock {
  now(): number;
  /** Calls `callback` after `ms`; the handle cancels it. */
  setTimeout(callback: () => void, ms: number): { cancel(): void };
}

/** setTimeout takes at most 2^31-1 ms; longer waits are cut (the scheduler re-arms when it wakes). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const timer = setTimeout(callback, Math.min(Math.max(0, ms), MAX_TIMEOUT_MS));
    // A waiting schedule alone must not keep the process alive: the adapters do that.
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, ms));
}
