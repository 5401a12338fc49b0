// `npm run deploy-commands`: registers Depeche's slash commands with Discord. Run it after changing the registry.
import { commands } from '../commands/index.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { deployCommands } from '../src/discord/deploy.ts';
import { argsOrExit } from '../src/cli/args.ts';

const { words } = argsOrExit({
  name: 'deploy-commands',
  synopsis: 'npm run deploy-commands',
  about: "Registers Depeche's slash commands with Discord (DISCORD_TOKEN, DISCORD_APPLICATION_ID; DISCORD_GUILD_ID for one server at once).\nRun it after changing the commands.",
  flags: {},
});
if (words.length > 0) {
  process.stderr.write(`deploy-commands: unexpected argument "${words[0]}"\nUsage: npm run deploy-commands  (--help for more)\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.discord) throw new ConfigError('DISCORD_TOKEN and DISCORD_APPLICATION_ID are needed to register the commands');
  const result = await deployCommands(config.discord, commands);
  const where = result.scope === 'guild' ? `to guild ${config.discord.guildId}` : 'globally (may take up to an hour to appear)';
  process.stdout.write(`Registered ${result.names.length} commands ${where}: ${result.names.map((name) => `/${name}`).join(' ')}\n`);
}

main().catch((error: unknown) => {
  const status = (error as { status?: number }).status;
  const message =
    error instanceof ConfigError
      ? error.message
      : status === 401
        ? 'Discord rejected DISCORD_TOKEN (401 Unauthorized)'
        : error instanceof Error
          ? error.message
          : String(error);
  process.stderr.write(`deploy-commands: ${message}\n`);
  process.exit(1);
});
