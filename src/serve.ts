import { createApp } from './app.ts';
import type { RunningAdapter } from './core/adapter.ts';
import { startBriefings } from './briefing/start.ts';
import type { Config, ConfigError } from './config.ts';
import type { Logger } from './logger.ts';
import { startOperations, type Operations } from './ops/operations.ts';
import { startRetention } from './ops/retention.ts';
import type { Store } from './store/types.ts';

export type PlatformName = 'discord' | 'slack';

export interface ServeOptions {
  config: Config;
  logger: Logger;
  /** The configured platforms this process serves: a Discord shard serves Discord alone, a shard manager Slack alone. */
  platforms: readonly PlatformName[];
  /** Whether this process runs the briefing scheduler (in a sharded bot, shard 0 only). */
  briefings: boolean;
  /** Serve /healthz on HEALTH_PORT (a shard leaves it to its manager). */
  serveHealth?: boolean;
  signals?: readonly NodeJS.Signals[];
  /** Discord ended the session for good after start (token revoked...): default, log and exit 1. */
  onDiscordFatal?: (error: ConfigError) => void;
}

/**
 * The platform mode of `npm start`, and of each Discord shard: the store, Depeche, health and graceful shutdown,
 * the platforms' adapters, scheduled briefings.
 */
export async function serve(options: ServeOptions): Promise<Operations> {
  const { config, logger } = options;
  // The store (DATABASE_URL, else DATA_DIR) serves the platforms: subscriptions, briefing claims, unanswered
  // questions, votes on answers, Slack event dedupe, and conversations on PostgreSQL.
  const app = await createApp(config, { logger, store: 'serve', rateLimited: true });
  const { depeche, metrics } = app;
  const writes = app.writes!;
  const store = app.store!;
  const subscriptions = app.subscriptions!;

  // Health, graceful shutdown on SIGTERM/SIGINT and knowledge hot reload (src/ops).
  const ops = await startOperations({ config, depeche, logger, serveHealth: options.serveHealth, signals: options.signals, metrics });
  // A shared database that goes away degrades /healthz; questions are still answered.
  if (store.watch) {
    const databaseState = ops.health.dependency('database');
    store.watch({
      onState: (state) => {
        databaseState(state);
        // The writes kept while it was away are written now, not at the next retry.
        if (state === 'up') void writes.retry();
      },
    });
  }
  // Shown in /healthz from the first failed write on: a store that never failed adds nothing to the report.
  let writesState: ((state: 'up' | 'down') => void) | undefined;
  writes.onChange((failing) => {
    writesState ??= ops.health.dependency('store');
    writesState(failing ? 'down' : 'up');
  });
  ops.health.detail('store', () => (writesState ? writes.state() : undefined));
  // A start that fails here (a refused token, a platform out of reach) leaves nothing behind: no store file appears.
  const adapters = await startPlatforms(options, ops, store).catch(async (error: unknown) => {
    await ops.knowledge.close();
    await app.close();
    app.undoStore();
    throw error;
  });
  if (options.briefings) {
    const posters = adapters.flatMap((adapter) => (adapter.poster ? [adapter.poster] : []));
    const scheduler = await startBriefings({ config: config.briefing, store, subscriptions, posters, depeche: ops.depeche, logger, onPost: metrics.briefing });
    // Before the adapters: no post starts once they are stopping.
    ops.shutdown.add('briefings', () => scheduler.stop(), 'platforms');
    const retention = startRetention({ store, days: config.retentionDays, logger });
    ops.shutdown.add('retention', () => retention.stop(), 'servers');
  }
  for (const adapter of adapters) ops.shutdown.add(adapter.name, () => adapter.stop(), 'platforms');
  ops.shutdown.add('store', () => writes.retry().finally(() => app.close()), 'storage');
  return ops;
}

async function startPlatforms(options: ServeOptions, ops: Operations, store: Store): Promise<RunningAdapter[]> {
  const { config, logger } = options;
  const { depeche } = ops;
  const started: RunningAdapter[] = [];
  // Imported on demand: a process serving one platform should not pay for loading the other's library.
  if (config.discord && options.platforms.includes('discord')) {
    const { startDiscord } = await import('./discord/start.ts');
    started.push(await startDiscord({ config: config.discord, depeche, logger, ...ops.hooks('discord'), onFatal: options.onDiscordFatal }));
  }
  if (config.slack && options.platforms.includes('slack')) {
    const { startSlack } = await import('./slack/start.ts');
    const customRoutes = config.slack.mode === 'http' ? ops.routes : undefined;
    const sharedDeliveries = (key: string, ttlMs: number) => store.firstDelivery(key, ttlMs);
    started.push(await startSlack({ config: config.slack, depeche, logger, ...ops.hooks('slack'), customRoutes, sharedDeliveries }));
  }
  return started;
}
