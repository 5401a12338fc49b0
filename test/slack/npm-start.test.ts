import { syrianArticleKnowledge } from '../fixtures/two-articles.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { directMessage, eventCallback, slashCommand, startFakeSlack, type FakeSlack } from '../fakes/slack/index.ts';
import { Recorder } from '../fakes/recorder.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `npm start` as a user runs it (tsx src/main.ts), with only the environment given here: it runs in an empty
 * folder so that no .env of the developer is read.
 */
function npmStart(env: Record<string, string>): { child: ChildProcess; stderr: Recorder<string>; exited: Promise<number | null>; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-slack-'));
  const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/main.ts')], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: syrianArticleKnowledge(), DATA_DIR: dir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr = new Recorder<string>('npm start stderr', (line) => line);
  let buffered = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    buffered += String(chunk);
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) stderr.push(line);
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, stderr, exited, dir };
}

describe('npm start with Slack credentials', () => {
  let fake: FakeSlack | undefined;
  let run: ReturnType<typeof npmStart> | undefined;
  afterEach(async () => {
    if (run && run.child.exitCode === null) run.child.kill('SIGKILL');
    if (run) rmSync(run.dir, { recursive: true, force: true });
    await fake?.close();
    run = undefined;
    fake = undefined;
  });

  it('GIVEN SLACK_BOT_TOKEN and SLACK_APP_TOKEN THEN it serves Slack in Socket Mode and stops cleanly on SIGTERM', async () => {
    fake = await startFakeSlack();
    run = npmStart({ SLACK_BOT_TOKEN: fake.botToken, SLACK_APP_TOKEN: fake.appToken, SLACK_API_URL: fake.apiUrl });
    await fake.socket.waitForConnection(1, 20_000);
    await fake.socket.send({ type: 'events_api', payload: eventCallback(directMessage({ text: 'How many people left Aleppo?', channel: 'D0NPM' })) });
    await fake.waitForCall('chat.postMessage', (args) => args.channel === 'D0NPM');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const log = run.stderr.items.join('\n');
    for (const secret of [fake.botToken, fake.appToken]) expect(log).not.toContain(secret);
  }, 40_000);

  it('GIVEN SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET THEN it listens on PORT for signed requests', async () => {
    fake = await startFakeSlack();
    run = npmStart({ SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: fake.signingSecret, SLACK_API_URL: fake.apiUrl, PORT: '0' });
    const listening = await run.stderr.waitFor((line) => line.includes('slack: listening'), 'the listening line', 20_000);
    const port = (JSON.parse(listening) as { port: number }).port;
    const sent = await fake.http.command(`http://127.0.0.1:${port}/slack/events`, slashCommand({ text: 'numbers', responseUrl: fake.responseUrl('npm') }));
    expect(sent.status).toBe(200);
    expect(JSON.stringify((await fake.waitForResponse('npm')).body)).toContain('25,000');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 40_000);

  it('GIVEN a bot token without a signing secret or app token THEN one line names the variables', async () => {
    run = npmStart({ SLACK_BOT_TOKEN: 'xoxb-123-secret' });
    expect(await run.exited).toBe(1);
    expect(run.stderr.items).toEqual(['depeche: SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is missing (SLACK_BOT_TOKEN is set)']);
  }, 40_000);
});
