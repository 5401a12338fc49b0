import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';

/** A configuration mistake; the message names the variable, never its value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const port = z.coerce.number().int().min(0).max(65535);
const url = (fallback: string) => z.url().default(fallback);
const numericId = optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v));

/** More shards than one machine's ShardingManager should spawn (each is a Node process). */
export const MAX_SHARDS = 1000;

/** What Depeche itself needs, wherever it runs: the terminal chat and the ask CLI read only these. */
const coreShape = {
  KNOWLEDGE_DIR: z.string().default('knowledge'),
  // The terminal chat records refusals and votes there too, when set.
  DATA_DIR: z.string().default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CONVERSATION_TTL_SECONDS: positiveInt(300),
  MAX_QUESTION_LENGTH: positiveInt(500),
};

/** What only the platforms use (Discord, Slack, their servers, the briefings and their store). */
const platformShape = {
  RATE_LIMIT_COUNT: positiveInt(5),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(10),

  DISCORD_TOKEN: optionalText.refine((v) => v === undefined || !/\s/.test(v)),
  DISCORD_APPLICATION_ID: numericId,
  DISCORD_GUILD_ID: numericId,
  DISCORD_API_URL: url('https://discord.com/api'),
  DISCORD_SHARDS: optionalText.refine((v) => v === undefined || /^auto$/i.test(v) || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_SHARDS)),
  // Set by discord.js's ShardingManager in each shard's process (with SHARDING_MANAGER): the shard it runs.
  SHARDING_MANAGER: optionalText,
  SHARDS: z.coerce.number().int().min(0).optional(),
  SHARD_COUNT: z.coerce.number().int().min(1).optional(),

  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-')),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-')),
  SLACK_API_URL: url('https://slack.com/api/'),
  SLACK_ADMIN_USER_IDS: optionalText,
  PORT: port.default(3000),
  HEALTH_PORT: port.optional(),

  DATABASE_URL: optionalText.refine((v) => v === undefined || databaseUrl(v) !== undefined),
  BRIEFING_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('08:00'),
  BRIEFING_TZ: z
    .string()
    .default('UTC')
    .refine((zone) => isTimeZone(zone)),
  BRIEFING_CHANNELS: optionalText.refine((v) => v === undefined || v.split(',').every((item) => /^(discord|slack):[A-Za-z0-9]+$/.test(item.trim()))),
  BRIEFING_GRACE_MINUTES: positiveInt(30),
  BRIEFING_MAX_PER_CHANNEL: positiveInt(10),
  RETENTION_DAYS: positiveInt(90),
};

const envSchema = z.object({ ...coreShape, ...platformShape });
type EnvKey = keyof typeof envSchema.shape;

/**
 * What each variable must be, in plain words: a mistake reads "PORT must be a whole number from 0 to 65535, got "abc"".
 * Every key of the schema needs a line here (the type checks it).
 */
const EXPECTED: Record<EnvKey, string> = {
  KNOWLEDGE_DIR: 'the folder of articles',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace or silent',
  CONVERSATION_TTL_SECONDS: 'a whole number of seconds, 1 or more',
  MAX_QUESTION_LENGTH: 'a whole number of characters, 1 or more',
  RATE_LIMIT_COUNT: 'a whole number of questions, 1 or more',
  RATE_LIMIT_WINDOW_SECONDS: 'a whole number of seconds, 1 or more',
  DISCORD_TOKEN: 'the bot token from the developer portal (Bot > Reset Token), with no spaces in it',
  DISCORD_APPLICATION_ID: 'a numeric id of 5 to 25 digits (General Information > Application ID)',
  DISCORD_GUILD_ID: 'a numeric id of 5 to 25 digits (a server id: right-click the server > Copy Server ID)',
  DISCORD_API_URL: 'a URL such as https://discord.com/api',
  DISCORD_SHARDS: `auto or a whole number from 1 to ${MAX_SHARDS}`,
  SHARDING_MANAGER: 'set by the shard manager, never by hand',
  SHARDS: 'a shard id, 0 or more (set by the shard manager, never by hand)',
  SHARD_COUNT: 'a number of shards, 1 or more (set by the shard manager, never by hand)',
  SLACK_BOT_TOKEN: 'a bot token starting with xoxb- (OAuth & Permissions > Bot User OAuth Token)',
  SLACK_SIGNING_SECRET: 'the signing secret (Basic Information > App Credentials)',
  SLACK_APP_TOKEN: 'an app-level token starting with xapp- (Basic Information > App-Level Tokens)',
  SLACK_API_URL: 'a URL such as https://slack.com/api/',
  SLACK_ADMIN_USER_IDS: 'a comma-separated list of Slack user ids',
  PORT: 'a whole number from 0 to 65535 (0 picks a free port)',
  HEALTH_PORT: 'a whole number from 0 to 65535 (0 picks a free port)',
  DATA_DIR: 'the folder of the store',
  DATABASE_URL: 'a URL such as postgres://user:password@host:5432/database',
  BRIEFING_TIME: 'a time of day as HH:MM, such as 08:00',
  BRIEFING_TZ: 'an IANA time zone such as Europe/Zurich or UTC',
  BRIEFING_CHANNELS: 'a comma-separated list of discord:<channel id> or slack:<channel id>',
  BRIEFING_GRACE_MINUTES: 'a whole number of minutes, 1 or more',
  BRIEFING_MAX_PER_CHANNEL: 'a whole number of subscriptions, 1 or more',
  RETENTION_DAYS: 'a whole number of days, 1 or more',
};

