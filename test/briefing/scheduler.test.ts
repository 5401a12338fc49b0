import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelPoster, PostOutcome } from '../../src/briefing/poster.ts';
import { createScheduler, isNewer, type Scheduler } from '../../src/briefing/scheduler.ts';
import { createSubscriptionService, syncConfigChannels } from '../../src/briefing/subscriptions.ts';
import { latestSlot, makeSchedule, nextSlot } from '../../src/briefing/schedule.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Lang } from '../../src/shared/types.ts';
import { createLogger } from '../../src/logger.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { PostedArticle, Schedule, Store } from '../../src/store/types.ts';
import { FakeClock } from './fake-clock.ts';

const logger = createLogger({ level: 'silent' });
const compose = (lang: Lang): Reply => ({ title: 'Briefing', text: `briefing in ${lang}`, lang, answered: true, sources: [], suggestions: [] });
const latest = () => ({ article: { id: 'the-article' }, compose });
const MINUTE = 60_000;

/** A poster that records what it was asked to post and answers what the test scripts. */
function fakePoster(platform = 'discord') {
  const posts: { channel: string; lang: Lang; at: number }[] = [];
  const scripted: PostOutcome[] = [];
  let clock: FakeClock | undefined;
  const poster: ChannelPoster = {
    platform,
    async post(channel, reply) {
      const outcome = scripted.shift() ?? { status: 'ok' };
      if (outcome.status === 'ok') posts.push({ channel, lang: reply.lang, at: clock?.now() ?? 0 });
      return outcome;
    },
  };
  return { poster, posts, script: (...outcomes: PostOutcome[]) => scripted.push(...outcomes), useClock: (c: FakeClock) => (clock = c) };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One Depeche process: its own connection to the store file, its own scheduler. */
function instance(dataDir: string, clock: FakeClock, posters: ChannelPoster[], graceMinutes = 30, newest = latest): { store: Store; scheduler: Scheduler } {
  const store = openSqliteStore({ dataDir });
  const scheduler = createScheduler({ store, posters, latest: newest, logger, graceMs: graceMinutes * MINUTE, clock });
  cleanups.push(() => store.close(), () => scheduler.stop());
  return { store, scheduler };
}

const freshDir = () => mkdtempSync(join(tmpdir(), 'depeche-sched-'));
const zurich8 = { kind: 'daily', time: '08:00', timeZone: 'Europe/Zurich' } as const;

async function subscribe(store: Store, channel: string, createdAt: number, schedule: Schedule = zurich8, lang: Lang = 'en') {
  return store.subscribe({ channel, schedule, lang, origin: 'command' }, createdAt);
}

describe('slots (croner, in the time zone)', () => {
  it('GIVEN the days the clocks change in Europe/Zurich THEN 08:00 local stays 08:00 local, once', () => {
    // Spring forward (29 March 2026): 08:00 CEST is 06:00 UTC; the day before, 08:00 CET was 07:00 UTC.
    expect(new Date(nextSlot(zurich8, Date.parse('2026-03-28T12:00:00Z'))!).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(new Date(nextSlot(zurich8, Date.parse('2026-10-24T12:00:00Z'))!).toISOString()).toBe('2026-10-25T07:00:00.000Z');
    // 02:30 happens twice on 25 October: posted once.
    const twoThirty = { ...zurich8, time: '02:30' };
    const slots = [nextSlot(twoThirty, Date.parse('2026-10-24T12:00:00Z'))!];
    slots.push(nextSlot(twoThirty, slots[0]!)!);
    expect(slots.map((s) => new Date(s).toISOString())).toEqual(['2026-10-25T01:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('GIVEN a window THEN only its latest slot is due', () => {
    const every20 = { kind: 'cron', cron: '0,20,40 * * * *', timeZone: 'UTC' } as const;
    expect(new Date(latestSlot(every20, Date.parse('2026-01-01T07:30:00Z'), Date.parse('2026-01-01T08:10:00Z'))!).toISOString()).toBe('2026-01-01T08:00:00.000Z');
    expect(latestSlot(every20, Date.parse('2026-01-01T08:01:00Z'), Date.parse('2026-01-01T08:10:00Z'))).toBeUndefined();
  });

  it('GIVEN what users type THEN schedules are checked: time, zone, cron, not too often', () => {
    const defaults = { time: '07:30', timeZone: 'UTC' };
    expect(makeSchedule({}, defaults)).toEqual({ kind: 'daily', time: '07:30', timeZone: 'UTC' });
    expect(makeSchedule({ time: '8:05', timeZone: 'Europe/Zurich' }, defaults)).toEqual({ kind: 'daily', time: '08:05', timeZone: 'Europe/Zurich' });
    expect(makeSchedule({ time: '25:00' }, defaults)).toEqual({ problem: 'time' });
    expect(makeSchedule({ timeZone: 'Mars/Olympus' }, defaults)).toEqual({ problem: 'timeZone' });
    expect(makeSchedule({ cron: '0 8 * * 1-5' }, defaults)).toEqual({ kind: 'cron', cron: '0 8 * * 1-5', timeZone: 'UTC' });
    expect(makeSchedule({ cron: '0 8 * *' }, defaults)).toEqual({ problem: 'cron' });
    expect(makeSchedule({ cron: '0 61 * * *' }, defaults)).toEqual({ problem: 'cron' });
    expect(makeSchedule({ cron: '*/5 * * * *' }, defaults)).toEqual({ problem: 'tooOften' });
  });
});

describe('the scheduler', () => {
  it('GIVEN a subscription WHEN the clock reaches the slot THEN exactly one post, and the next day another', async () => {
    const dir = freshDir();
    const clock = new FakeClock(Date.parse('2026-03-28T12:00:00Z'));
    const discord = fakePoster();
    discord.useClock(clock);
    const { store, scheduler } = instance(dir, clock, [discord.poster]);
    await subscribe(store, 'discord:1', clock.now(), zurich8, 'fr');
    await scheduler.start();
    expect(discord.posts).toEqual([]);
    // The scheduler sleeps at most a minute at a time (to see other instances' subscriptions), then until the slot.
    expect(clock.nextTimer()).toBe(clock.now() + MINUTE);

    clock.set('2026-03-29T05:59:59Z');
    await scheduler.idle();
    expect(discord.posts).toEqual([]);
    clock.set('2026-03-29T06:00:00Z');
    await scheduler.idle();
    clock.set('2026-03-29T06:20:00Z');
    await scheduler.idle();
    expect(discord.posts).toEqual([{ channel: '1', lang: 'fr', at: Date.parse('2026-03-29T06:00:00Z') }]);
    expect((await store.claims()).map((c) => [c.slot, c.outcome])).toEqual([['2026-03-29T06:00:00.000Z', 'posted']]);

    clock.set('2026-03-30T06:00:00Z');
    await scheduler.idle();
    expect(discord.posts.map((p) => new Date(p.at).toISOString())).toEqual(['2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z']);
  });

  it('GIVEN a restart at the slot (a new instance on the same store) THEN still one post', async () => {
    const dir = freshDir();
    const clock = new FakeClock(Date.parse('2026-01-10T12:00:00Z'));
    const discord = fakePoster();
    const first = instance(dir, clock, [discord.poster]);
    await subscribe(first.store, 'discord:1', clock.now());
    await first.scheduler.start();
    clock.set('2026-01-11T07:00:00Z');
    await first.scheduler.idle();
    await first.scheduler.stop();
    first.store.close();

    const second = instance(dir, clock, [discord.poster]);
    clock.set('2026-01-11T07:00:05Z');
    await second.scheduler.start();
    expect(discord.posts).toHaveLength(1);
  });

  it('GIVEN two instances on one store THEN each slot is posted once, by one of them', async () => {
    const dir = freshDir();
    const clock = new FakeClock(Date.parse('2026-01-10T12:00:00Z'));
    const discord = fakePoster();
    discord.useClock(clock);
    const a = instance(dir, clock, [discord.poster]);
    const b = instance(dir, clock, [discord.poster]);
    for (const n of [1, 2, 3]) await subscribe(a.store, `discord:${n}`, clock.now());
    await Promise.all([a.scheduler.start(), b.scheduler.start()]);
    for (const day of ['11', '12', '13']) {
      clock.set(`2026-01-${day}T07:00:00Z`);
      await Promise.all([a.scheduler.idle(), b.scheduler.idle()]);
    }
    expect(discord.posts).toHaveLength(9);
    expect(new Set(discord.posts.map((p) => `${p.channel}@${p.at}`)).size).toBe(9);
    const owners = new Set((await a.store.claims()).map((c) => c.instance));
    expect([...owners].every((owner) => [a.scheduler.instance, b.scheduler.instance].includes(owner))).toBe(true);
  });

  it('GIVEN downtime THEN a slot missed within the grace period is posted at start, an older one is skipped', async () => {
    const dir = freshDir();
    const clock = new FakeClock(Date.parse('2026-01-10T12:00:00Z'));
    const discord = fakePoster();
    discord.useClock(clock);
    const { store } = instance(dir, clock, [discord.poster]);
    await subscribe(store, 'discord:late', clock.now(), { kind: 'daily', time: '08:00', timeZone: 'UTC' });
    await subscribe(store, 'discord:old', clock.now(), { kind: 'daily', time: '07:00', timeZone: 'UTC' });

    // The bot was down from before 07:00 to 08:20: 08:00 is 20 minutes late, 07:00 is 80.
    clock.set('2026-01-11T08:20:00Z');
    const restarted = instance(dir, clock, [discord.poster]);
    await restarted.scheduler.start();
    expect(discord.posts).toEqual([{ channel: 'late', lang: 'en', at: Date.parse('2026-01-11T08:20:00Z') }]);
    expect((await store.claims('discord:old'))).toEqual([]);
  });

  it('GIVEN a subscription made after today\'s time THEN nothing is posted until tomorrow', async () => {
    const clock = new FakeClock(Date.parse('2026-01-11T08:10:00Z'));
    const discord = fakePoster();
    const { store, scheduler } = instance(freshDir(), clock, [discord.poster]);
    await subscribe(store, 'discord:1', clock.now(), { kind: 'daily', time: '08:00', timeZone: 'UTC' });
    await scheduler.start();
    clock.set('2026-01-11T08:30:00Z');
    await scheduler.idle();
    expect(discord.posts).toEqual([]);
  });

  it('GIVEN unsubscribe THEN the posts stop', async () => {
    const clock = new FakeClock(Date.parse('2026-01-10T12:00:00Z'));
    const discord = fakePoster();
    const { store, scheduler } = instance(freshDir(), clock, [discord.poster]);
    const service = createSubscriptionService({ store, defaults: { time: '08:00', timeZone: 'UTC' }, clock });
    service.onChange(() => scheduler.refresh());
    expect(await service.subscribe('discord:1', { lang: 'en' })).toMatchObject({ next: Date.parse('2026-01-11T08:00:00Z') });
    await scheduler.start();
    clock.set('2026-01-11T08:00:00Z');
    await scheduler.idle();
    expect(await service.unsubscribe('discord:1')).toBe(1);
    clock.set('2026-01-12T08:00:00Z');
    await scheduler.idle();
    expect(discord.posts).toHaveLength(1);
  });

  it('GIVEN a channel that is gone THEN it is marked, skipped next time, and a new subscribe revives it', async () => {
    const clock = new FakeClock(Date.parse('2026-01-10T12:00:00Z'));
    const discord = fakePoster();
    const { store, scheduler } = instance(freshDir(), clock, [discord.poster]);
    const service = createSubscriptionService({ store, defaults: { time: '08:00', timeZone: 'UTC' }, clock });
    await service.subscribe('discord:1', { lang: 'en' });
    await scheduler.start();
    discord.script({ status: 'gone', reason: '50001 Missing Access' });
    clock.set('2026-01-11T08:00:00Z');
    await scheduler.idle();
    expect(await store.unreachable()).toEqual(new Map([['discord:1', { reason: '50001 Missing Access', since: clock.now() }]]));
    expect((await store.claims()).map((c) => [c.outcome, c.detail])).toEqual([['gone', '50001 Missing Access']]);
    expect((await service.list('discord:1'))[0]!.unreachable).toBe('50001 Missing Access');

    clock.set('2026-01-12T08:00:00Z');
    await scheduler.idle();
    expect(discord.posts).toEqual([]);
    expect(await store.claims()).toHaveLength(1);

    await service.subscribe('discord:1', { lang: 'en' });
    clock.set('2026-01-13T08:00:00Z');
    await scheduler.idle();
    expect(discord.posts).toHaveLength(1);
  });

  it('GIVEN a rate limit THEN it is waited out on the clock and the briefing posted once; other failures are not retried', async () => {
    const clock = new FakeClock(Date.parse('2026-01-10T12:00:00Z'));
    const discord = fakePoster();
    discord.useClock(clock);
    const { store, scheduler } = instance(freshDir(), clock, [discord.poster]);
    await subscribe(store, 'discord:1', clock.now(), { kind: 'daily', time: '08:00', timeZone: 'UTC' });
    await scheduler.start();
    discord.script({ status: 'retry', reason: 'ratelimited', afterMs: 30_000 });
    clock.set('2026-01-11T08:00:00Z');
    await clock.timerPending();
    expect(discord.posts).toEqual([]);
    clock.advance(30_000);
    await scheduler.idle();
    expect(discord.posts).toEqual([{ channel: '1', lang: 'en', at: Date.parse('2026-01-11T08:00:30Z') }]);

    discord.script({ status: 'failed', reason: '500 Internal Server Error' });
    clock.set('2026-01-12T08:00:00Z');
    await scheduler.idle();
    clock.set('2026-01-12T08:10:00Z');
    await scheduler.idle();
    expect(discord.posts).toHaveLength(1);
    expect((await store.claims()).map((c) => c.outcome)).toEqual(['posted', 'failed']);
  });

  it('GIVEN a platform this instance is not connected to THEN its slots are left for an instance that is', async () => {
    const dir = freshDir();
    const clock = new FakeClock(Date.parse('2026-01-10T12:00:00Z'));
    const discord = fakePoster('discord');
    const slack = fakePoster('slack');
    const discordOnly = instance(dir, clock, [discord.poster]);
    const both = instance(dir, clock, [discord.poster, slack.poster]);
    await subscribe(discordOnly.store, 'slack:C1', clock.now(), { kind: 'daily', time: '08:00', timeZone: 'UTC' });
    clock.set('2026-01-11T08:00:00Z');
    await discordOnly.scheduler.start();
    await both.scheduler.start();
    expect(slack.posts).toEqual([{ channel: 'C1', lang: 'en', at: 0 }]);
  });

  it('GIVEN an only-new subscription THEN it posts the newest article once, then only when a newer one is loaded; a plain one posts daily', async () => {
    const clock = new FakeClock(Date.parse('2026-01-10T12:00:00Z'));
    const discord = fakePoster();
    let article: PostedArticle = { id: 'strike', published: '2026-01-09' };
    const newest = () => ({ article, compose: (lang: Lang) => ({ ...compose(lang), text: `briefing of ${article.id}` }) });
    const { store, scheduler } = instance(freshDir(), clock, [discord.poster], 30, newest);
    const service = createSubscriptionService({ store, defaults: { time: '08:00', timeZone: 'UTC' }, clock });
    await service.subscribe('discord:news', { lang: 'en', onlyNew: true });
    await service.subscribe('discord:daily', { lang: 'en' });
    await scheduler.start();
    const postedTo = (channel: string) => discord.posts.filter((post) => post.channel === channel).length;

    clock.set('2026-01-11T08:00:00Z');
    await scheduler.idle();
    clock.set('2026-01-12T08:00:00Z');
    await scheduler.idle();
    expect([postedTo('news'), postedTo('daily')]).toEqual([1, 2]);
    expect((await store.subscriptions('discord:news'))[0]).toMatchObject({ onlyNew: true, lastArticle: { id: 'strike', published: '2026-01-09' } });
    // Skipped slots are not claimed: nothing was decided for them.
    expect((await store.claims('discord:news')).map((c) => c.slot)).toEqual(['2026-01-11T08:00:00.000Z']);

    article = { id: 'summit', published: '2026-01-12' };
    clock.set('2026-01-13T08:00:00Z');
    await scheduler.idle();
    clock.set('2026-01-14T08:00:00Z');
    await scheduler.idle();
    expect([postedTo('news'), postedTo('daily')]).toEqual([2, 4]);

    // The newer article removed: the older one is not news again.
    article = { id: 'strike', published: '2026-01-09' };
    clock.set('2026-01-15T08:00:00Z');
    await scheduler.idle();
    expect([postedTo('news'), postedTo('daily')]).toEqual([2, 5]);
  });

  it('GIVEN the article last posted and the one loaded THEN only another article of the same day or later is newer', () => {
    expect(isNewer({ id: 'a' }, undefined)).toBe(true);
    expect(isNewer({ id: 'a', published: '2026-01-02' }, { id: 'a', published: '2026-01-02' })).toBe(false);
    expect(isNewer({ id: 'b', published: '2026-01-02' }, { id: 'a', published: '2026-01-02' })).toBe(true);
    expect(isNewer({ id: 'b', published: '2026-01-01' }, { id: 'a', published: '2026-01-02' })).toBe(false);
    expect(isNewer({ id: 'b' }, { id: 'a', published: '2026-01-02' })).toBe(false);
    expect(isNewer({ id: 'b', published: '2026-01-01' }, { id: 'a' })).toBe(true);
  });

  it('GIVEN BRIEFING_CHANNELS THEN they become subscriptions, follow BRIEFING_TIME, and leave /subscribe ones alone', async () => {
    const store = openSqliteStore({ dataDir: freshDir() });
    cleanups.push(() => store.close());
    await syncConfigChannels(store, { channels: ['discord:1', 'slack:C1'], time: '08:00', timeZone: 'UTC' }, 1);
    await store.subscribe({ channel: 'discord:2', schedule: zurich8, lang: 'fr', origin: 'command' }, 2);
    await syncConfigChannels(store, { channels: ['slack:C1'], time: '09:00', timeZone: 'UTC' }, 3);
    expect((await store.subscriptions()).map((s) => [s.channel, s.origin, s.schedule.kind === 'daily' && s.schedule.time, s.createdAt])).toEqual([
      ['discord:2', 'command', '08:00', 2],
      ['slack:C1', 'config', '09:00', 3],
    ]);
  });
});
