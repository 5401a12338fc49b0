import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What an adapter says of its connection: `down` until it comes back makes /healthz answer 503. */
export type PlatformState = 'starting' | 'up' | 'down' | 'stopping';

/** What the process relies on besides the platforms: the shared database. */
export type DependencyState = 'up' | 'down';

export interface HealthReport {
  /** `degraded`: every platform is up and questions are answered, but a dependency is down (briefings wait for it). */
  status: 'ok' | 'degraded' | 'down' | 'starting' | 'stopping';
  platforms: Record<string, PlatformState>;
  /** Discord run as shards (DISCORD_SHARDS): each shard's state by id; the `discord` platform is the worst of them. */
  shards?: Record<string, PlatformState>;
  /** Present when there is one: `{ database: 'down' }`. */
  dependencies?: Record<string, DependencyState>;
  /** What a dependency says of itself: the store's writes (failing, its error, pending and lost writes). */
  details?: Record<string, unknown>;
}

/** Worst first: one shard down makes the platform down. */
const SEVERITY: readonly PlatformState[] = ['down', 'stopping', 'starting', 'up'];

/** Each configured platform's state, as its adapter reports it (discord.js shard events, the Socket Mode client...). */
export class HealthRegistry {
  private readonly states = new Map<string, PlatformState>();
  private readonly shardStates = new Map<number, PlatformState>();
  private readonly dependencies = new Map<string, DependencyState>();
  private readonly listeners = new Set<(platform: string, state: PlatformState) => void>();
  private readonly dependencyListeners = new Set<(name: string, state: DependencyState) => void>();
  private readonly details = new Map<string, () => unknown>();

  /** Adds what `describe` returns to every report, under `name`. */
  detail(name: string, describe: () => unknown): void {
    this.details.set(name, describe);
  }

  /** A reporter for one platform, to hand to its adapter. */
  reporter(platform: string): (state: PlatformState) => void {
    this.set(platform, this.states.get(platform) ?? 'starting');
    return (state) => this.set(platform, state);
  }

  set(platform: string, state: PlatformState): void {
    if (this.states.get(platform) === state) return;
    this.states.set(platform, state);
    for (const listener of this.listeners) listener(platform, state);
  }

  /** A Discord shard's state (its process, as the ShardingManager sees it); `discord` becomes the worst of them. */
  setShard(id: number, state: PlatformState, platform = 'discord'): void {
    this.shardStates.set(id, state);
    this.set(platform, SEVERITY.find((severity) => [...this.shardStates.values()].includes(severity)) ?? 'up');
  }

  /** A reporter for one dependency (the database), `up` until it says otherwise. */
  dependency(name: string): (state: DependencyState) => void {
    this.dependencies.set(name, this.dependencies.get(name) ?? 'up');
    return (state) => {
      if (this.dependencies.get(name) === state) return;
      this.dependencies.set(name, state);
      for (const listener of this.dependencyListeners) listener(name, state);
    };
  }

  onDependencyChange(listener: (name: string, state: DependencyState) => void): void {
    this.dependencyListeners.add(listener);
  }

  /** Called on every change (logging, tests waiting for a state). Returns a way to unsubscribe. */
  onChange(listener: (platform: string, state: PlatformState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Healthy only when every platform is up: a bot that lost Discord should be restarted or looked at. A lost
   * database only degrades it: questions are still answered, so restarting it (or every instance sharing that
   * database) would help nobody.
   */
  report(): HealthReport {
    const platforms = Object.fromEntries(this.states);
    const values = [...this.states.values()];
    const dependencies = [...this.dependencies.values()];
    const status = values.includes('down')
      ? 'down'
      : values.includes('stopping')
        ? 'stopping'
        : values.includes('starting')
          ? 'starting'
          : dependencies.includes('down')
            ? 'degraded'
            : 'ok';
    const shards = Object.fromEntries([...this.shardStates].sort(([a], [b]) => a - b).map(([id, state]) => [String(id), state]));
    return {
      status,
      platforms,
      ...(this.shardStates.size ? { shards } : {}),
      ...(this.dependencies.size ? { dependencies: Object.fromEntries(this.dependencies) } : {}),
      ...detailsOf(this.details),
    };
  }

  /** `GET /healthz`: 200 with the report when every platform is up (degraded included), 503 otherwise. For node:http and Bolt's customRoutes. */
  readonly handle = (_req: IncomingMessage, res: ServerResponse): void => {
    const report = this.report();
    res.writeHead(report.status === 'ok' || report.status === 'degraded' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(report));
  };
}

/** The details that have something to say (a describer returns undefined while all is well). */
function detailsOf(details: ReadonlyMap<string, () => unknown>): { details?: Record<string, unknown> } {
  const said = [...details].map(([name, describe]) => [name, describe()] as const).filter(([, detail]) => detail !== undefined);
  return said.length > 0 ? { details: Object.fromEntries(said) } : {};
}

export const HEALTH_PATH = '/healthz';

/** A small server for /healthz alone, on HEALTH_PORT (port 0 picks a free one). */
export async function startHealthServer(options: {
  registry: HealthRegistry;
  port: number;
  host?: string;
  /** Prometheus text on /metrics (src/ops/metrics.ts). */
  metrics?: { handle: (req: IncomingMessage, res: ServerResponse) => void };
}): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD')) return options.registry.handle(req, res);
    if (path === '/metrics' && options.metrics && req.method === 'GET') return options.metrics.handle(req, res);
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":"not found"}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
