import { parseCliArgs, usageError, writeExit } from './cli/args.ts';
import { ConfigError, loadConfig } from './config.ts';
import { processLogger } from './logger.ts';
import { installCrashGuard } from './ops/crash-guard.ts';
import type { Supervision } from './ops/operations.ts';
import { exitOnStartFailure } from './start-failure.ts';

/**
 * `npm start`: Discord and/or Slack when their credentials are set, else the terminal chat.
 * `--terminal` asks for the terminal chat whatever the configuration (the platforms' variables are then not read).
 * With DISCORD_SHARDS, this process is the shard manager: Discord runs in one child process per shard
 * (src/discord/shard.ts), and this one serves Slack if it is configured. Everything is imported on demand, so that
 * a manager alone loads neither the knowledge nor the engine nor SQLite.
 */
const startSpec = {
  name: 'depeche',
  synopsis: 'npm start [-- --terminal]',
  about: [
    'Serves Depeche on Discord and/or Slack when their credentials are set (.env: DISCORD_TOKEN, SLACK_BOT_TOKEN…),',
    'else opens the terminal chat. Settings are environment variables: see the README, "Configuration".',
  ].join('\n'),
  flags: { terminal: { description: 'open the terminal chat, whatever the configuration' } },
};

async function main(argv: string[]): Promise<void> {
  // Before any setting is read: a typo (--termnial) must not start the bots.
  const args = parseCliArgs(startSpec, argv);
  if (args.kind === 'exit') process.exit(writeExit(args, process));
  if (args.words.length > 0) process.exit(writeExit(usageError(startSpec, `unexpected argument "${args.words[0]}"`), process));
  const terminalAsked = args.flags.has('terminal');
  // With --terminal no platform will run: their variables are not read, so a broken one cannot stop the chat.
  const config = loadConfig({ platforms: !terminalAsked });
  const logger = processLogger(config);
  if (terminalAsked || (!config.discord && !config.slack)) {
    const { runTerminal } = await import('./terminal/run.ts');
    return runTerminal(config, logger);
  }
  // No single request may end the bot: see src/ops/crash-guard.ts. Once serving, a fatal burst stops it gracefully.
  let supervised: Supervision | undefined;
  installCrashGuard({ logger, onFatal: (reason) => (supervised ? void supervised.shutdown.run(reason, 1) : process.exit(1)) });
  if (!config.discord?.shards) {
    const { serve } = await import('./serve.ts');
    supervised = await serve({ config, logger, platforms: ['discord', 'slack'], briefings: true });
    return;
  }
  if (config.discord.shard) throw new ConfigError('DISCORD_SHARDS is set in a shard process: the shard manager must not start another one');
  const supervision: Supervision = config.slack
    ? await (await import('./serve.ts')).serve({ config, logger, platforms: ['slack'], briefings: true })
    : await (await import('./ops/operations.ts')).startSupervision({ config, logger });
  supervised = supervision;
  const { startShards } = await import('./discord/sharding.ts');
  await startShards({ config: config.discord, shards: config.discord.shards, logger, ...supervision });
}

main(process.argv.slice(2)).catch(exitOnStartFailure);
