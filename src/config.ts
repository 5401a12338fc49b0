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
const url = (fallback: string) => z.url().default(fallback);

const envSchema = z.object({
  KNOWLEDGE_DIR: z.string().default('knowledge'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CONVERSATION_TTL_SECONDS: positiveInt(300),
  MAX_QUESTION_LENGTH: positiveInt(500),
  RATE_LIMIT_COUNT: positiveInt(5),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(10),

  DISCORD_TOKEN: optionalText.refine((v) => v === undefined || !/\s/.test(v), 'must not contain spaces'),
  DISCORD_APPLICATION_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), 'must be a numeric id'),
  DISCORD_GUILD_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), 'must be a numeric id'),
  DISCORD_API_URL: url('https://discord.com/api'),

  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), 'must start with xoxb-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), 'must start with xapp-'),
  SLACK_API_URL: url('https://slack.com/api/'),
  SLACK_ADMIN_USER_IDS: optionalText,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),

  DATA_DIR: z.string().default('data'),
  BRIEFING_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM').default('08:00'),
  BRIEFING_TZ: z
    .string()
    .default('UTC')
    .refine((zone) => isTimeZone(zone), 'must be an IANA time zone such as Europe/Zurich'),
  BRIEFING_CHANNELS: optionalText.refine(
    (v) => v === undefined || v.split(',').every((item) => /^(discord|slack):[A-Za-z0-9]+$/.test(item.trim())),
    'must be a comma-separated list of discord:<channel id> or slack:<channel id>',
  ),
  BRIEFING_GRACE_MINUTES: positiveInt(30),
});

export interface DiscordConfig {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl: string;
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

export interface Config {
  knowledgeDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  conversationTtlMs: number;
  maxQuestionLength: number;
  rateLimit: { count: number; windowMs: number };
  discord?: DiscordConfig;
  slack?: SlackConfig;
  healthPort?: number;
  briefing: { time: string; timeZone: string; channels: string[]; graceMinutes: number; dataDir: string };
}

/**
 * Reads the environment once: `.env` (if present) under the real environment, which wins.
 * This is the only place that reads process.env.
 */
export function loadConfig(options: { env?: NodeJS.ProcessEnv; envFile?: string | null } = {}): Config {
  const envFile = options.envFile === undefined ? '.env' : options.envFile;
  const fromFile = envFile && existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  return parseConfig({ ...fromFile, ...(options.env ?? process.env) });
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // `KEY=` (as copied from .env.example) means unset, not an empty value or port 0.
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  return Object.freeze({
    knowledgeDir: e.KNOWLEDGE_DIR,
    logLevel: e.LOG_LEVEL,
    conversationTtlMs: e.CONVERSATION_TTL_SECONDS * 1000,
    maxQuestionLength: e.MAX_QUESTION_LENGTH,
    rateLimit: { count: e.RATE_LIMIT_COUNT, windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000 },
    discord: discordConfig(e),
    slack: slackConfig(e),
    healthPort: e.HEALTH_PORT,
    briefing: {
      time: e.BRIEFING_TIME,
      timeZone: e.BRIEFING_TZ,
      channels: e.BRIEFING_CHANNELS ? e.BRIEFING_CHANNELS.split(',').map((item) => item.trim()) : [],
      graceMinutes: e.BRIEFING_GRACE_MINUTES,
      dataDir: e.DATA_DIR,
    },
  });
}

type Env = z.infer<typeof envSchema>;

function discordConfig(e: Env): DiscordConfig | undefined {
  if (!e.DISCORD_TOKEN && !e.DISCORD_APPLICATION_ID) return undefined;
  if (!e.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN is missing (DISCORD_APPLICATION_ID is set)');
  if (!e.DISCORD_APPLICATION_ID) throw new ConfigError('DISCORD_APPLICATION_ID is missing (DISCORD_TOKEN is set)');
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    guildId: e.DISCORD_GUILD_ID,
    apiUrl: e.DISCORD_API_URL.replace(/\/+$/, ''),
  };
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

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
