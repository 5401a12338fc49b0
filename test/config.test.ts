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
    expect(config.briefing).toEqual({ time: '08:00', timeZone: 'UTC', channels: [], graceMinutes: 30, dataDir: 'data' });
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

  it('GIVEN other malformed values THEN the error names the variable', () => {
    expect(configError({ BRIEFING_TIME: '25:00' }).message).toContain('BRIEFING_TIME');
    expect(configError({ RATE_LIMIT_COUNT: '0' }).message).toContain('RATE_LIMIT_COUNT');
    expect(configError({ LOG_LEVEL: 'loud' }).message).toContain('LOG_LEVEL');
    expect(configError({ BRIEFING_CHANNELS: 'irc:#news' }).message).toContain('BRIEFING_CHANNELS');
  });

  it('GIVEN loadConfig with an explicit env and no .env file THEN it reads only that env', () => {
    const config = loadConfig({ env: { KNOWLEDGE_DIR: 'elsewhere' }, envFile: null });
    expect(config.knowledgeDir).toBe('elsewhere');
  });
});