/** Never echoed in an error: a mistaken value may still be most of a real secret. */
const SECRET_KEYS: ReadonlySet<EnvKey> = new Set(['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DATABASE_URL']);

export interface DiscordConfig {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl: string;
  /** DISCORD_SHARDS: run the bot as shards in child processes, this many, or as many as Discord recommends. */
  shards?: 'auto' | number;
  /** In a shard's process (spawned by the ShardingManager): the shard it runs. */
  shard?: { id: number; count: number };
}

export interface SlackConfig {
  botToken: string;
  /** HTTP mode when set; Socket Mode uses appToken instead. */
  signingSecret?: string;
  appToken?: string;
  mode: 'http' | 'socket';
  apiUrl: string;
  port: number;
  adminUserIds: string[];
}

/** A shared PostgreSQL store (DATABASE_URL). `host` and `name` are what messages may show: never the password. */
export interface DatabaseConfig {
  url: string;
  host: string;
  port: number;
  /** The database's name (PostgreSQL defaults it to the user's). */
  name: string;
  password?: string;
}

export interface Config {
  knowledgeDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  conversationTtlMs: number;
  maxQuestionLength: number;
  rateLimit: { count: number; windowMs: number };
  discord?: DiscordConfig;
  slack?: SlackConfig;
  healthPort?: number;
  /** Days refused questions and votes are kept (RETENTION_DAYS). */
  retentionDays: number;
  briefing: { time: string; timeZone: string; channels: string[]; graceMinutes: number; dataDir: string; maxPerChannel: number };
  /** Set: the store is this PostgreSQL database, shared by every instance; unset: SQLite in DATA_DIR. */
  database?: DatabaseConfig;
  /** DATA_DIR was set: a store is wanted even where Depeche can do without one (the terminal chat). */
  storeConfigured: boolean;
}

export interface ConfigOptions {
  /**
   * False when no platform will run (the terminal chat, the ask CLI): the platforms' variables are not read at
   * all, so a half-set or broken Discord or Slack configuration cannot keep the chat from opening.
   */
  platforms?: boolean;
}

/**
 * Reads the environment once: `.env` (if present) under the real environment, which wins.
 * This is the only place that reads process.env.
 */
export function loadConfig(options: ConfigOptions & { env?: NodeJS.ProcessEnv; envFile?: string | null } = {}): Config {
  const envFile = options.envFile === undefined ? '.env' : options.envFile;
  const fromFile = envFile && existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  return parseConfig({ ...fromFile, ...(options.env ?? process.env) }, options);
}

