// One Discord shard: the process that discord.js's ShardingManager spawns per shard when `npm start` runs with
// DISCORD_SHARDS (src/discord/sharding.ts). It serves Discord alone, for the guilds of its shard (and DMs on shard 0),
// with its own engine and store connection; shard 0 also runs the briefing scheduler. Not meant to be run by hand.
import { ConfigError, loadConfig } from '../config.ts';
import { processLogger } from '../logger.ts';
import { installCrashGuard } from '../ops/crash-guard.ts';
import type { Operations } from '../ops/operations.ts';
import { serve } from '../serve.ts';
import { exitOnStartFailure } from '../start-failure.ts';
import { SHARD_EXIT_FOR_GOOD } from './sharding.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const shard = config.discord?.shard;
  if (!shard) throw new ConfigError('src/discord/shard.ts is a Discord shard: npm start runs it when DISCORD_SHARDS is set');
  const logger = processLogger(config).child({ shard: shard.id });
  const started: { ops?: Operations } = {};
  installCrashGuard({ logger, onFatal: (reason) => (started.ops ? void started.ops.shutdown.run(reason, 1) : process.exit(1)) });
  const ops = await serve({
    config,
    logger,
    platforms: ['discord'],
    // Shard 0 alone posts the briefings, to any channel, through REST (a post needs no gateway): one process sees
    // every post against Discord's per-bot rate limits, and the store's claim still keeps each post to one.
    briefings: shard.id === 0,
    // The manager serves /healthz for every shard.
    serveHealth: false,
    // The manager stops its shards with SIGTERM. Ctrl-C in a terminal sends SIGINT to the whole process group: left
    // to the manager, which then stops each shard once.
    signals: ['SIGTERM'],
    onDiscordFatal: (error) => {
      logger.fatal(error.message);
      process.stderr.write(`depeche: ${error.message}\n`);
      process.exit(SHARD_EXIT_FOR_GOOD);
    },
  });
  started.ops = ops;
  process.on('SIGINT', () => {});
  // Without its manager (killed outright), a shard would run on unsupervised, and the next manager would start a
  // second copy of it: both would answer every question of its guilds.
  process.on('disconnect', () => void ops.shutdown.run('the shard manager is gone'));
}

main().catch((error: unknown) => exitOnStartFailure(error, error instanceof ConfigError ? SHARD_EXIT_FOR_GOOD : 1));
