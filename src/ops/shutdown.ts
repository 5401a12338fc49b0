import { constants } from 'node:os';
import type { Logger } from '../logger.ts';
import type { Gate } from './gate.ts';

export interface ShutdownOptions {
  logger: Logger;
  /** Closed first: new questions get a short "shutting down" reply while the ones in flight finish. */
  gate?: Gate;
  /** How long the replies in flight may take to finish (default 5 s). */
  drainMs?: number;
  /** How long each stop step may take before it is given up on (default 5 s). */
  stepMs?: number;
  /** Injected for tests; defaults to process.exit. */
  exit?: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
  /** Called as the shutdown begins (health turns to `stopping`). */
  onBegin?: () => void;
}

/** Steps run by stage: stop taking work from the platforms, then close servers and watchers, then storage. */
export type ShutdownStage = 'platforms' | 'servers' | 'storage';
const STAGES: readonly ShutdownStage[] = ['platforms', 'servers', 'storage'];

export interface Shutdown {
  /**
   * A step run once the work in flight is done: by stage (default `servers`), then in the order added. `boundMs`
   * replaces the default bound for a step that waits on others (the shard processes' own shutdowns).
   */
  add(name: string, step: () => unknown, stage?: ShutdownStage, options?: { boundMs?: number }): void;
  /** Runs the shutdown once (later calls return the same promise), then exits with `exitCode` (0). */
  run(reason: string, exitCode?: number): Promise<void>;
  /** Removes the signal handlers (tests). */
  dispose(): void;
}

/**
 * Graceful stop on SIGTERM and SIGINT: take no new work, let the replies in flight finish (bounded), run the
 * stop steps (each bounded), exit 0. A second signal while stopping exits at once with 128 + its number.
 */
export function installShutdown(options: ShutdownOptions): Shutdown {
  const { logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const drainMs = options.drainMs ?? 5000;
  const stepMs = options.stepMs ?? 5000;
  const steps: { name: string; step: () => unknown; stage: ShutdownStage; boundMs: number }[] = [];
  let running: Promise<void> | undefined;

  async function sequence(reason: string, exitCode: number): Promise<void> {
    logger.info({ reason, inFlight: options.gate?.inFlight.size ?? 0 }, 'shutting down: no new questions, finishing the replies in flight');
    options.gate?.close();
    options.onBegin?.();
    if (options.gate) {
      const startedAt = Date.now();
      const drained = await options.gate.inFlight.drain(drainMs);
      if (drained) logger.info({ ms: Date.now() - startedAt }, 'shutting down: replies in flight finished');
      else logger.warn({ abandoned: options.gate.inFlight.size, drainMs }, 'shutting down: replies still in flight after the bound, stopping anyway');
    }
    const ordered = STAGES.flatMap((stage) => steps.filter((entry) => entry.stage === stage));
    for (const { name, step, boundMs } of ordered) {
      const outcome = await bounded(Promise.resolve().then(step), boundMs);
      if (outcome === 'timeout') logger.warn({ step: name, stepMs: boundMs }, 'shutting down: a stop step took too long, going on');
      else if (outcome instanceof Error) logger.error(outcome, `shutting down: stopping ${name} failed`);
    }
    logger.info('stopped');
    exit(exitCode);
  }

  const handlers = new Map<NodeJS.Signals, () => void>();
  for (const signal of options.signals ?? (['SIGTERM', 'SIGINT'] as const)) {
    const handler = () => {
      if (running) {
        logger.warn({ signal }, 'second signal while shutting down: exiting now');
        exit(128 + (constants.signals[signal] ?? 15));
        return;
      }
      void run(signal);
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }

  function run(reason: string, exitCode = 0): Promise<void> {
    running ??= sequence(reason, exitCode);
    return running;
  }

  return {
    add: (name, step, stage = 'servers', stepOptions = {}) => void steps.push({ name, step, stage, boundMs: stepOptions.boundMs ?? stepMs }),
    run,
    dispose() {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}

async function bounded(work: Promise<unknown>, ms: number): Promise<'done' | 'timeout' | Error> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(resolve, ms, 'timeout');
  });
  try {
    return await Promise.race([work.then(() => 'done' as const), late]);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    clearTimeout(timer);
  }
}
