import { Client, DiscordjsErrorCodes, Events, GatewayIntentBits, Partials, type RESTOptions } from 'discord.js';
import { ConfigError, type DiscordConfig } from '../config.ts';
import type { Depeche } from '../core/depeche.ts';
import type { Logger } from '../logger.ts';
import type { RunningAdapter } from '../core/adapter.ts';
import type { PlatformState } from '../ops/health.ts';
import type { InFlight } from '../ops/in-flight.ts';
import { networkProblem, UnreachableError } from '../core/unreachable.ts';
import { guarded } from './api-errors.ts';
import { handleInteraction } from './interactions.ts';
import { handleMessage } from './message-questions.ts';
import { discordPoster } from './poster.ts';

export interface StartDiscordOptions {
  config: DiscordConfig;
  depeche: Depeche;
  logger: Logger;
  /** REST timeouts and retries (tests shorten them); the base URL always comes from config.apiUrl. */
  rest?: Pick<Partial<RESTOptions>, 'timeout' | 'retries'>;
  /** How long an interaction answer may take before Depeche defers it. */
  deferAfterMs?: number;
  /** Called when Discord ends the session for good after start (token revoked...). Default: log and exit 1. */
  onFatal?: (error: ConfigError) => void;
  /** Told when the gateway connection comes and goes (/healthz). */
  onState?: (state: PlatformState) => void;
  /** Counts each event's whole handling, so that a shutdown can wait for the replies in flight. */
  inFlight?: InFlight;
}

/** Discord ended the session for good (the close code says why); a ConfigError, so `npm start` prints one line. */
export class DiscordClosedError extends ConfigError {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

/** Gateway close codes after which discord.js does not reconnect, and what the operator should do. */
const FATAL_CLOSES: Record<number, string> = {
  4004: 'Discord rejected DISCORD_TOKEN (close 4004: authentication failed); copy the bot token again from the developer portal',
  4010: 'Discord refused the shard (close 4010: invalid shard); set DISCORD_SHARDS=auto to run as many shards as Discord asks for',
  4011: 'Discord requires sharding (close 4011: sharding required): the bot is in too many servers for one connection; set DISCORD_SHARDS=auto',
  4013: 'Discord rejected the gateway intents (close 4013: invalid intents)',
  4014: 'Discord refused the Message Content intent (close 4014: disallowed intents); switch it on under Bot > Privileged Gateway Intents in the developer portal',
};
const DISALLOWED_INTENTS = 4014;
/** What @discordjs/ws emits as an error just before it closes with one of FATAL_CLOSES. */
const ERRORS_OF_FATAL_CLOSES = new Set(['Authentication failed', 'Used invalid intents', 'Used disallowed intents']);

const BASE_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/**
 * Connects to Discord and serves Depeche there; resolves once the client is ready. If the portal has the
 * privileged Message Content intent switched off, Depeche starts without it: slash commands, DMs and
 * mentions keep working (Discord still gives the text of those), only unmentioned messages lose theirs.
 */
export async function startDiscord(options: StartDiscordOptions): Promise<RunningAdapter> {
  const logger = options.logger.child({ adapter: 'discord' });
  try {
    return await connect(options, logger, [...BASE_INTENTS, GatewayIntentBits.MessageContent]);
  } catch (error) {
    if (!(error instanceof DiscordClosedError && error.code === DISALLOWED_INTENTS)) throw error;
    logger.warn(`${error.message}. Starting without it: slash commands, DMs and mentions still work.`);
    return connect(options, logger, BASE_INTENTS);
  }
}

async function connect(options: StartDiscordOptions, logger: Logger, intents: GatewayIntentBits[]): Promise<RunningAdapter> {
  const client = new Client({
    intents,
    // DM channels are not cached; without this partial, DMs never reach messageCreate.
    partials: [Partials.Channel],
    // Questions are echoed in answers' context: nothing Depeche posts may ping anyone.
    allowedMentions: { parse: [], repliedUser: false },
    rest: { ...options.rest, api: options.config.apiUrl },
    // A shard's process (DISCORD_SHARDS) connects as its shard; discord.js would also read it from the environment.
    ...(options.config.shard ? { shards: [options.config.shard.id], shardCount: options.config.shard.count } : {}),
  });
  const ctx = { depeche: options.depeche, logger, deferAfterMs: options.deferAfterMs ?? 1500 };

  const track = <T>(work: Promise<T>) => (options.inFlight ? options.inFlight.track(work) : work);
  client.on(Events.InteractionCreate, (interaction) => guarded(logger, `interaction ${interaction.type}`, () => track(handleInteraction(interaction, ctx))));
  client.on(Events.MessageCreate, (message) => guarded(logger, 'message', () => track(handleMessage(message, ctx))));
  const report = options.onState ?? (() => {});
  client.on(Events.ShardReady, () => report('up'));
  client.on(Events.ShardResume, () => report('up'));
  client.on(Events.ShardReconnecting, () => report('down'));
  client.on(Events.ShardDisconnect, () => report('down'));
  // Errors are passed whole, not as `{ err }`: the logger's secret scrubbing keeps an Error's message only at the top level.
  client.on(Events.Error, (error) => logger.error(error, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  // Connection errors are followed by a reconnect (the message is enough), or by one of the closes above, which
  // says it in plain words: then the library's own error would only repeat it.
  client.on(Events.ShardError, (error) => {
    if (ERRORS_OF_FATAL_CLOSES.has(error.message)) logger.debug({ error: error.message }, 'gateway connection error');
    else logger.warn({ error: error.message }, 'gateway connection error');
  });
  client.on(Events.ShardReconnecting, () => logger.info('gateway reconnecting'));
  client.on(Events.ShardResume, (_, replayed) => logger.info({ replayed }, 'gateway resumed'));
  client.rest.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited by Discord'));

  const fatal = new Promise<never>((_, reject) => {
    client.on(Events.ShardDisconnect, (event) => {
      const reason = FATAL_CLOSES[event.code];
      // A fatal close is reported once, in plain words, by whoever handles the rejection.
      if (reason) reject(new DiscordClosedError(event.code, reason));
      else logger.warn({ code: event.code }, 'gateway disconnected');
    });
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  const startedAt = Date.now();
  try {
    await Promise.race([client.login(options.config.token).then(() => ready), fatal]);
  } catch (error) {
    await client.destroy();
    if (error instanceof Error && 'code' in error && error.code === DiscordjsErrorCodes.TokenInvalid) {
      throw new ConfigError('Discord rejected DISCORD_TOKEN (401 Unauthorized); copy the bot token again from the developer portal');
    }
    const problem = networkProblem(error);
    if (problem) throw new UnreachableError(`Discord is unreachable at DISCORD_API_URL (${options.config.apiUrl}): ${problem}`);
    throw error;
  }
  logger.info({ user: client.user?.tag, ms: Date.now() - startedAt }, 'connected to Discord');

  const onFatal = options.onFatal ?? ((error: ConfigError) => {
    logger.fatal(error.message);
    process.stderr.write(`depeche: ${error.message}\n`);
    process.exit(1);
  });
  // After start, the same closes end the session for good: no reconnect will come, so say so and stop.
  fatal.catch(async (error: ConfigError) => {
    await client.destroy();
    onFatal(error);
  });

  return {
    name: 'discord',
    stop: () => client.destroy(),
    poster: discordPoster(client.rest),
  };
}
