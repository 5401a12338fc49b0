import { commands as registry } from '../../commands/index.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.ts';
import { createScheduler, type Scheduler } from '../../src/briefing/scheduler.ts';
import { createSubscriptionService } from '../../src/briefing/subscriptions.ts';
import { parseConfig } from '../../src/config.ts';
import { newestBriefing } from '../../src/briefing/start.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import { commandData } from '../../src/discord/command-data.ts';
import { discordPoster } from '../../src/discord/poster.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createLogger } from '../../src/logger.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { KNOWLEDGE_DIR, startBot } from '../discord/harness.ts';
import { FakeClock } from './fake-clock.ts';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const article = knowledge.newest;
const logger = createLogger({ level: 'silent' });
const latest = newestBriefing(() => knowledge);
/** Manage Channels (1 << 4) on top of nothing else. */
const MANAGE_CHANNELS = String(1 << 4);

describe('GIVEN Depeche on a loopback Discord with a store and a fake clock', () => {
  let fake: FakeDiscord;
  let bot: Awaited<ReturnType<typeof startBot>>;
  let store: Store;
  let scheduler: Scheduler;
  const dataDir = mkdtempSync(join(tmpdir(), 'depeche-discord-briefings-'));
  // Saturday 28 March 2026, noon in Zurich; the clocks go forward in the night.
  const clock = new FakeClock(Date.parse('2026-03-28T11:00:00Z'));
  const manager = { id: '400000000000000009', username: 'mod', global_name: 'Mod', permissions: MANAGE_CHANNELS };
  const cleanups: (() => unknown)[] = [];

  const channelPosts = () => fake.requests.items.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.guild.channelId}/messages`);
  /** One more Depeche process on the same store file, posting through its own REST client. */
  function otherInstance(): Scheduler & { close(): Promise<void> } {
    const otherStore = openSqliteStore({ dataDir });
    const rest = new REST({ api: fake.apiUrl, retries: 0, timeout: 5000 }).setToken(fake.token);
    const other = createScheduler({ store: otherStore, posters: [discordPoster(rest)], latest, logger, graceMs: 30 * 60_000, clock });
    const close = async () => {
      await other.stop();
      otherStore.close();
    };
    cleanups.push(close);
    return { ...other, close };
  }

  beforeAll(async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 250 });
    store = openSqliteStore({ dataDir });
    const subscriptions = createSubscriptionService({ store, defaults: { time: '08:00', timeZone: 'UTC' }, clock });
    const config = parseConfig({ RATE_LIMIT_COUNT: '1000' });
    const depeche = createDepeche({ commands: registry, knowledge, config, subscriptions });
    bot = await startBot(fake, { depeche });
    scheduler = createScheduler({ store, posters: [bot.running.poster!], latest, logger, graceMs: 30 * 60_000, clock });
    subscriptions.onChange(() => scheduler.refresh());
    await scheduler.start();
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await scheduler?.stop();
    await bot?.running.stop();
    store?.close();
    await fake?.close();
  });

  test('THEN /subscribe and /unsubscribe ask Discord for Manage Channels and exist only in servers', () => {
    const data = commandData(commands);
    for (const name of ['subscribe', 'unsubscribe']) {
      const command = data.find((c) => c.name === name)!;
      expect(command.default_member_permissions).toBe(MANAGE_CHANNELS);
      expect(command.contexts).toEqual([0]);
    }
    expect(data.find((c) => c.name === 'subscriptions')!.default_member_permissions).toBeUndefined();
  });

  test('WHEN a member without Manage Channels runs /subscribe THEN it is refused, privately, and nothing is stored', async () => {
    const { body } = await fake.slashCommand({ name: 'subscribe', options: { schedule: '08:00' } }).reply();
    expect(body.embeds[0].description).toBe("You are not allowed to change this channel's scheduled briefings: ask someone who manages the channel.");
    expect(body.flags).toBe(64);
    expect(await store.subscriptions()).toEqual([]);
  });

  test('WHEN a manager subscribes at 08:00 Europe/Zurich in French THEN it is confirmed with the next post', async () => {
    const sent = fake.slashCommand({ name: 'subscribe', options: { schedule: '08:00', timezone: 'Europe/Zurich', language: 'fr' }, user: manager });
    const { body } = await sent.reply();
    expect(body.embeds[0].description).toMatch(/^Ce salon recevra le résumé chaque jour à 08:00 \(Europe\/Zurich\), en français\. Prochain : dimanche,? 29 mars 2026 à 08:00 UTC\+2\.$/);
    expect(await store.subscriptions(`discord:${fake.guild.channelId}`)).toMatchObject([{ lang: 'fr', schedule: { kind: 'daily', time: '08:00', timeZone: 'Europe/Zurich' } }]);
  });

  test('WHEN the clock reaches 08:00 in Zurich on the day the clocks go forward (06:00 UTC) THEN exactly one briefing, in French, with its sources', async () => {
    clock.set('2026-03-29T05:59:00Z');
    await scheduler.idle();
    expect(channelPosts()).toHaveLength(0);
    clock.set('2026-03-29T06:00:00Z');
    await scheduler.idle();
    clock.set('2026-03-29T06:29:00Z');
    await scheduler.idle();
    const posts = channelPosts();
    expect(posts).toHaveLength(1);
    const embed = posts[0]!.body.embeds[0];
    expect(embed.title).toBe(article.title.fr);
    expect(embed.description).toContain('**Qui s’est engagé à quoi**');
    expect(embed.description).toContain('**Chiffres**');
    expect(embed.description).toContain('**Réactions**');
    expect(embed.fields[0].name).toBe('Sources');
    expect(embed.footer.text).toMatch(/^Source : /);
    expect(posts[0]!.body.allowed_mentions).toEqual({ parse: [] });
    expect(posts[0]!.authorization).toBe(`Bot ${fake.token}`);
  });

  test('WHEN the bot restarts at the slot (a new instance on the same store) THEN still one post', async () => {
    const restarted = otherInstance();
    await restarted.start();
    expect(channelPosts()).toHaveLength(1);
    await restarted.close();
  });

  test('WHEN two instances run on the same store at the next slot THEN one post', async () => {
    const other = otherInstance();
    await other.start();
    clock.set('2026-03-30T06:00:00Z');
    await Promise.all([scheduler.idle(), other.tick(), scheduler.tick()]);
    expect(channelPosts()).toHaveLength(2);
    expect((await store.claims()).map((c) => [c.slot, c.outcome])).toEqual([
      ['2026-03-29T06:00:00.000Z', 'posted'],
      ['2026-03-30T06:00:00.000Z', 'posted'],
    ]);
    await other.close();
  });

  test('WHEN the channel answers 50001 Missing Access THEN it is marked, skipped the next day, and listed as paused', async () => {
    fake.failNext('POST', new RegExp(`^/channels/${fake.guild.channelId}/messages$`), { status: 403, code: 50001, message: 'Missing Access' });
    clock.set('2026-03-31T06:00:00Z');
    await scheduler.idle();
    expect(channelPosts().filter((r) => r.status < 300)).toHaveLength(2);
    expect(await store.unreachable()).toEqual(new Map([[`discord:${fake.guild.channelId}`, { reason: '50001 Missing Access', since: clock.now() }]]));
    const before = channelPosts().length;
    clock.set('2026-04-01T06:00:00Z');
    await scheduler.idle();
    expect(channelPosts()).toHaveLength(before);

    const { body } = await fake.slashCommand({ name: 'subscriptions' }).reply();
    expect(body.embeds[0].title).toBe('Scheduled briefings');
    expect(body.embeds[0].description).toMatch(/^- #\d+: every day at 08:00 \(Europe\/Zurich\), in French; next: .* \(paused: I cannot post here \(50001 Missing Access\)/);
  });

  test('WHEN a manager subscribes again THEN posts resume; WHEN they unsubscribe THEN they stop', async () => {
    await fake.slashCommand({ name: 'subscribe', options: { schedule: '08:00', timezone: 'Europe/Zurich', language: 'fr' }, user: manager }).reply();
    clock.set('2026-04-02T06:00:00Z');
    await scheduler.idle();
    expect(channelPosts().filter((r) => r.status < 300)).toHaveLength(3);

    const { body } = await fake.slashCommand({ name: 'unsubscribe', user: manager }).reply();
    expect(body.embeds[0].description).toBe('This channel will no longer receive the scheduled briefing.');
    clock.set('2026-04-03T06:00:00Z');
    await scheduler.idle();
    expect(channelPosts().filter((r) => r.status < 300)).toHaveLength(3);
    const { body: list } = await fake.slashCommand({ name: 'subscriptions' }).reply();
    expect(list.embeds[0].description).toBe('This channel has no scheduled briefing. /subscribe sets one up.');
  });

  test('WHEN Discord answers 429 THEN the wait is honoured and the briefing posted once', async () => {
    await fake.slashCommand({ name: 'subscribe', options: { schedule: '08:00', timezone: 'Europe/Zurich' }, user: manager }).reply();
    fake.failNext('POST', new RegExp(`^/channels/${fake.guild.channelId}/messages$`), { status: 429, code: 0, message: 'You are being rate limited.', retryAfter: 0.2 });
    const before = channelPosts().length;
    clock.set('2026-04-04T06:00:00Z');
    await scheduler.idle();
    const attempts = channelPosts().slice(before);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(150);
    expect((await store.claims()).at(-1)).toMatchObject({ slot: '2026-04-04T06:00:00.000Z', outcome: 'posted' });
  });
});
