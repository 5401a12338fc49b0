import type { Config } from '../config.ts';
import type { Depeche } from '../core/depeche.ts';
import type { Logger } from '../logger.ts';
import { gate, type Gate } from './gate.ts';
import { HEALTH_PATH, HealthRegistry, startHealthServer, type PlatformState } from './health.ts';
import type { InFlight } from './in-flight.ts';
import { watchKnowledge, type KnowledgeWatcher } from './reload.ts';
import { METRICS_PATH, type Metrics } from './metrics.ts';
import { installShutdown, type Shutdown } from './shutdown.ts';

/** What an adapter is given to take part in operations: where to report its connection, where to count its work. */
export interface AdapterHooks {
  onState: (state: PlatformState) => void;
  inFlight: InFlight;
}

/** Health and the graceful stop: what any long-running process of `npm start` needs, a shard manager included. */
export interface Supervision {
  health: HealthRegistry;
  shutdown: Shutdown;
  /** Port of the /healthz server when HEALTH_PORT is set and this process serves it. */
  healthPort?: number;
}

export interface SupervisionOptions {
  config: Config;
  logger: Logger;
  /** Closed first on a shutdown, so that new questions get a short "shutting down" reply. */
  gate?: Gate;
  /** Serve /healthz on HEALTH_PORT (default true; a shard leaves it to its manager). */
  serveHealth?: boolean;
  /** The signals that stop the process (SIGTERM and SIGINT). */
  signals?: readonly NodeJS.Signals[];
  /** Served on /metrics next to /healthz. */
  metrics?: Metrics;
}

export interface Operations extends Supervision {
  /** The Depeche to hand to adapters: it refuses new questions once the shutdown has begun. */
  depeche: Depeche;
  gate: Gate;
  knowledge: KnowledgeWatcher;
  hooks(platform: string): AdapterHooks;
  /** Bolt's custom routes serving /healthz (and /metrics) on the Slack HTTP server. */
  routes: { path: string; method: string[]; handler: HealthRegistry['handle'] }[];
}

/** Health (/healthz on HEALTH_PORT) and the graceful stop on SIGTERM/SIGINT. */
export async function startSupervision(options: SupervisionOptions): Promise<Supervision> {
  const { config, logger } = options;
  const health = new HealthRegistry();
  health.onChange((platform, state) => logger.info({ platform, state }, `health: ${platform} is ${state}`));
  health.onDependencyChange((name, state) => logger[state === 'down' ? 'warn' : 'info']({ dependency: name, state }, `health: ${name} is ${state}`));
  const shutdown = installShutdown({
    logger,
    gate: options.gate,
    signals: options.signals,
    onBegin: () => {
      for (const platform of Object.keys(health.report().platforms)) health.set(platform, 'stopping');
    },
  });
  let healthPort: number | undefined;
  if (config.healthPort !== undefined && options.serveHealth !== false) {
    const server = await startHealthServer({ registry: health, port: config.healthPort, metrics: options.metrics });
    healthPort = server.port;
    logger.info({ port: server.port }, `health: serving ${HEALTH_PATH}`);
    shutdown.add('health server', () => server.close(), 'servers');
  }
  return { health, shutdown, healthPort };
}

/** Health, graceful shutdown and knowledge hot reload around a running Depeche (platform mode of `npm start`). */
export async function startOperations(options: Omit<SupervisionOptions, 'gate'> & { depeche: Depeche }): Promise<Operations> {
  const { config, logger } = options;
  const gated = gate(options.depeche);
  const supervision = await startSupervision({ ...options, gate: gated });
  const knowledge = watchKnowledge({ dir: config.knowledgeDir, depeche: gated.depeche, logger });
  supervision.shutdown.add('knowledge watcher', () => knowledge.close(), 'servers');
  return {
    ...supervision,
    depeche: gated.depeche,
    gate: gated,
    knowledge,
    hooks: (platform) => ({ onState: supervision.health.reporter(platform), inFlight: gated.inFlight }),
    routes: [
      { path: HEALTH_PATH, method: ['GET'], handler: supervision.health.handle },
      ...(options.metrics ? [{ path: METRICS_PATH, method: ['GET'], handler: options.metrics.handle }] : []),
    ],
  };
}
