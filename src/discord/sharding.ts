import { once } from 'node:events';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { DiscordAPIError, REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import { ConfigError, type DiscordConfig } from '../config.ts';
import { networkProblem, UnreachableError } from '../core/unreachable.ts';
import type { Logger } from '../logger.ts';
import type { HealthRegistry } from '../ops/health.ts';
import type { Shutdown } from '../ops/shutdown.ts';

/**
 * A shard exits with this code when Discord refused it for good (revoked token, refused intents): respawning would
 * fail the same way, so the manager stops instead. (78 is EX_CONFIG in sysexits.h.)
 */
export const SHARD_EXIT_FOR_GOOD = 78;

/** Discord lets `max_concurrency` shards identify per 5 seconds; discord.js's default spacing is 5.5 s for one. */
const IDENTIFY_WINDOW_MS = 5500;
/** How long a shard may take from its process starting to its client being ready. */
const SHARD_READY_TIMEOUT_MS = 30_000;
/** A shard's own graceful stop takes at most a few seconds (drain 5 s, then its steps); past this it is killed. */
const SHARD_STOP_MS = 15_000;

/** The shard entry beside this file: shard.ts under tsx, shard.js once compiled. */
const SHARD_FILE = fileURLToPath(new URL(`./shard${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

export interface StartShardsOptions {
  config: DiscordConfig;
  /** DISCORD_SHARDS: a count, or 'auto' for Discord's recommendation. */
  shards: 'auto' | number;
  logger: Logger;
  health: HealthRegistry;
  shutdown: Shutdown;
  /** The shard entry (tests may point elsewhere); its processes run with this process's Node flags (tsx's loader). */
  file?: string;
}

export interface RunningShards {
  count: number;
  manager: ShardingManager;
}

/**
 * Runs the Discord bot as `shards` child processes with discord.js's ShardingManager, each starting the adapter for its
 * shard (src/discord/shard.ts). The manager respawns a shard whose process dies, reports every shard to /healthz, and
 * on SIGTERM stops them all, each with its own graceful stop. Resolves once every shard is ready.
 */
export async function startShards(options: StartShardsOptions): Promise<RunningShards> {
  const { logger, health, shutdown } = options;
  const gateway = await gatewayBot(options.config);
  const count = options.shards === 'auto' ? gateway.shards : options.shards;
  const manager = new ShardingManager(options.file ?? SHARD_FILE, {
    token: options.config.token,
    totalShards: count,
    mode: 'process',
    // Off until every shard is ready: a shard that dies while starting (a broken knowledge file...) fails the start.
    respawn: false,
    execArgv: process.execArgv,
  });
  let stopping = false;
  /** A shard that died before every shard was ready (respawning is off until then): the start has failed. */
  let diedWhileStarting: string | undefined;

  manager.on('shardCreate', (shard: Shard) => {
    const log = logger.child({ shard: shard.id });
    const report = (state: Parameters<HealthRegistry['setShard']>[1]) => health.setShard(shard.id, stopping ? 'stopping' : state);
    // Process mode: each shard's process is a ChildProcess.
    shard.on('spawn', (spawned) => {
      const child = spawned as ChildProcess;
      log.info({ pid: child.pid }, `discord: shard ${shard.id} of ${count} started (pid ${child.pid})`);
      report('starting');
    });
    shard.on('ready', () => report('up'));
    shard.on('resume', () => report('up'));
    shard.on('disconnect', () => report('down'));
    shard.on('reconnecting', () => report('down'));
    shard.on('death', (dead) => {
      const child = dead as ChildProcess;
      report(stopping ? 'stopping' : 'down');
      if (stopping) return;
      const exit = { code: child.exitCode, signal: child.signalCode };
      if (exit.code === SHARD_EXIT_FOR_GOOD) {
        log.fatal(exit, `discord: shard ${shard.id} was refused by Discord for good (see its message above); stopping every shard`);
        void shutdown.run(`shard ${shard.id} refused by Discord`, 1);
        return;
      }
      if (manager.respawn) log.warn(exit, `discord: shard ${shard.id} exited; respawning it`);
      else {
        diedWhileStarting ??= `shard ${shard.id} exited while the shards were starting`;
        log.error(exit, `discord: ${diedWhileStarting}`);
      }
    });
    // A respawn that fails (the new process dies before it is ready) is retried by its own death.
    shard.on('error', (error: Error) => log.error({ error: error.message }, `discord: shard ${shard.id} failed to respawn`));
  });

  async function stopAll(): Promise<void> {
    stopping = true;
    manager.respawn = false;
    for (const id of manager.shards.keys()) health.setShard(id, 'stopping');
    await Promise.all(manager.shards.map((shard) => stopShard(shard, logger)));
  }
  shutdown.add('discord shards', stopAll, 'platforms', { boundMs: SHARD_STOP_MS + 2000 });

  logger.info({ shards: count, recommended: gateway.shards, maxConcurrency: gateway.maxConcurrency }, `discord: starting ${count} shard(s)`);
  // The manager spawns them one after the other: until then, the later ones are starting too.
  for (let id = 0; id < count; id++) health.setShard(id, 'starting');
  try {
    await manager.spawn({ amount: count, delay: Math.ceil(IDENTIFY_WINDOW_MS / gateway.maxConcurrency), timeout: SHARD_READY_TIMEOUT_MS });
    if (diedWhileStarting) throw new Error(diedWhileStarting);
  } catch (error) {
    await stopAll();
    // The shard's own message (a broken knowledge file, a store it cannot open...) is above, on the same stderr.
    throw new ConfigError(`a Discord shard could not start (${error instanceof Error ? error.message : String(error)}); see its message above`);
  }
  manager.respawn = true;
  logger.info({ shards: count }, 'discord: every shard is ready');
  return { count, manager };
}

/** SIGTERM (the shard's graceful stop), then SIGKILL if it is still there after SHARD_STOP_MS. */
async function stopShard(shard: Shard, logger: Logger): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  // kill() detaches the manager's exit listener first: a shard stopped on purpose is not respawned.
  shard.kill();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, SHARD_STOP_MS, 'late')));
  if ((await Promise.race([exited, late])) === 'late') {
    logger.warn({ shard: shard.id, pid: child.pid }, `discord: shard ${shard.id} did not stop within ${SHARD_STOP_MS / 1000} s; killing it`);
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}

/** How many shards Discord recommends, and how many may identify at once: `GET /gateway/bot`, from DISCORD_API_URL. */
async function gatewayBot(config: DiscordConfig): Promise<{ shards: number; maxConcurrency: number }> {
  // discord.js's own fetchRecommendedShardCount always asks discord.com; DISCORD_API_URL may point elsewhere.
  const rest = new REST({ api: config.apiUrl, timeout: 10_000, retries: 1 }).setToken(config.token);
  try {
    const body = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return { shards: body.shards, maxConcurrency: Math.max(1, body.session_start_limit.max_concurrency) };
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401) {
      throw new ConfigError('Discord rejected DISCORD_TOKEN (401 Unauthorized); copy the bot token again from the developer portal');
    }
    const problem = networkProblem(error);
    if (problem) throw new UnreachableError(`Discord is unreachable at DISCORD_API_URL (${config.apiUrl}): ${problem}`);
    throw error;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
