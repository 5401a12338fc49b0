import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { endRun, runScript } from '../discord/process.ts';
import { directMessage, eventCallback, slashCommand, startFakeSlack, type FakeSlack } from '../fakes/slack/index.ts';
import { startCuttableProxy, type CuttableProxy } from '../postgres/proxy.ts';
import { closeAll, freshDatabaseUrl, openPostgres } from '../store/places.ts';
import { getHealth, KNOWLEDGE_DIR } from './helpers.ts';

/** `npm start` on Slack in HTTP mode with DATABASE_URL, in an empty folder. */
function startWithDatabase(slack: FakeSlack, databaseUrl: string) {
  return runScript('src/main.ts', {
    KNOWLEDGE_DIR,
    DATABASE_URL: databaseUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'depeche-unused-')),
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: slack.signingSecret,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'debug',
  });
}

describe('GIVEN npm start with DATABASE_URL', () => {
  let slack: FakeSlack | undefined;
  let run: ReturnType<typeof startWithDatabase> | undefined;
  let proxy: CuttableProxy | undefined;
  afterEach(async () => {
    await endRun(run, slack);
    await proxy?.close();
    await closeAll();
    slack = run = proxy = undefined;
  });

  it('WHEN the database is unreachable at start THEN it exits 1 with one line naming the host and the database, never the password', async () => {
    slack = await startFakeSlack();
    const port = await closedPort();
    run = startWithDatabase(slack, `postgres://depeche:hunter2secret@127.0.0.1:${port}/briefings`);
    expect((await run.exited).code).toBe(1);
    expect(run.plainErrors()).toEqual([`depeche: cannot reach the database "briefings" on 127.0.0.1:${port} (ECONNREFUSED); check DATABASE_URL and that PostgreSQL is running there`]);
    expect(run.stderr.items.join('\n')).not.toContain('hunter2secret');
  });

  it('WHEN the database is lost while running THEN questions are answered, /healthz says degraded, and the briefing due meanwhile is posted once it is back, once', async () => {
    const url = await freshDatabaseUrl();
    proxy = await startCuttableProxy({ port: Number(new URL(url).port) });
    slack = await startFakeSlack();
    run = startWithDatabase(slack, proxy.through(url));
    const listening = await run.stderr.waitFor((line) => line.includes('slack: listening'), { timeoutMs: 30_000, what: 'the listening line' });
    await run.stderr.waitFor((line) => line.includes('briefings: scheduler started'), { timeoutMs: 30_000, what: 'the scheduler line' });
    const port = (JSON.parse(listening) as { port: number }).port;
    const appUrl = `http://127.0.0.1:${port}/slack/events`;
    expect(await getHealth(port)).toEqual({ status: 200, body: { status: 'ok', platforms: { slack: 'up' }, dependencies: { database: 'up' } } });

    // A briefing due in a few seconds, made by "another instance" (the test, straight to the database).
    const at = new Date(Math.ceil((Date.now() + 5000) / 1000) * 1000);
    const slot = at.toISOString();
    const store = await openPostgres(url);
    const cron = `${at.getUTCSeconds()} ${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} *`;
    await store.subscribe({ channel: 'slack:C0LATE', schedule: { kind: 'cron', cron, timeZone: 'UTC' }, lang: 'en', origin: 'command' }, Date.now());
    await run.stderr.waitFor((line) => line.includes('briefings: next look') && line.includes(slot), { what: 'the timer armed for the slot' });

    proxy.cut();
    await run.stderr.waitFor((line) => line.includes('health: database is down'), { what: 'database down' });
    expect(await getHealth(port)).toEqual({ status: 200, body: { status: 'degraded', platforms: { slack: 'up' }, dependencies: { database: 'down' } } });

    // Questions need no database: a slash command, and a DM event (whose dedupe cannot reach the store).
    const id = 'during-outage';
    await slack.http.command(appUrl, slashCommand({ text: 'how many people left Aleppo', responseUrl: slack.responseUrl(id) }));
    expect(JSON.stringify((await slack.waitForResponse(id)).body)).toContain('25,000');
    await slack.http.event(appUrl, eventCallback(directMessage({ text: 'Who retook Aleppo?', channel: 'D0OUTAGE' })));
    await slack.waitForCall('chat.postMessage', (args) => args.channel === 'D0OUTAGE');

    // The slot comes while the database is away: nothing can be claimed, so nothing is posted.
    await run.stderr.waitFor((line) => line.includes('briefings: a pass failed'), { what: 'the failed pass at the slot' });
    expect(slack.calls.filter((call) => call.method === 'chat.postMessage' && call.args.channel === 'C0LATE')).toHaveLength(0);

    proxy.restore();
    await run.stderr.waitFor((line) => line.includes('health: database is up'), { what: 'database up' });
    await run.stderr.waitFor((line) => line.includes('briefings: posted') && line.includes(slot), { what: 'the late post' });
    expect((await getHealth(port)).body.status).toBe('ok');

    // Another pass (a change elsewhere) finds the slot claimed: still one post.
    await store.subscribe({ channel: 'slack:C0OTHER', schedule: { kind: 'daily', time: '08:00', timeZone: 'UTC' }, lang: 'en', origin: 'command' }, Date.now());
    await run.stderr.waitFor((line) => line.includes('"channel":"slack:C0LATE"') && line.includes('slot already claimed'), { what: 'the next pass' });
    expect(slack.calls.filter((call) => call.method === 'chat.postMessage' && call.args.channel === 'C0LATE')).toHaveLength(1);
    expect(await store.claims('slack:C0LATE')).toMatchObject([{ slot, outcome: 'posted' }]);
  });
});

/** A port nothing listens on (taken, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
