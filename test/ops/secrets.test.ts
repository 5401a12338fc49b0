import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { runScript } from '../discord/process.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { directMessage, eventCallback, slashCommand, startFakeSlack, type FakeSlack } from '../fakes/slack/index.ts';
import { KNOWLEDGE_DIR } from './helpers.ts';

/** Known secrets, distinctive enough that any trace of them in a log line is a leak. */
const SECRETS = {
  discordToken: 'MTAwMDAwMDAwMDAwMDAwMDAx.Gsecret.discord-token-0123456789',
  botToken: 'xoxb-1111-2222-secretbottoken0123456789',
  appToken: 'xapp-1-A0DEPECHE-3333-secretapptoken0123456789',
  signingSecret: '8f14e45fceea167a5a36dedd4bea2543',
};
const ALL = Object.values(SECRETS);

function expectNoSecret(lines: string[]): void {
  for (const line of lines) {
    for (const secret of ALL) {
      if (line.includes(secret)) throw new Error(`a log line leaks a secret (${secret.slice(0, 8)}…): ${line.slice(0, 300)}`);
    }
    // Header values, whatever the secret: `Bot <token>` and `Bearer <token>` never reach a log.
    expect(line).not.toMatch(/\b(Bot|Bearer) [A-Za-z0-9._-]{12,}/);
  }
}

describe('GIVEN the logger', () => {
  it('WHEN secrets arrive in objects, headers, messages and errors THEN none is written', () => {
    const written: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        written.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'trace', secrets: ALL, destination: destination as never });
    logger.debug({ token: SECRETS.discordToken, config: { botToken: SECRETS.botToken, appToken: SECRETS.appToken, signingSecret: SECRETS.signingSecret } }, 'config');
    logger.debug({ headers: { authorization: `Bearer ${SECRETS.botToken}`, 'x-slack-signature': 'v0=abc' } }, 'request');
    logger.info({ request: { headers: { authorization: `Bot ${SECRETS.discordToken}` } } }, 'nested request');
    logger.warn(`calling with ${SECRETS.appToken} in a sentence`);
    logger.error(new Error(`refused token ${SECRETS.botToken}`), 'failed');
    logger.error({ url: `wss://example/?token=${SECRETS.appToken}`, list: [SECRETS.signingSecret] }, 'url %s', SECRETS.discordToken);
    expect(written).toHaveLength(6);
    expectNoSecret(written);
    expect(written.join('')).toContain('[redacted]');
  });
});

