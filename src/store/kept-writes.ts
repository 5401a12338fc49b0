import type { Logger } from '../logger.ts';
import type { Store } from './types.ts';

/** What the store's writes of questions and votes are doing, for /healthz and the logs. */
export interface WritesState {
  /** The last write failed and nothing has succeeded since. */
  failing: boolean;
  /** The store's last error, while failing. */
  error?: string;
  /** Writes waiting to be tried again. */
  pending: number;
  /** Writes given up on: the queue was full (each is logged with what it held). */
  lost: number;
}

export interface KeptWrites {
  /** The store, whose writes of questions and votes are kept for a retry when they fail. */
  store: Store;
  state(): WritesState;
  /** Told when writes start or stop failing (a `store` dependency of /healthz). */
  onChange(listener: (failing: boolean) => void): void;
  /** Tries the pending writes again now (the timer does it every `retryMs`). */
  retry(): Promise<void>;
  stop(): void;
}

/** The writes users' actions make: a refused question, an answer people may rate, a vote. */
const KEPT = new Set<keyof Store>(['recordUnanswered', 'saveAnswer', 'vote']);

/**
 * A full disk or a database gone away must not lose what users did without a word. A failed write of a question or a
 * vote is kept in memory (at most `maxPending`; beyond, the oldest is given up and logged with what it held) and tried
 * again every `retryMs`, oldest first; while writes fail, /healthz says `degraded` with the store's error. The caller
 * still gets the error, as before, so that it can log what it was doing.
 */
export function keepWrites(store: Store, options: { logger: Logger; maxPending?: number; retryMs?: number; onFailure?: () => void }): KeptWrites {
  const { logger } = options;
  const maxPending = options.maxPending ?? 1000;
  const pending: { what: string; detail: string; run: () => Promise<unknown> }[] = [];
  const listeners: ((failing: boolean) => void)[] = [];
  let failing = false;
  let error: string | undefined;
  let lost = 0;
  let retrying: Promise<void> | undefined;

  const setFailing = (now: boolean, cause?: unknown) => {
    error = now ? String(cause instanceof Error ? cause.message : cause) : undefined;
    if (failing === now) return;
    failing = now;
    for (const listener of listeners) listener(now);
  };

  const keep = (what: string, detail: string, run: () => Promise<unknown>) => {
    pending.push({ what, detail, run });
    if (pending.length > maxPending) {
      const dropped = pending.shift()!;
      lost += 1;
      logger.error({ what: dropped.what, held: dropped.detail, lost }, 'store: a write failed too long ago and is given up');
    }
  };

  async function retry(): Promise<void> {
    retrying ??= (async () => {
      while (pending.length > 0) {
        try {
          await pending[0]!.run();
          pending.shift();
        } catch (cause) {
          setFailing(true, cause);
          return;
        }
      }
      setFailing(false);
    })().finally(() => (retrying = undefined));
    return retrying;
  }

  const timer = setInterval(() => void (pending.length > 0 && retry()), options.retryMs ?? 15_000);
  timer.unref();

  const kept = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (!KEPT.has(property as keyof Store)) return value.bind(target);
      return async (...args: unknown[]) => {
        const run = () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        try {
          const result = await run();
          if (failing && pending.length === 0) setFailing(false);
          return result;
        } catch (cause) {
          options.onFailure?.();
          setFailing(true, cause);
          keep(String(property), JSON.stringify(args[0]).slice(0, 500), run);
          logger.warn({ what: String(property), error: error, pending: pending.length, lost }, 'store: a write failed; kept to try again');
          throw cause;
        }
      };
    },
  });

  return {
    store: kept,
    state: () => ({ failing, ...(error ? { error } : {}), pending: pending.length, lost }),
    onChange: (listener) => void listeners.push(listener),
    retry,
    stop: () => clearInterval(timer),
  };
}
