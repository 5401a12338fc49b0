import { commands as registry } from '../../commands/index.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createScheduler, type Scheduler } from '../../src/briefing/scheduler.ts';
import { createSubscriptionService } from '../../src/briefing/subscriptions.ts';
import { parseConfig } from '../../src/config.ts';
import { newestBriefing } from '../../src/briefing/start.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createLogger } from '../../src/logger.ts';
import { slackPoster } from '../../src/slack/poster.ts';
import { startSlack, type SlackAdapter } from '../../src/slack/start.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { slashCommand, startFakeSlack, type FakeSlack } from '../fakes/slack/index.ts';
import { FakeClock } from './fake-clock.ts';

const knowledge = loadKnowledge('knowledge');
const article = knowledge.newest;
const logger = createLogger({ level: 'silent' });
const latest = newestBriefing(() => knowledge);
const CHANNEL = 'C0BRIEFING';
const ADMIN = 'U0ADMIN';

describe('GIVEN Depeche on a loopback Slack (HTTP mode) with a store, SLACK_ADMIN_USER_IDS and a fake clock', () => {
  let fake: FakeSlack;
  let adapter: SlackAdapter;
  let store: Store;
  let scheduler: Scheduler;
  let appUrl: string;
  let commandCount = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'depeche-slack-briefings-'));
  // Saturday 24 October 2026 in Zurich; the clocks go back in the night (03:00 CEST → 02:00 CET).
  const clock = new FakeClock(Date.parse('2026-10-24T10:00:00Z'));

  /** `/depeche <text>` in the briefing channel; resolves with what the app posted to response_url. */
  async function slash(text: string, user = ADMIN) {
    const id = `cmd-${++commandCount}`;
    const sent = await fake.http.command(appUrl, slashCommand({ text, user, channel: CHANNEL, responseUrl: fake.responseUrl(id) }));
    expect(sent.status).toBe(200);
    return (await fake.waitForResponse(id)).body as { text: string; response_type: string; blocks: { type: string; text?: { text: string } }[] };
  }
  const posts = () => fake.calls.filter((call) => call.method === 'chat.postMessage' && call.args.channel === CHANNEL);
  const delivered = () => posts().filter((call) => !call.error);

  function otherInstance(): Scheduler & { close(): Promise<void> } {
    const otherStore = openSqliteStore({ dataDir });
    const client = new webApi.WebClient(fake.botToken, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, timeout: 2000 });
    const other = createScheduler({ store: otherStore, posters: [slackPoster(client)], latest, logger, graceMs: 30 * 60_000, clock });
    return {
      ...other,
      async close() {
        await other.stop();
        otherStore.close();
      },
    };
  }

  beforeAll(async () => {
    fake = await startFakeSlack();
    const config = parseConfig({
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: fake.signingSecret,
      SLACK_API_URL: fake.apiUrl,
      SLACK_ADMIN_USER_IDS: `U0OTHER, ${ADMIN}`,
      RATE_LIMIT_COUNT: '1000',
    });
    store = openSqliteStore({ dataDir });
    const subscriptions = createSubscriptionService({ store, defaults: { time: '08:00', timeZone: 'UTC' }, clock });
    const depeche = createDepeche({ commands: registry, knowledge, config, subscriptions });
    adapter = await startSlack({ config: config.slack!, depeche, logger, clientOptions: { retryConfig: { retries: 0 }, timeout: 2000 }, listen: { port: 0, host: '127.0.0.1' } });
    appUrl = `http://127.0.0.1:${adapter.port}/slack/events`;
    scheduler = createScheduler({ store, posters: [adapter.poster!], latest, logger, graceMs: 30 * 60_000, clock });
    subscriptions.onChange(() => scheduler.refresh());
    await scheduler.start();
  });
  afterAll(async () => {
    await scheduler?.stop();
    await adapter?.stop();
    store?.close();
    await fake?.close();
  });

  test('WHEN someone not in SLACK_ADMIN_USER_IDS subscribes THEN it is refused and nothing is stored', async () => {
    const reply = await slash('subscribe 07:30', 'U0ALICE');
    expect(reply.text).toBe("You are not allowed to change this channel's scheduled briefings: ask someone who manages the channel.");
    expect(reply.response_type).toBe('ephemeral');
    expect(await store.subscriptions()).toEqual([]);
  });

  test('WHEN an admin types an unreadable schedule THEN the reply says what to give', async () => {
    expect((await slash('subscribe tomorrow-ish')).text).toMatch(/^I could not read that schedule: give a time such as 08:00, or a five-field cron expression/);
    expect((await slash('subscribe 07:30 ☕')).text).toMatch(/^I could not read "☕": give a time \(08:00\) or a cron expression/);
    expect((await slash('subscribe 07:30 Mars/Olympus')).text).toMatch(/^I do not know that time zone/);
  });

  test('WHEN an admin subscribes at 07:30 Europe/Zurich THEN it is confirmed', async () => {
    const reply = await slash('subscribe 07:30 Europe/Zurich en');
    expect(reply.text).toMatch(/^This channel will receive the briefing every day at 07:30 \(Europe\/Zurich\), in English\. Next one: Sunday,? 25 October 2026 at 07:30 CET\.$/);
    expect(await store.subscriptions(`slack:${CHANNEL}`)).toMatchObject([{ lang: 'en', schedule: { time: '07:30', timeZone: 'Europe/Zurich' } }]);
  });

  test('WHEN the clock reaches 07:30 in Zurich on the day the clocks go back (06:30 UTC) THEN exactly one briefing in blocks', async () => {
    clock.set('2026-10-25T05:30:00Z');
    await scheduler.idle();
    expect(posts()).toHaveLength(0);
    clock.set('2026-10-25T06:30:00Z');
    await scheduler.idle();
    clock.set('2026-10-25T06:59:00Z');
    await scheduler.idle();
    expect(delivered()).toHaveLength(1);
    const { blocks, text } = delivered()[0]!.args as { blocks: { type: string; text?: { text: string } }[]; text: string };
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: article.title.en } });
    const all = JSON.stringify(blocks);
    for (const heading of ['Who agreed to what', 'Figures', 'Reactions']) expect(all).toContain(heading);
    expect(all).toContain(article.facts.find((fact) => fact.figure)!.quote.slice(0, 40));
    expect(text.length).toBeGreaterThan(0);
  });

  test('WHEN the bot restarts at the slot, or a second instance runs on the same store THEN still one post', async () => {
    const restarted = otherInstance();
    await restarted.start();
    await restarted.close();
    expect(delivered()).toHaveLength(1);

    const other = otherInstance();
    await other.start();
    clock.set('2026-10-26T06:30:00Z');
    await Promise.all([scheduler.idle(), other.tick(), scheduler.tick()]);
    await other.close();
    expect(delivered()).toHaveLength(2);
  });

  test('WHEN Slack answers channel_not_found THEN the channel is marked and skipped the next day', async () => {
    fake.failNext('chat.postMessage', 'channel_not_found');
    clock.set('2026-10-27T06:30:00Z');
    await scheduler.idle();
    expect(await store.unreachable()).toEqual(new Map([[`slack:${CHANNEL}`, { reason: 'channel_not_found', since: clock.now() }]]));
    const attempts = posts().length;
    clock.set('2026-10-28T06:30:00Z');
    await scheduler.idle();
    expect(posts()).toHaveLength(attempts);
    expect((await slash('subscriptions')).text).toMatch(/paused: I cannot post here \(channel_not_found\)/);
  });

  test('WHEN an admin unsubscribes THEN the posts stop', async () => {
    await slash('subscribe 07:30 Europe/Zurich en');
    clock.set('2026-10-29T06:30:00Z');
    await scheduler.idle();
    expect(delivered()).toHaveLength(3);
    expect((await slash('unsubscribe')).text).toBe('This channel will no longer receive the scheduled briefing.');
    clock.set('2026-10-30T06:30:00Z');
    await scheduler.idle();
    expect(delivered()).toHaveLength(3);
  });
});