/** `npm start` with debug logs, known secrets and both platforms, driven through successes and failures. */
describe('GIVEN the bot process with LOG_LEVEL=debug and known secrets', () => {
  let discord: FakeDiscord | undefined;
  let slack: FakeSlack | undefined;
  let run: ReturnType<typeof runScript> | undefined;
  afterEach(async () => {
    if (run && run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill('SIGKILL');
      await run.exited;
    }
    await discord?.close();
    await slack?.close();
    discord = slack = run = undefined;
  });

  const allLines = () => [...run!.stderr.items, ...run!.stdout().split('\n')];

  it('WHEN it serves Discord and Slack Socket Mode, with failures and reconnections THEN no line holds a secret', async () => {
    discord = await startFakeDiscord({ token: SECRETS.discordToken });
    slack = await startFakeSlack({ botToken: SECRETS.botToken, appToken: SECRETS.appToken, signingSecret: SECRETS.signingSecret });
    run = runScript('src/main.ts', {
      KNOWLEDGE_DIR,
      LOG_LEVEL: 'debug',
      DISCORD_TOKEN: SECRETS.discordToken,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: SECRETS.botToken,
      SLACK_APP_TOKEN: SECRETS.appToken,
      SLACK_SIGNING_SECRET: SECRETS.signingSecret,
      SLACK_API_URL: slack.apiUrl,
    });
    await run.stderr.waitFor((line) => line.includes('slack: connected in Socket Mode'), { timeoutMs: 20_000, what: 'Slack connected' });
    await run.stderr.waitFor((line) => line.includes('connected to Discord'), { timeoutMs: 20_000, what: 'Discord connected' });

    // Discord: a command, a DM, a DM whose answer Discord refuses (401), a dropped gateway connection and its resume.
    await discord.slashCommand({ name: 'numbers' }).reply();
    discord.sendMessage({ dm: '500000000000000001', content: 'How many people left Aleppo?' });
    await discord.channelMessage('500000000000000001');
    discord.failNext('POST', /^\/channels\/500000000000000002\/messages$/, { status: 401, code: 0, message: '401: Unauthorized' });
    discord.sendMessage({ dm: '500000000000000002', content: 'Who retook Aleppo?' });
    await run.stderr.waitFor((line) => line.includes('Discord API error'), { what: 'the refused reply logged' });
    discord.gateway.closeSocket(4000);
    await discord.gateway.events.waitFor((event) => event.kind === 'resumed', { what: 'the resume' });

    // Slack: a DM, a slash command, a DM whose answer Slack refuses (invalid_auth), a requested reconnection.
    await slack.socket.send({ type: 'events_api', payload: eventCallback(directMessage({ text: 'How many people left Aleppo?', channel: 'D0SECRET' })) });
    await slack.waitForCall('chat.postMessage', (args) => args.channel === 'D0SECRET');
    await slack.socket.send({ type: 'slash_commands', payload: slashCommand({ text: 'numbers', responseUrl: slack.responseUrl('secrets') }) });
    await slack.waitForResponse('secrets');
    slack.failNext('chat.postMessage', 'invalid_auth');
    await slack.socket.send({ type: 'events_api', payload: eventCallback(directMessage({ text: 'Who retook Aleppo?', channel: 'D0FAIL' })) });
    await slack.calls.waitFor((call) => call.method === 'chat.postMessage' && call.error === 'invalid_auth', 'the refused post');
    await run.stderr.waitFor((line) => line.includes('invalid_auth'), { what: 'the refused post logged' });
    slack.socket.disconnect();
    await slack.socket.waitForConnection(2, 20_000);

    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    const lines = allLines();
    // The test means something only if debug lines and failures were written.
    expect(lines.filter((line) => line.includes('"level":20')).length).toBeGreaterThan(5);
    expect(lines.filter((line) => /"level":(40|50)/.test(line)).length).toBeGreaterThanOrEqual(2);
    expectNoSecret(lines);
  }, 60_000);

  it('WHEN it serves Slack over HTTP, including badly signed requests THEN no line holds a secret', async () => {
    slack = await startFakeSlack({ botToken: SECRETS.botToken, appToken: SECRETS.appToken, signingSecret: SECRETS.signingSecret });
    run = runScript('src/main.ts', {
      KNOWLEDGE_DIR,
      LOG_LEVEL: 'debug',
      SLACK_BOT_TOKEN: SECRETS.botToken,
      SLACK_SIGNING_SECRET: SECRETS.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
    });
    const listening = await run.stderr.waitFor((line) => line.includes('slack: listening'), { timeoutMs: 20_000, what: 'the listening line' });
    const url = `http://127.0.0.1:${(JSON.parse(listening) as { port: number }).port}/slack/events`;

    expect((await slack.http.command(url, slashCommand({ text: 'numbers', responseUrl: slack.responseUrl('http') }))).status).toBe(200);
    await slack.waitForResponse('http');
    expect((await slack.http.command(url, slashCommand({ text: 'numbers', responseUrl: slack.responseUrl('forged') }), { secret: 'not-the-secret' })).status).toBe(401);
    expect((await slack.http.event(url, eventCallback(directMessage({ text: 'hi', channel: 'D0OLD' })), { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
    slack.failNext('chat.postMessage', 'invalid_auth');
    await slack.http.event(url, eventCallback(directMessage({ text: 'How many people left Aleppo?', channel: 'D0HTTP' })));
    await run.stderr.waitFor((line) => line.includes('invalid_auth'), { what: 'the refused post logged' });

    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(allLines().filter((line) => line.includes('"level":20')).length).toBeGreaterThan(0);
    expectNoSecret(allLines());
  }, 60_000);
});
