import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endRun, runScript } from '../discord/process.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { directMessage, eventCallback, slashCommand, startFakeSlack, type FakeSlack } from '../fakes/slack/index.ts';
import { closeAll, freshDatabaseUrl, openPostgres } from '../store/places.ts';
import { KNOWLEDGE_DIR } from './helpers.ts';

/** One `npm start` process: Slack in HTTP mode on its own port, its own loopback Discord, the shared database. */
interface Instance {
  name: string;
  run: ReturnType<typeof runScript>;
  appUrl: string;
  discord: FakeDiscord;
}

/** A six-field (seconds) cron for one instant a few seconds from now, in UTC: a slot the test need not wait a minute for. */
function slotSoon(delayMs = 4000): { cron: string; slot: string } {
  const at = new Date(Math.ceil((Date.now() + delayMs) / 1000) * 1000);
  return {
    cron: `${at.getUTCSeconds()} ${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} *`,
    slot: at.toISOString(),
  };
}

/**
 * Two `npm start` processes on one PostgreSQL database, as behind a load balancer: the four duplicates
 * (a briefing posted by each, a Slack retry answered by each, a subscription unknown to the other, one lost with its
 * instance) must not happen, and a follow-up must keep its topic whichever instance it reaches. The tests run in order on the same two instances; the last one kills the first.
 */
