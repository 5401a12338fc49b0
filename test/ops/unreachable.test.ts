import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR } from '../discord/harness.ts';
import { endRun, runScript } from '../discord/process.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/index.ts';

/** A port on 127.0.0.1 that nothing listens on: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

type Run = ReturnType<typeof runScript>;
const runs: Run[] = [];
let fakes: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(runs.splice(0).map((run) => endRun(run, undefined)));
  await Promise.all(fakes.map((fake) => fake.close()));
  fakes = [];
});

function npmStart(env: Record<string, string>): Run {
  const run = runScript('src/main.ts', { KNOWLEDGE_DIR, ...env });
  runs.push(run);
  return run;
}

/** It stopped (exit 1) with `line` as the only message for people: no stack, no warning before it. */
async function expectOneLine(run: Run, line: string | RegExp): Promise<void> {
  expect((await run.exited).code).toBe(1);
  expect(run.plainErrors()).toEqual([typeof line === 'string' ? line : expect.stringMatching(line)]);
  const logs = run.stderr.items.filter((item) => item.startsWith('{')).map((item) => JSON.parse(item) as { level: number; msg: string });
  expect(logs.filter((log) => log.level >= 40)).toEqual([]);
  expect(run.stderr.items.join('\n')).not.toMatch(/\n\s+at /);
}

describe('GIVEN a Discord that cannot be reached or refuses the token', () => {
  it('WHEN DISCORD_API_URL points at a closed port THEN one line: unreachable, connection refused', async () => {
    const port = await closedPort();
    const run = npmStart({ DISCORD_TOKEN: 'some.bot.token', DISCORD_APPLICATION_ID: '123456789', DISCORD_API_URL: `http://127.0.0.1:${port}/api` });
    await expectOneLine(run, `depeche: Discord is unreachable at DISCORD_API_URL (http://127.0.0.1:${port}/api): connection refused (is the server running, and the port right?)`);
  });

  it('WHEN the host name does not resolve (DNS) THEN one line says so', async () => {
    const run = npmStart({ DISCORD_TOKEN: 'some.bot.token', DISCORD_APPLICATION_ID: '123456789', DISCORD_API_URL: 'http://depeche-test.invalid/api' });
    await expectOneLine(run, /^depeche: Discord is unreachable at DISCORD_API_URL \(http:\/\/depeche-test\.invalid\/api\): the host name depeche-test\.invalid cannot be resolved/);
  });

  it('WHEN the REST API refuses the token (401) THEN one line names DISCORD_TOKEN', async () => {
    const fake: FakeDiscord = await startFakeDiscord();
    fakes.push(fake);
    fake.rest.rejectToken = true;
    const run = npmStart({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
    await expectOneLine(run, 'depeche: Discord rejected DISCORD_TOKEN (401 Unauthorized); copy the bot token again from the developer portal');
  });
});

describe('GIVEN a Slack that cannot be reached or refuses a token', () => {
  it('WHEN SLACK_API_URL points at a closed port THEN one line, in HTTP mode and in Socket Mode alike', async () => {
    const port = await closedPort();
    const apiUrl = `http://127.0.0.1:${port}/api/`;
    const http = npmStart({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: apiUrl, PORT: '0' });
    const socket = npmStart({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_APP_TOKEN: 'xapp-1-2', SLACK_API_URL: apiUrl });
    const line = `depeche: Slack is unreachable at SLACK_API_URL (${apiUrl}): connection refused (is the server running, and the port right?)`;
    await Promise.all([expectOneLine(http, line), expectOneLine(socket, line)]);
  }, 40_000);

  it('WHEN Slack answers invalid_auth to the bot token THEN one line names SLACK_BOT_TOKEN, and no store is left on disk', async () => {
    const fake: FakeSlack = await startFakeSlack();
    fakes.push(fake);
    const dataDir = join(mkdtempSync(join(tmpdir(), 'depeche-failed-start-')), 'data');
    const run = npmStart({ SLACK_BOT_TOKEN: 'xoxb-revoked-0000', SLACK_SIGNING_SECRET: fake.signingSecret, SLACK_API_URL: fake.apiUrl, PORT: '0', DATA_DIR: dataDir });
    await expectOneLine(run, 'depeche: SLACK_BOT_TOKEN: Slack refused it (invalid_auth)');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('WHEN Slack answers invalid_auth to the app token (Socket Mode) THEN one line names SLACK_APP_TOKEN', async () => {
    const fake: FakeSlack = await startFakeSlack();
    fakes.push(fake);
    const run = npmStart({ SLACK_BOT_TOKEN: fake.botToken, SLACK_APP_TOKEN: 'xapp-revoked-0000', SLACK_API_URL: fake.apiUrl });
    await expectOneLine(run, 'depeche: SLACK_APP_TOKEN: Slack refused it (invalid_auth)');
    expect(fake.socket.connections).toBe(0);
  });
});
