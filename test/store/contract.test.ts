import { afterEach, describe, expect, it } from 'vitest';
import { normalizeQuestion } from '../../src/store/types.ts';
import { closeAll, postgres, sqlite } from './places.ts';

afterEach(closeAll);

const daily = { kind: 'daily', time: '08:00', timeZone: 'Europe/Zurich' } as const;

/** What every Store must do, whatever it keeps its data in: one suite, run on each implementation. */
describe.each([sqlite, postgres])('the $name store', (kind) => {
  it('GIVEN a subscription THEN another connection lists it, and it survives a reopen', async () => {
    const place = await kind.place();
    const a = await place.open();
    const sub = await a.subscribe({ channel: 'discord:1', schedule: daily, lang: 'fr', origin: 'command' }, 1000);
    expect(sub).toEqual({ id: expect.any(Number), channel: 'discord:1', schedule: daily, lang: 'fr', origin: 'command', createdAt: 1000, onlyNew: false });
    const cron = await a.subscribe({ channel: 'slack:C1', schedule: { kind: 'cron', cron: '0 9 * * 1-5', timeZone: 'UTC' }, lang: 'en', origin: 'config' }, 2000);
    const b = await place.open();
    expect(await b.subscriptions()).toEqual([sub, cron]);
    expect(await b.subscriptions('slack:C1')).toEqual([cron]);
    await a.close();
    expect(await (await place.open()).subscriptions('discord:1')).toEqual([sub]);
  });

  it('GIVEN the same channel and schedule subscribed twice THEN there is one subscription, in the latest language, with its first origin', async () => {
    const store = await (await kind.place()).open();
    const first = await store.subscribe({ channel: 'discord:1', schedule: daily, lang: 'en', origin: 'config' }, 1);
    const second = await store.subscribe({ channel: 'discord:1', schedule: daily, lang: 'fr', origin: 'command' }, 2);
    expect(second).toEqual({ ...first, lang: 'fr', createdAt: 2 });
    expect(await store.subscriptions('discord:1')).toEqual([second]);
    await store.subscribe({ channel: 'discord:1', schedule: { ...daily, time: '18:00' }, lang: 'en', origin: 'command' }, 3);
    expect(await store.unsubscribe('discord:1', first.id)).toBe(1);
    expect(await store.unsubscribe('discord:1', first.id)).toBe(0);
    expect(await store.subscriptions('discord:1')).toHaveLength(1);
    expect(await store.unsubscribe('discord:1')).toBe(1);
    expect(await store.subscriptions()).toEqual([]);
  });

  it('GIVEN an only-new subscription THEN the article of its last post is kept, and renewing it keeps that article', async () => {
    const place = await kind.place();
    const store = await place.open();
    const sub = await store.subscribe({ channel: 'slack:C1', schedule: daily, lang: 'en', origin: 'command', onlyNew: true }, 1);
    expect(sub).toMatchObject({ onlyNew: true });
    expect(sub.lastArticle).toBeUndefined();
    await store.recordPostedArticle(sub.id, { id: 'summit', published: '2026-01-12' });
    await store.recordPostedArticle((await store.subscribe({ channel: 'slack:C2', schedule: daily, lang: 'en', origin: 'command' }, 1)).id, { id: 'undated' });
    const renewed = await store.subscribe({ channel: 'slack:C1', schedule: daily, lang: 'fr', origin: 'command' }, 2);
    expect(renewed).toMatchObject({ id: sub.id, onlyNew: false, lastArticle: { id: 'summit', published: '2026-01-12' } });
    await store.close();
    expect((await (await place.open()).subscriptions()).map((s) => [s.channel, s.onlyNew, s.lastArticle])).toEqual([
      ['slack:C1', false, { id: 'summit', published: '2026-01-12' }],
      ['slack:C2', false, { id: 'undated' }],
    ]);
  });

  it('GIVEN two connections claiming the same channel and slot at once THEN exactly one gets it, and the outcome is kept', async () => {
    const place = await kind.place();
    const [a, b] = [await place.open(), await place.open()];
    const claim = { channel: 'discord:1', slot: '2026-03-29T06:00:00.000Z', subscriptionId: 1 };
    const attempts = Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim({ ...claim, instance: i % 2 ? 'a' : 'b' }, 1));
    expect((await Promise.all(attempts)).filter(Boolean)).toHaveLength(1);
    const [winner] = await a.claims('discord:1');
    expect(await b.claim({ ...claim, slot: '2026-03-30T06:00:00.000Z', instance: 'b' }, 3)).toBe(true);
    await a.finish(claim.channel, claim.slot, 'posted', undefined, 4);
    await a.finish(claim.channel, '2026-03-30T06:00:00.000Z', 'failed', 'missing_scope', 5);
    expect(await b.claims()).toEqual([
      { ...claim, instance: winner!.instance, claimedAt: 1, outcome: 'posted' },
      { ...claim, slot: '2026-03-30T06:00:00.000Z', instance: 'b', claimedAt: 3, outcome: 'failed', detail: 'missing_scope' },
    ]);
    expect(await a.pruneClaims(3)).toBe(1);
    expect(await b.claims('discord:1')).toHaveLength(1);
  });

  it('GIVEN a channel marked unreachable THEN every connection sees it, with its first date, until it is cleared', async () => {
    const place = await kind.place();
    const a = await place.open();
    await a.markUnreachable('slack:C9', 'channel_not_found', 7);
    await a.markUnreachable('slack:C9', 'is_archived', 8);
    expect(await (await place.open()).unreachable()).toEqual(new Map([['slack:C9', { reason: 'is_archived', since: 7 }]]));
    await a.clearUnreachable('slack:C9');
    expect((await a.unreachable()).size).toBe(0);
  });

  it('GIVEN unanswered questions from two connections THEN they are counted together in normalized form, most asked first', async () => {
    const place = await kind.place();
    const [a, b] = [await place.open(), await place.open()];
    await a.recordUnanswered('Who won the  World Cup?', 1);
    await b.recordUnanswered('what is the capital of Kazakhstan', 2);
    await b.recordUnanswered('who won the world cup', 3);
    await a.recordUnanswered('  ', 4);
    await a.recordUnanswered('Qui a gagné la Coupe du monde ?', 5);
    expect(await b.listUnanswered()).toEqual([
      { text: 'who won the world cup', count: 2, firstSeen: 1, lastSeen: 3 },
      { text: 'qui a gagné la coupe du monde', count: 1, firstSeen: 5, lastSeen: 5 },
      { text: 'what is the capital of kazakhstan', count: 1, firstSeen: 2, lastSeen: 2 },
    ]);
    expect(await a.listUnanswered(1)).toHaveLength(1);
    expect(normalizeQuestion('  Où est Alep ?! ')).toBe('où est alep');
  });

  it('GIVEN one delivery offered by several connections THEN exactly one is first, repeats are not until it expires', async () => {
    const place = await kind.place();
    const [a, b] = [await place.open(), await place.open()];
    const offers = Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).firstDelivery('slack-event:Ev1', 1000, 100));
    expect((await Promise.all(offers)).filter(Boolean)).toHaveLength(1);
    expect(await a.firstDelivery('slack-event:Ev1', 1000, 1099)).toBe(false);
    expect(await b.firstDelivery('slack-event:Ev2', 1000, 1099)).toBe(true);
    // Expired: a new delivery of the same key (Slack reuses no event id, but the record must not live forever).
    expect(await b.firstDelivery('slack-event:Ev1', 1000, 1100)).toBe(true);
    expect(await a.firstDelivery('slack-event:Ev1', 1000, 1200)).toBe(false);
  });
});
