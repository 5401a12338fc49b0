import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScheduleText } from '../../commands/subscribe.ts';
import { createSubscriptionService } from '../../src/briefing/subscriptions.ts';
import { parseConfig } from '../../src/config.ts';
import { commands } from '../../commands/index.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { FakeClock } from './fake-clock.ts';

const knowledge = loadKnowledge('knowledge');
const config = parseConfig({ RATE_LIMIT_COUNT: '1000' });
const store = openSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'depeche-cmd-')) });
afterAll(() => store.close());
const clock = new FakeClock(Date.parse('2026-06-01T12:00:00Z'));
const subscriptions = createSubscriptionService({ store, defaults: { time: '08:00', timeZone: 'UTC' }, clock });
const depeche = createDepeche({ commands, knowledge, config, subscriptions });
const inChannel = { conversationKey: 'slack:T1:C1:U1', userKey: 'slack:T1:U1', channelKey: 'slack:C1', canManage: true };

describe('the subscription commands', () => {
  it('GIVEN what a Slack user types THEN the words are told apart by their shape', () => {
    expect(parseScheduleText('08:00 Europe/Zurich fr')).toEqual({ time: '08:00', timeZone: 'Europe/Zurich', lang: 'fr' });
    expect(parseScheduleText('0 8 * * 1-5 UTC english')).toEqual({ cron: '0 8 * * 1-5', timeZone: 'UTC', lang: 'en' });
    expect(parseScheduleText('français')).toEqual({ lang: 'fr' });
    expect(parseScheduleText('0 8 * JAN MON-FRI GMT')).toEqual({ cron: '0 8 * JAN MON-FRI', timeZone: 'GMT' });
    expect(parseScheduleText('')).toEqual({});
    expect(parseScheduleText('08:00 Mars/Olympus')).toEqual({ problem: 'timeZone' });
    expect(parseScheduleText('08:00 0 8 * * *')).toEqual({ unreadable: '0' });
    expect(parseScheduleText('07:30 only-new fr')).toEqual({ time: '07:30', onlyNew: true, lang: 'fr' });
  });

  it('GIVEN no channel (the terminal) or no store THEN they say briefings are for Discord and Slack channels', async () => {
    const terminal = { conversationKey: 'terminal', userKey: 'terminal' };
    for (const name of ['subscribe', 'unsubscribe', 'subscriptions']) {
      expect((await depeche.run(name, {}, terminal)).text).toBe('Scheduled briefings are only available in Discord and Slack channels.');
    }
    const storeless = createDepeche({ commands, knowledge, config });
    expect((await storeless.run('subscribe', {}, inChannel)).text).toBe('Scheduled briefings are only available in Discord and Slack channels.');
  });

  it('GIVEN defaults THEN a bare subscribe uses BRIEFING_TIME, BRIEFING_TZ and the user language; listing and removing by id work', async () => {
    const reply = await depeche.run('subscribe', {}, { ...inChannel, lang: 'fr' });
    expect(reply.text).toMatch(/^Ce salon recevra le résumé chaque jour à 08:00 \(UTC\), en français\. Prochain : mardi,? 2 juin 2026 à 08:00 UTC\.$/);
    await depeche.run('subscribe', { schedule: '0 18 * * 1-5 Europe/Zurich en' }, inChannel);
    const list = await depeche.run('subscriptions', {}, inChannel);
    expect(list.text.split('\n')).toEqual([
      expect.stringMatching(/^- #\d+: every day at 08:00 \(UTC\), in French; next: Tuesday,? 2 June 2026 at 08:00 UTC$/),
      expect.stringMatching(/^- #\d+: cron `0 18 \* \* 1-5` \(Europe\/Zurich\), in English; next: Monday,? 1 June 2026 at 18:00 CEST$/),
    ]);
    const id = /#(\d+)/.exec(list.text.split('\n')[1]!)![1]!;
    expect((await depeche.run('unsubscribe', { id: '999' }, inChannel)).text).toBe('This channel has no scheduled briefing #999; /subscriptions lists them.');
    expect((await depeche.run('unsubscribe', { id: `#${id}` }, inChannel)).text).toBe('This channel will no longer receive the scheduled briefing.');
    expect(await store.subscriptions('slack:C1')).toHaveLength(1);
    expect((await depeche.run('unsubscribe', {}, { ...inChannel, canManage: false })).text).toBe("You are not allowed to change this channel's scheduled briefings: ask someone who manages the channel.");
  });

  it('GIVEN only-new, typed on Slack or as a Discord flag THEN the subscription posts only newer articles, and says so', async () => {
    const channel = { ...inChannel, channelKey: 'slack:C2' };
    const typed = await depeche.run('subscribe', { schedule: '07:00 only-new' }, channel);
    expect(typed.text).toMatch(/It is posted only when there is an article newer than the last one posted here\.$/);
    const flagged = await depeche.run('subscribe', { schedule: '19:00', 'only-new': 'true' }, { ...channel, lang: 'fr' });
    expect(flagged.text).toMatch(/Il n'est publié que s'il existe un article plus récent que le dernier publié ici\.$/);
    await depeche.run('subscribe', { schedule: '12:00' }, channel);
    expect((await store.subscriptions('slack:C2')).map((s) => s.onlyNew)).toEqual([true, true, false]);
    const list = (await depeche.run('subscriptions', {}, channel)).text.split('\n');
    expect(list.map((line) => line.includes(', only new articles'))).toEqual([true, true, false]);
  });
});

describe('GIVEN a channel that subscribes again and again', () => {
  const channel = (id: string) => ({ ...inChannel, channelKey: `slack:${id}` });

  it('THEN it gets at most BRIEFING_MAX_PER_CHANNEL subscriptions, refused plainly beyond, and /subscriptions shows them', async () => {
    const capped = createDepeche({ commands, knowledge, config, subscriptions: createSubscriptionService({ store, defaults: { time: '08:00', timeZone: 'UTC' }, clock, maxPerChannel: 3 }) });
    for (const time of ['06:00', '12:00', '18:00']) expect((await capped.run('subscribe', { schedule: time }, channel('CCAP'))).text).toMatch(/^This channel will receive/);
    const refused = await capped.run('subscribe', { schedule: '21:00' }, channel('CCAP'));
    expect(refused.text).toBe('This channel already has as many scheduled briefings as allowed: /subscriptions lists them, and /unsubscribe removes one.');
    expect(await store.subscriptions('slack:CCAP')).toHaveLength(3);
    expect((await capped.run('subscriptions', {}, channel('CCAP'))).text.split('\n')).toHaveLength(3);
  });

  it('THEN its subscriptions together post at most 4 times in any hour, cron included', async () => {
    for (const time of ['09:00', '09:15', '09:30']) expect((await depeche.run('subscribe', { schedule: time }, channel('CHOUR'))).text).toMatch(/^This channel will receive/);
    expect((await depeche.run('subscribe', { schedule: '45 9 * * 1-5' }, channel('CHOUR'))).text).toMatch(/^This channel will receive/);
    const fifth = await depeche.run('subscribe', { schedule: '09:50' }, channel('CHOUR'));
    expect(fifth.text).toBe('With that one, this channel would get more than 4 briefings within an hour: choose another time, or /unsubscribe one first.');
    expect((await depeche.run('subscribe', { schedule: '11:00' }, channel('CHOUR'))).text).toMatch(/^This channel will receive/);
  });

  it('WHEN the words are names of an object\'s own properties THEN they are unreadable words, not a failure', async () => {
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(parseScheduleText(word)).not.toHaveProperty('lang');
      const reply = await depeche.run('subscribe', { schedule: word }, channel('CPROTO'));
      expect(reply.text).toMatch(/^I could not read/);
    }
    expect(await store.subscriptions('slack:CPROTO')).toEqual([]);
  });
});
