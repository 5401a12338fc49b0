import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../src/config.ts';

/** The ConfigError parsing `env` throws. */
function configError(env: Record<string, string>): ConfigError {
  let caught: unknown;
  try {
    parseConfig(env);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  return caught as ConfigError;
}

const DISCORD_TOKEN = 'MTIz.secret-discord-token.abc';
const SLACK_BOT_TOKEN = 'xoxb-1234-5678-secretbottoken';

describe('parseConfig', () => {
  it('GIVEN an empty environment THEN the defaults apply and neither Discord nor Slack is configured', () => {
    const config = parseConfig({});
    expect(config.knowledgeDir).toBe('knowledge');
    expect(config.logLevel).toBe('info');
    expect(config.conversationTtlMs).toBe(300_000);
    expect(config.maxQuestionLength).toBe(500);
    expect(config.rateLimit).toEqual({ count: 5, windowMs: 10_000 });
    expect(config.briefing).toEqual({ time: '08:00', timeZone: 'UTC', channels: [], graceMinutes: 30, dataDir: 'data', maxPerChannel: 10 });
    expect(config.retentionDays).toBe(90);
    expect(config.discord).toBeUndefined();
    expect(config.slack).toBeUndefined();
  });

  it('GIVEN numbers as text THEN they are turned into milliseconds and counts', () => {
    const config = parseConfig({ CONVERSATION_TTL_SECONDS: '60', RATE_LIMIT_COUNT: '2', RATE_LIMIT_WINDOW_SECONDS: '3', MAX_QUESTION_LENGTH: '100' });
    expect(config.conversationTtlMs).toBe(60_000);
    expect(config.rateLimit).toEqual({ count: 2, windowMs: 3_000 });
    expect(config.maxQuestionLength).toBe(100);
  });

  it('GIVEN the config THEN it is frozen', () => {
    const config = parseConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { knowledgeDir: string }).knowledgeDir = 'elsewhere';
    }).toThrow(TypeError);
  });

  it('GIVEN DISCORD_TOKEN without DISCORD_APPLICATION_ID THEN the error names DISCORD_APPLICATION_ID and not the token', () => {
    const error = configError({ DISCORD_TOKEN });
    expect(error.message).toContain('DISCORD_APPLICATION_ID');
    expect(error.message).not.toContain(DISCORD_TOKEN);
    expect(error.message).not.toContain('secret');
  });

  it('GIVEN both Discord keys THEN Discord is configured', () => {
    const config = parseConfig({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: '123456789012345678' });
    expect(config.discord).toEqual({ token: DISCORD_TOKEN, applicationId: '123456789012345678', guildId: undefined, apiUrl: 'https://discord.com/api' });
  });

  it('GIVEN DISCORD_SHARDS auto or a count THEN Discord runs as that many shards', () => {
    const discord = { DISCORD_TOKEN, DISCORD_APPLICATION_ID: '123456789012345678' };
    expect(parseConfig({ ...discord, DISCORD_SHARDS: 'auto' }).discord?.shards).toBe('auto');
    expect(parseConfig({ ...discord, DISCORD_SHARDS: ' AUTO ' }).discord?.shards).toBe('auto');
    expect(parseConfig({ ...discord, DISCORD_SHARDS: '4' }).discord?.shards).toBe(4);
    expect(parseConfig(discord).discord?.shards).toBeUndefined();
  });

  it.each(['0', '-2', '2.5', 'two', '1001', '4 shards'])('GIVEN DISCORD_SHARDS=%s THEN the error names the variable, what it expects and what it got', (value) => {
    const error = configError({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_SHARDS: value });
    expect(error.message).toBe(`DISCORD_SHARDS must be auto or a whole number from 1 to 1000, got ${JSON.stringify(value)}`);
  });

  it('GIVEN DISCORD_SHARDS without Discord credentials THEN the error says Discord is not configured', () => {
    expect(configError({ DISCORD_SHARDS: '2' }).message).toBe('DISCORD_SHARDS is set but Discord is not (set DISCORD_TOKEN and DISCORD_APPLICATION_ID)');
  });

  it("GIVEN the ShardingManager's SHARDS and SHARD_COUNT THEN the process knows its shard, and without SHARDING_MANAGER it ignores them", () => {
    const discord = { DISCORD_TOKEN, DISCORD_APPLICATION_ID: '123456789012345678', SHARDS: '1', SHARD_COUNT: '2' };
    expect(parseConfig({ ...discord, SHARDING_MANAGER: 'true' }).discord?.shard).toEqual({ id: 1, count: 2 });
    expect(parseConfig(discord).discord?.shard).toBeUndefined();
    expect(configError({ ...discord, SHARDS: '2', SHARDING_MANAGER: 'true' }).message).toBe('SHARDS must be below SHARD_COUNT (2), got 2');
  });

  it('GIVEN SLACK_BOT_TOKEN without a signing secret or an app token THEN the error names both', () => {
    const error = configError({ SLACK_BOT_TOKEN });
    expect(error.message).toContain('SLACK_SIGNING_SECRET');
    expect(error.message).toContain('SLACK_APP_TOKEN');
    expect(error.message).not.toContain(SLACK_BOT_TOKEN);
  });

  it('GIVEN a SLACK_BOT_TOKEN that does not start with xoxb- THEN the error names it without echoing its value', () => {
    const bad = 'xoxp-9999-personal-secret-value';
    const error = configError({ SLACK_BOT_TOKEN: bad, SLACK_SIGNING_SECRET: 'signing-secret-value' });
    expect(error.message).toContain('SLACK_BOT_TOKEN');
    expect(error.message).not.toContain(bad);
    expect(error.message).not.toContain('signing-secret-value');
  });

  it('GIVEN SLACK_APP_TOKEN THEN Slack runs in Socket Mode; with only a signing secret, in HTTP mode', () => {
    const socket = parseConfig({ SLACK_BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-abc' });
    expect(socket.slack?.mode).toBe('socket');
    expect(socket.slack?.appToken).toBe('xapp-1-abc');
    const http = parseConfig({ SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: 'shh', SLACK_ADMIN_USER_IDS: 'U1, U2,' });
    expect(http.slack?.mode).toBe('http');
    expect(http.slack?.adminUserIds).toEqual(['U1', 'U2']);
    expect(http.slack?.apiUrl).toBe('https://slack.com/api/');
  });

  it('GIVEN an invalid BRIEFING_TZ THEN the error names BRIEFING_TZ', () => {
    const error = configError({ BRIEFING_TZ: 'Mars/Olympus_Mons' });
    expect(error.message).toContain('BRIEFING_TZ');
    expect(parseConfig({ BRIEFING_TZ: 'Europe/Zurich' }).briefing.timeZone).toBe('Europe/Zurich');
  });

  it.each([
    ['PORT', 'abc', 'PORT must be a whole number from 0 to 65535 (0 picks a free port), got "abc"'],
    ['PORT', '70000', 'PORT must be a whole number from 0 to 65535 (0 picks a free port), got "70000"'],
    ['HEALTH_PORT', '-1', 'HEALTH_PORT must be a whole number from 0 to 65535 (0 picks a free port), got "-1"'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent, got "loud"'],
    ['CONVERSATION_TTL_SECONDS', '5m', 'CONVERSATION_TTL_SECONDS must be a whole number of seconds, 1 or more, got "5m"'],
    ['MAX_QUESTION_LENGTH', '1.5', 'MAX_QUESTION_LENGTH must be a whole number of characters, 1 or more, got "1.5"'],
    ['RATE_LIMIT_COUNT', '0', 'RATE_LIMIT_COUNT must be a whole number of questions, 1 or more, got "0"'],
    ['RATE_LIMIT_WINDOW_SECONDS', 'ten', 'RATE_LIMIT_WINDOW_SECONDS must be a whole number of seconds, 1 or more, got "ten"'],
    ['DISCORD_APPLICATION_ID', 'my-app', 'DISCORD_APPLICATION_ID must be a numeric id of 5 to 25 digits (General Information > Application ID), got "my-app"'],
    ['DISCORD_GUILD_ID', '12', 'DISCORD_GUILD_ID must be a numeric id of 5 to 25 digits (a server id: right-click the server > Copy Server ID), got "12"'],
    ['DISCORD_API_URL', 'discord.com/api', 'DISCORD_API_URL must be a URL such as https://discord.com/api, got "discord.com/api"'],
    ['SLACK_API_URL', 'slack', 'SLACK_API_URL must be a URL such as https://slack.com/api/, got "slack"'],
    ['BRIEFING_TIME', '25:00', 'BRIEFING_TIME must be a time of day as HH:MM, such as 08:00, got "25:00"'],
    ['BRIEFING_TZ', 'Mars/Olympus_Mons', 'BRIEFING_TZ must be an IANA time zone such as Europe/Zurich or UTC, got "Mars/Olympus_Mons"'],
    ['BRIEFING_CHANNELS', 'irc:#news', 'BRIEFING_CHANNELS must be a comma-separated list of discord:<channel id> or slack:<channel id>, got "irc:#news"'],
    ['BRIEFING_GRACE_MINUTES', '-5', 'BRIEFING_GRACE_MINUTES must be a whole number of minutes, 1 or more, got "-5"'],
  ])('GIVEN %s=%j THEN one line names it, says what it takes and what it got', (key, value, message) => {
    expect(configError({ [key]: value }).message).toBe(message);
  });

  it('GIVEN a long or odd value THEN it is shown cut short and quoted, control characters escaped', () => {
    expect(configError({ PORT: `${'9'.repeat(100)}` }).message).toBe(`PORT must be a whole number from 0 to 65535 (0 picks a free port), got "${'9'.repeat(59)}…"`);
    expect(configError({ LOG_LEVEL: 'in\nfo' }).message).toBe('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent, got "in\\nfo"');
  });

  it.each([
    ['DISCORD_TOKEN', 'MTIz secret with spaces', { DISCORD_APPLICATION_ID: '123456' }],
    ['SLACK_BOT_TOKEN', 'xoxp-secret-user-token', { SLACK_SIGNING_SECRET: 'abc' }],
    ['SLACK_APP_TOKEN', 'xoxb-secret-wrong-kind', { SLACK_BOT_TOKEN: 'xoxb-1' }],
  ])('GIVEN a malformed secret %s THEN the line says what it takes and never shows the value', (key, value, others) => {
    const { message } = configError({ ...others, [key]: value });
    expect(message).toMatch(new RegExp(`^${key} must be .+; its value is a secret, not shown here$`));
    expect(message).not.toContain('secret-');
    expect(message).not.toContain(value);
  });

  it('GIVEN platforms: false (the terminal chat, the ask CLI) THEN broken or half-set platform variables are not read', () => {
    const env = { DISCORD_TOKEN, PORT: 'abc', SLACK_SIGNING_SECRET: 'shh', BRIEFING_TZ: 'Mars/X', RATE_LIMIT_COUNT: '0', KNOWLEDGE_DIR: 'elsewhere' };
    expect(() => parseConfig(env)).toThrow(ConfigError);
    const config = parseConfig(env, { platforms: false });
    expect(config.knowledgeDir).toBe('elsewhere');
    expect(config.discord).toBeUndefined();
    expect(config.slack).toBeUndefined();
    expect(config.rateLimit).toEqual({ count: 5, windowMs: 10_000 });
    expect(config.briefing.timeZone).toBe('UTC');
    // What the chat itself uses is still checked.
    expect(() => parseConfig({ LOG_LEVEL: 'loud' }, { platforms: false })).toThrow('LOG_LEVEL must be one of');
  });

  it('GIVEN DATABASE_URL THEN the store is that database; unset, SQLite in DATA_DIR', () => {
    expect(parseConfig({}).database).toBeUndefined();
    expect(parseConfig({ DATABASE_URL: 'postgres://depeche:s3cr%40t@db.internal:6543/briefings?sslmode=require' }).database).toEqual({
      url: 'postgres://depeche:s3cr%40t@db.internal:6543/briefings?sslmode=require',
      host: 'db.internal',
      port: 6543,
      name: 'briefings',
      password: 's3cr@t',
    });
    expect(parseConfig({ DATABASE_URL: 'postgresql://app@localhost' }).database).toMatchObject({ host: 'localhost', port: 5432, name: 'app' });
    expect(parseConfig({ DATABASE_URL: 'postgres:///depeche?host=/run/postgresql' }).database).toMatchObject({ host: '/run/postgresql', name: 'depeche' });
  });

  it('GIVEN a DATABASE_URL that is not a PostgreSQL URL THEN the error names the variable and never shows the password', () => {
    for (const value of ['mysql://depeche:hunter2secret@db/depeche', 'depeche:hunter2secret@db/depeche', 'postgres://depeche:hunter2secret@/depeche']) {
      const error = configError({ DATABASE_URL: value });
      expect(error.message).toBe('DATABASE_URL must be a URL such as postgres://user:password@host:5432/database; its value is a secret, not shown here');
      expect(error.message).not.toContain('hunter2secret');
    }
  });

  it('GIVEN loadConfig with an explicit env and no .env file THEN it reads only that env', () => {
    const config = loadConfig({ env: { KNOWLEDGE_DIR: 'elsewhere' }, envFile: null });
    expect(config.knowledgeDir).toBe('elsewhere');
  });

  it('GIVEN DATA_DIR set, empty or absent THEN the store counts as asked for only when set', () => {
    expect(parseConfig({ DATA_DIR: 'votes' })).toMatchObject({ storeConfigured: true, briefing: { dataDir: 'votes' } });
    expect(parseConfig({ DATA_DIR: '' })).toMatchObject({ storeConfigured: false, briefing: { dataDir: 'data' } });
    expect(parseConfig({})).toMatchObject({ storeConfigured: false, briefing: { dataDir: 'data' } });
  });
});
