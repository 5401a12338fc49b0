import { commands as registry } from '../../commands/index.ts';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createLogger } from '../../src/logger.ts';
import { startSlack } from '../../src/slack/start.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/index.ts';

const silent = createLogger({ level: 'silent', secrets: ['unused-secret'], destination: new Writable({ write: (_c, _e, callback) => callback() }) });

function configError(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('Slack configuration mistakes', () => {
  it('GIVEN a bot token alone THEN one line names the missing variables', () => {
    expect(configError({ SLACK_BOT_TOKEN: 'xoxb-1-2' })).toBe('SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is missing (SLACK_BOT_TOKEN is set)');
    expect(configError({ SLACK_SIGNING_SECRET: 'abc' })).toMatch(/^SLACK_BOT_TOKEN is missing/);
  });

  it('GIVEN malformed tokens or URL THEN the line names the variable and what it takes, and never echoes a secret', () => {
    const message = configError({ SLACK_BOT_TOKEN: 'xoxp-user-token-value', SLACK_SIGNING_SECRET: 'abc' });
    expect(message).toBe('SLACK_BOT_TOKEN must be a bot token starting with xoxb- (OAuth & Permissions > Bot User OAuth Token); its value is a secret, not shown here');
    expect(configError({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-wrong-kind' })).toMatch(/^SLACK_APP_TOKEN must be an app-level token starting with xapp- .*; its value is a secret, not shown here$/);
    expect(configError({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abc', SLACK_API_URL: 'not a url' })).toBe('SLACK_API_URL must be a URL such as https://slack.com/api/, got "not a url"');
  });

  it('GIVEN both kinds of credentials THEN Socket Mode, with the API URL ending in /', () => {
    const slack = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abc', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'http://127.0.0.1:9/api' }).slack!;
    expect(slack).toMatchObject({ mode: 'socket', apiUrl: 'http://127.0.0.1:9/api/' });
    expect(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abc' }).slack).toMatchObject({ mode: 'http', apiUrl: 'https://slack.com/api/' });
  });
});

describe('startSlack against a fake Slack', () => {
  let fake: FakeSlack;
  const knowledge = loadKnowledge('knowledge');
  beforeAll(async () => {
    fake = await startFakeSlack();
  });
  afterAll(async () => {
    await fake?.close();
  });

  const start = (env: Record<string, string>) => {
    const config = parseConfig({ SLACK_API_URL: fake.apiUrl, ...env });
    return startSlack({
      config: config.slack!,
      depeche: createDepeche({ commands: registry, knowledge, config }),
      logger: silent,
      clientOptions: { retryConfig: { retries: 0 }, timeout: 2000 },
      listen: { port: env.PORT ? Number(env.PORT) : 0, host: '127.0.0.1' },
    });
  };

  it('GIVEN a bot token Slack refuses THEN startSlack fails with one line naming SLACK_BOT_TOKEN, without the token', async () => {
    const error = await start({ SLACK_BOT_TOKEN: 'xoxb-revoked-token-123', SLACK_SIGNING_SECRET: fake.signingSecret }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe('SLACK_BOT_TOKEN: Slack refused it (invalid_auth)');
  });

  it('GIVEN an app token Slack refuses THEN Socket Mode does not start', async () => {
    const error = await start({ SLACK_BOT_TOKEN: fake.botToken, SLACK_APP_TOKEN: 'xapp-revoked-token-123' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe('SLACK_APP_TOKEN: Slack refused it (invalid_auth)');
    expect(fake.socket.connections).toBe(0);
  });

  it('GIVEN an unreachable SLACK_API_URL THEN the error names it', async () => {
    const error = await start({ SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: fake.signingSecret, SLACK_API_URL: 'http://127.0.0.1:1/api/' }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^Slack is unreachable at SLACK_API_URL \(http:\/\/127\.0\.0\.1:1\/api\/\)/);
  });

  it('GIVEN a good configuration THEN it starts, answers to its name and stops', async () => {
    const adapter = await start({ SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: fake.signingSecret });
    expect(adapter.name).toBe('slack');
    expect(adapter.port).toBeGreaterThan(0);
    const taken = await start({ SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: fake.signingSecret, PORT: String(adapter.port) }).catch((e: unknown) => e);
    await adapter.stop();
    expect((taken as Error).message).toBe(`PORT: cannot listen on ${adapter.port} (EADDRINUSE)`);
  });
});