describe('GIVEN two instances on one PostgreSQL, with loopback Slack and Discord', () => {
  let databaseUrl: string;
  let slack: FakeSlack;
  let a: Instance;
  let b: Instance;
  let commands = 0;

  async function startInstance(name: string): Promise<Instance> {
    const discord = await startFakeDiscord();
    const run = runScript('src/main.ts', {
      KNOWLEDGE_DIR,
      DATABASE_URL: databaseUrl,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'depeche-unused-')),
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      RATE_LIMIT_COUNT: '1000',
      LOG_LEVEL: 'debug',
    });
    const listening = await run.stderr.waitFor((line) => line.includes('slack: listening'), { timeoutMs: 40_000, what: `${name}: the listening line` });
    await run.stderr.waitFor((line) => line.includes('briefings: scheduler started'), { timeoutMs: 40_000, what: `${name}: the scheduler line` });
    return { name, run, discord, appUrl: `http://127.0.0.1:${(JSON.parse(listening) as { port: number }).port}/slack/events` };
  }

  /** `/depeche <text>` sent to one instance; resolves with what it posted to response_url. */
  async function slash(instance: Instance, text: string, channel: string): Promise<string> {
    const id = `cmd-${++commands}`;
    expect((await slack.http.command(instance.appUrl, slashCommand({ text, channel, responseUrl: slack.responseUrl(id) }))).status).toBe(200);
    return JSON.stringify((await slack.waitForResponse(id, 15_000)).body);
  }

  /** What each instance did with one (channel, slot): `posted`, or `claimed elsewhere`. Resolves once both passed it. */
  async function outcomes(instances: Instance[], channel: string, slot: string): Promise<string[]> {
    const lines = await Promise.all(
      instances.map((instance) =>
        instance.run.stderr.waitFor((line) => line.includes(`"channel":"${channel}"`) && line.includes(`"slot":"${slot}"`) && /briefings: (posted|slot already claimed)/.test(line), {
          timeoutMs: 20_000,
          what: `${instance.name}: its outcome for ${channel} at ${slot}`,
        }),
      ),
    );
    return lines.map((line) => (line.includes('briefings: posted') ? 'posted' : 'claimed elsewhere')).sort();
  }

  const slackPosts = (channel: string) => slack.calls.filter((call) => call.method === 'chat.postMessage' && !call.error && call.args.channel === channel);
  const discordPosts = (channel: string) =>
    [a, b].flatMap((instance) => instance.discord.rest.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages` && r.status < 300));

  beforeAll(async () => {
    databaseUrl = await freshDatabaseUrl();
    slack = await startFakeSlack();
    // Started together on an empty database: both migrate it at once.
    [a, b] = await Promise.all([startInstance('a'), startInstance('b')]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([a, b].map((instance) => instance && endRun(instance.run, instance.discord)));
    await slack?.close();
    await closeAll();
  });

  it('WHEN a channel subscribes through one THEN the other lists it', async () => {
    expect(await slash(a, 'subscribe 07:30 Europe/Paris fr', 'C0SUBS')).toContain('07:30');
    const listed = await slash(b, 'subscriptions', 'C0SUBS');
    expect(listed).toContain('07:30');
    expect(listed).toContain('Europe/Paris');
  });

  it('WHEN a slot comes with both up THEN each channel gets one post, from one instance', async () => {
    const discordChannel = a.discord.guild.channelId;
    const { cron, slot } = slotSoon();
    const store = await openPostgres(databaseUrl);
    // Made in the database directly (a seconds cron, which commands refuse): the instances hear of it by NOTIFY.
    for (const channel of ['slack:C0BRIEF', `discord:${discordChannel}`]) await store.subscribe({ channel, schedule: { kind: 'cron', cron, timeZone: 'UTC' }, lang: 'en', origin: 'command' }, Date.now());
    expect(await outcomes([a, b], 'slack:C0BRIEF', slot)).toEqual(['claimed elsewhere', 'posted']);
    expect(await outcomes([a, b], `discord:${discordChannel}`, slot)).toEqual(['claimed elsewhere', 'posted']);
    expect(slackPosts('C0BRIEF')).toHaveLength(1);
    expect(discordPosts(discordChannel)).toHaveLength(1);
  });

  it('WHEN Slack retries an event to the other instance, or delivers it to both at once THEN it is answered once', async () => {
    const retried = eventCallback(directMessage({ text: 'How many people left Aleppo?', channel: 'D0RETRY' }), { eventId: 'Ev0RETRY' });
    expect((await slack.http.event(a.appUrl, retried)).status).toBe(200);
    expect((await slack.http.event(b.appUrl, retried, { retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    const twice = eventCallback(directMessage({ text: 'Who retook Aleppo?', channel: 'D0TWICE' }), { eventId: 'Ev0TWICE' });
    await Promise.all([slack.http.event(a.appUrl, twice), slack.http.event(b.appUrl, twice, { retryNum: 1 })]);

    for (const [eventId, channel] of [['Ev0RETRY', 'D0RETRY'], ['Ev0TWICE', 'D0TWICE']] as const) {
      await slack.waitForCall('chat.postMessage', (args) => args.channel === channel);
      await Promise.any([a, b].map((instance) => instance.run.stderr.waitFor((line) => line.includes('slack: skipped a repeated delivery') && line.includes(eventId), { timeoutMs: 10_000 })));
      expect(slackPosts(channel)).toHaveLength(1);
    }
  });

  it('WHEN a follow-up reaches the other instance THEN it is answered with the topic of the question before', async () => {
    await slack.http.event(a.appUrl, eventCallback(directMessage({ text: 'What did Putin say?', channel: 'D0FOLLOW' })));
    await slack.waitForCall('chat.postMessage', (args) => args.channel === 'D0FOLLOW');
    await slack.http.event(b.appUrl, eventCallback(directMessage({ text: 'And Erdogan?', channel: 'D0FOLLOW' })));
    const [, followUp] = await slack.waitForCalls('chat.postMessage', (args) => args.channel === 'D0FOLLOW', 2);
    // Read alone, "And Erdogan?" asks who he is; after Putin's words, it asks what Erdogan said.
    expect(JSON.stringify(followUp!.args)).toContain('said on Tuesday that he had agreed');
  });

  it('WHEN the instance a channel subscribed through is killed before its slot THEN the other posts it', async () => {
    a.run.child.kill('SIGKILL');
    await a.run.exited;
    // Its slot brought forward to a few seconds from now, so that the test need not wait for 07:30 in Paris.
    const { cron, slot } = slotSoon(3000);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query("UPDATE subscriptions SET kind = 'cron', pattern = $1, time_zone = 'UTC' WHERE channel = 'slack:C0SUBS'", [cron]);
    } finally {
      await client.end();
    }
    expect(await outcomes([b], 'slack:C0SUBS', slot)).toEqual(['posted']);
    const [post] = slackPosts('C0SUBS');
    expect(slackPosts('C0SUBS')).toHaveLength(1);
    // The subscription's language came along with it.
    expect(JSON.stringify(post!.args)).toMatch(/Alep/);
  });
});