export function parseConfig(env: Record<string, string | undefined>, options: ConfigOptions = {}): Config {
  const read = (options.platforms ?? true) ? envSchema : z.object(coreShape);
  // `KEY=` (as copied from .env.example) means unset, not an empty value or port 0.
  const set = Object.fromEntries(Object.entries(env).filter(([key, value]) => key in read.shape && value !== undefined && value.trim() !== ''));
  const parsed = read.safeParse(set);
  if (!parsed.success) throw new ConfigError(describeIssue(parsed.error.issues[0]!, set));
  // Unread platform variables take their defaults: the config has one shape whatever was read.
  const e: Env = { ...envSchema.parse({}), ...parsed.data };
  return Object.freeze({
    knowledgeDir: e.KNOWLEDGE_DIR,
    logLevel: e.LOG_LEVEL,
    conversationTtlMs: e.CONVERSATION_TTL_SECONDS * 1000,
    maxQuestionLength: e.MAX_QUESTION_LENGTH,
    rateLimit: { count: e.RATE_LIMIT_COUNT, windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000 },
    discord: discordConfig(e),
    slack: slackConfig(e),
    healthPort: e.HEALTH_PORT,
    retentionDays: e.RETENTION_DAYS,
    briefing: {
      time: e.BRIEFING_TIME,
      timeZone: e.BRIEFING_TZ,
      channels: e.BRIEFING_CHANNELS ? e.BRIEFING_CHANNELS.split(',').map((item) => item.trim()) : [],
      graceMinutes: e.BRIEFING_GRACE_MINUTES,
      dataDir: e.DATA_DIR,
      maxPerChannel: e.BRIEFING_MAX_PER_CHANNEL,
    },
    database: e.DATABASE_URL ? databaseUrl(e.DATABASE_URL) : undefined,
    storeConfigured: set.DATA_DIR !== undefined,
  });
}

/** "PORT must be a whole number from 0 to 65535 (0 picks a free port), got "abc"": the variable, what it takes, what it got (secrets excepted). */
function describeIssue(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
  const key = String(issue.path[0]) as EnvKey;
  const value = env[key] ?? '';
  if (SECRET_KEYS.has(key)) return `${key} must be ${EXPECTED[key]}; its value is a secret, not shown here`;
  const shown = value.length > 60 ? `${value.slice(0, 59)}…` : value;
  return `${key} must be ${EXPECTED[key]}, got ${JSON.stringify(shown)}`;
}

type Env = z.infer<typeof envSchema>;

function discordConfig(e: Env): DiscordConfig | undefined {
  if (!e.DISCORD_TOKEN && !e.DISCORD_APPLICATION_ID) {
    if (e.DISCORD_SHARDS) throw new ConfigError('DISCORD_SHARDS is set but Discord is not (set DISCORD_TOKEN and DISCORD_APPLICATION_ID)');
    return undefined;
  }
  if (!e.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN is missing (DISCORD_APPLICATION_ID is set)');
  if (!e.DISCORD_APPLICATION_ID) throw new ConfigError('DISCORD_APPLICATION_ID is missing (DISCORD_TOKEN is set)');
  const shards = shardsSetting(e.DISCORD_SHARDS);
  const shard = e.SHARDING_MANAGER && e.SHARDS !== undefined && e.SHARD_COUNT !== undefined ? { id: e.SHARDS, count: e.SHARD_COUNT } : undefined;
  if (shard && shard.id >= shard.count) throw new ConfigError(`SHARDS must be below SHARD_COUNT (${shard.count}), got ${shard.id}`);
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    guildId: e.DISCORD_GUILD_ID,
    apiUrl: e.DISCORD_API_URL.replace(/\/+$/, ''),
    ...(shards === undefined ? {} : { shards }),
    ...(shard ? { shard } : {}),
  };
}

/** DISCORD_SHARDS, already checked by the schema: 'auto' or a count. */
function shardsSetting(text: string | undefined): DiscordConfig['shards'] {
  if (text === undefined) return undefined;
  return text.toLowerCase() === 'auto' ? 'auto' : Number(text);
}

function slackConfig(e: Env): SlackConfig | undefined {
  if (!e.SLACK_BOT_TOKEN) {
    if (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
      throw new ConfigError(`SLACK_BOT_TOKEN is missing (${e.SLACK_APP_TOKEN ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'} is set)`);
    }
    return undefined;
  }
  if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    throw new ConfigError('SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is missing (SLACK_BOT_TOKEN is set)');
  }
  return {
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    // Socket Mode when an app token is given: it needs no public URL, which is why people set it.
    mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
    apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
    port: e.PORT,
    adminUserIds: e.SLACK_ADMIN_USER_IDS ? e.SLACK_ADMIN_USER_IDS.split(',').map((id) => id.trim()).filter(Boolean) : [],
  };
}

/** postgres:// or postgresql:// with a host (or a socket folder in `?host=`); undefined when it is not one. */
export function databaseUrl(text: string): DatabaseConfig | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return undefined;
  const host = url.searchParams.get('host') ?? decodeURIComponent(url.hostname);
  if (!host) return undefined;
  const port = url.port ? Number(url.port) : 5432;
  const user = decodeURIComponent(url.username) || 'postgres';
  const name = decodeURIComponent(url.pathname.replace(/^\//, '')) || user;
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  return { url: text, host, port, name, ...(password ? { password } : {}) };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
