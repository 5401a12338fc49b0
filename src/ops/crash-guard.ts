import type { Logger } from '../logger.ts';

export interface CrashGuardOptions {
  logger: Logger;
  /** Called when staying up is no longer safe (see below); the caller stops gracefully and exits non-zero. */
  onFatal: (reason: string) => void;
  /** Uncaught exceptions tolerated within `windowMs` before the process stops (default 5 in a minute). */
  maxExceptions?: number;
  windowMs?: number;
  now?: () => number;
  /** Injected for tests; defaults to the real process. */
  target?: Pick<NodeJS.Process, 'on' | 'off'>;
}

export interface CrashGuard {
  /** How many of each reached the process since start. */
  readonly counts: { rejections: number; exceptions: number };
  dispose(): void;
}

/**
 * The last net under every request: no single bad request may end the bot. A promise rejected with no handler is a
 * request that failed on its own: logged, counted, and the bot goes on. An uncaught exception may have left shared
 * state half-changed, so a burst of them (more than `maxExceptions` in `windowMs`) stops the process cleanly, through
 * the graceful shutdown, for its supervisor to restart it; one alone is logged and counted.
 */
export function installCrashGuard(options: CrashGuardOptions): CrashGuard {
  const { logger } = options;
  const target = options.target ?? process;
  const now = options.now ?? Date.now;
  const maxExceptions = options.maxExceptions ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const counts = { rejections: 0, exceptions: 0 };
  const recent: number[] = [];
  let fatal = false;

  const onRejection = (reason: unknown): void => {
    counts.rejections += 1;
    logger.error({ err: reason, rejections: counts.rejections }, 'a request failed with nothing to catch it; still serving');
  };
  const onException = (error: Error): void => {
    counts.exceptions += 1;
    const at = now();
    recent.push(at);
    while (recent.length > 0 && at - recent[0]! > windowMs) recent.shift();
    if (recent.length > maxExceptions && !fatal) {
      fatal = true;
      logger.fatal({ err: error, exceptions: counts.exceptions }, `${recent.length} uncaught exceptions within ${windowMs / 1000} s: stopping`);
      options.onFatal('uncaught exceptions');
      return;
    }
    logger.error({ err: error, exceptions: counts.exceptions }, 'an uncaught exception; still serving');
  };
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return {
    counts,
    dispose() {
      target.off('unhandledRejection', onRejection);
      target.off('uncaughtException', onException);
    },
  };
}
