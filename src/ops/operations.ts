import type { Config } from '../config.ts';
import type { Depeche } from '../core/depeche.ts';
import type { Logger } from '../logger.ts';
import { gate, type Gate } from './gate.ts';
import { HEALTH_PATH, HealthRegistry, startHealthServer, type PlatformState } from './health.ts';
import type { InFlight } from './in-flight.ts';
import { watchKnowledge, type KnowledgeWatcher } from './reload.ts';
import { installShutdown, type Shutdown } from './shutdown.ts';

/** What an adapter is given to take part in operations: where to report its connection, where to count its work. */
export interface AdapterHooks {
  onState: (state: PlatformState) => void;
  inFlight: InFlight;
}

export interface Operations {
  /** The Depeche to hand to adapters: it refuses new questions once the shutdown has begun. */
  depeche: Depeche;
  gate: Gate;
  health: HealthRegistry;
  shutdown: Shutdown;
  knowledge: KnowledgeWatcher;
  /** Port of the /healthz server when HEALTH_PORT is set. */
  healthPort?: number;
  hooks(platform: string): AdapterHooks;
  /** Bolt's custom route serving /healthz on the Slack HTTP server. */
  healthRoute: { path: string; method: string[]; handler: HealthRegistry['handle'] };
}

/** Health, graceful shutdown and knowledge hot reload around a running Depeche (platform mode of `npm start`). */
export async function startOperations(options: { config: Config; depeche: Depeche; logger: Logger }): Promise<Operations> {
  const { config, logger } = options;
  const gated = gate(options.depeche);
  const health = new HealthRegistry();
  health.onChange((platform, state) => logger.info({ platform, state }, `health: ${platform} is ${state}`));
  health.onDependencyChange((name, state) => logger[state === 'down' ? 'warn' : 'info']({ dependency: name, state }, `health: ${name} is ${state}`));
  const shutdown = installShutdown({
    logger,
    gate: gated,
    onBegin: () => {
      for (const platform of Object.keys(health.report().platforms)) health.set(platform, 'stopping');
    },
  });
  const knowledge = watchKnowledge({ dir: config.knowledgeDir, depeche: gated.depeche, logger });
  shutdown.add('knowledge watcher', () => knowledge.close(), 'servers');

  let healthPort: number | undefined;
  if (config.healthPort !== undefined) {
    const server = await startHealthServer({ registry: health, port: config.healthPort });
    healthPort = server.port;
    logger.info({ port: server.port }, `health: serving ${HEALTH_PATH}`);
    shutdown.add('health server', () => server.close(), 'servers');
  }

  return {
    depeche: gated.depeche,
    gate: gated,
    health,
    shutdown,
    knowledge,
    healthPort,
    hooks: (platform) => ({ onState: health.reporter(platform), inFlight: gated.inFlight }),
    healthRoute: { path: HEALTH_PATH, method: ['GET'], handler: health.handle },
  };
}
