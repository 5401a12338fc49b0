import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commands as registry } from '../../commands/index.ts';
import { parseConfig } from '../../src/config.ts';
import { createDepeche, type Depeche } from '../../src/core/depeche.ts';
import { ANSWER_TTL_MS, voterOf, type FeedbackOptions } from '../../src/core/feedback.ts';
import { gate } from '../../src/ops/gate.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';

const knowledge = loadKnowledge('knowledge');
const config = parseConfig({ RATE_LIMIT_COUNT: '1000' });
const alice = { conversationKey: 'test:c1', userKey: 'test:alice' };
const bob = { conversationKey: 'test:c1', userKey: 'test:bob' };

const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

function withStore(options: { now?: () => number; feedback?: Partial<FeedbackOptions> } = {}): { depeche: Depeche; store: Store } {
  const store = openSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'depeche-feedback-')) });
  stores.push(store);
  const depeche = createDepeche({ commands: registry, knowledge, config, now: options.now, feedback: { store, ...options.feedback } });
  return { depeche, store };
}

describe('rating answers in the core', () => {
  it('GIVEN a store THEN answers with sources carry an answer id, and refusals, greetings, gaps and help do not', async () => {
    const { depeche } = withStore();
    const answer = await depeche.ask('How many people left Aleppo?', alice);
    expect(answer.answerId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await depeche.run('numbers', {}, alice)).answerId).toEqual(expect.any(String));
    for (const reply of [
      await depeche.ask('Who won the World Cup?', alice),
      await depeche.ask('hello', alice),
      await depeche.ask('How many people died?', alice),
      await depeche.run('help', {}, alice),
      await depeche.run('ask', {}, alice),
    ]) {
      expect(reply.answerId, reply.text).toBeUndefined();
    }
    // Where buttons cannot be shown, nothing is saved for rating.
    expect((await depeche.run('briefing', {}, { ...alice, unrated: true })).answerId).toBeUndefined();
  });

  it('GIVEN no store THEN answers carry no answer id and a stray click is told ratings are not recorded', async () => {
    const depeche = createDepeche({ commands: registry, knowledge, config });
    expect((await depeche.ask('How many people left Aleppo?', alice)).answerId).toBeUndefined();
    expect(await depeche.feedback({ answerId: 'x', helpful: true, lang: 'fr' }, alice)).toMatchObject({ text: 'Les avis ne sont pas enregistrés ici.', private: true });
  });

  it('GIVEN votes THEN each is thanked privately in the answer language, counted once per user, with the question, the entries and the article, and no user id', async () => {
    const { depeche, store } = withStore();
    const english = await depeche.ask('How many people left Aleppo?', alice);
    const french = await depeche.ask('Où auront lieu les pourparlers de paix ?', alice);
    expect(french.lang).toBe('fr');

    expect(await depeche.feedback({ answerId: english.answerId!, helpful: true, lang: 'en' }, alice)).toMatchObject({ text: 'Thanks, noted.', private: true, answered: false });
    await depeche.feedback({ answerId: english.answerId!, helpful: false, lang: 'en' }, alice);
    await depeche.feedback({ answerId: english.answerId!, helpful: false, lang: 'en' }, bob);
    expect(await depeche.feedback({ answerId: french.answerId!, helpful: false, lang: 'fr' }, bob)).toMatchObject({ text: "Merci, c'est noté.", private: true });

    const unhelpful = await store.listVotes({ helpful: false });
    expect(unhelpful).toEqual([
      {
        question: 'how many people left aleppo',
        entries: english.sources.map((source) => source.factId),
        articles: ['syria-ceasefire-talks'],
        lang: 'en',
        helpful: 0,
        notHelpful: 2,
        lastVoted: expect.any(Number),
      },
      expect.objectContaining({ question: 'où auront lieu les pourparlers de paix', entries: ['peace-talks-kazakhstan'], lang: 'fr', notHelpful: 1 }),
    ]);
    expect(await store.listVotes({ helpful: true })).toEqual([]);
    expect(JSON.stringify(unhelpful)).not.toMatch(/alice|bob/);
    expect(voterOf('a', 'test:alice')).not.toContain('alice');
    expect(voterOf('a', 'test:alice')).not.toBe(voterOf('b', 'test:alice'));
  });

  it('GIVEN two instances sharing one store THEN a click on an answer of one, reaching the other, is recorded', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'depeche-feedback-shared-'));
    const [storeA, storeB] = [openSqliteStore({ dataDir }), openSqliteStore({ dataDir })];
    stores.push(storeA, storeB);
    const instanceA = createDepeche({ commands: registry, knowledge, config, feedback: { store: storeA } });
    const instanceB = createDepeche({ commands: registry, knowledge, config, feedback: { store: storeB } });
    const answer = await instanceA.ask('Who retook Aleppo?', alice);
    expect((await instanceB.feedback({ answerId: answer.answerId!, helpful: false, lang: 'en' }, alice)).text).toBe('Thanks, noted.');
    expect(await storeA.listVotes({ helpful: false })).toMatchObject([{ question: 'who retook aleppo', notHelpful: 1 }]);
  });

  it('GIVEN an answer older than the time answers are kept THEN its vote is refused with a reason and not counted', async () => {
    let clock = Date.UTC(2026, 0, 1);
    const { depeche, store } = withStore({ now: () => clock });
    const old = await depeche.ask('Where will the peace talks be held?', alice);
    clock += ANSWER_TTL_MS + 3600_000;
    // The next answer prunes what has outlived its time.
    await depeche.ask('How many people left Aleppo?', alice);
    await expect.poll(async () => depeche.feedback({ answerId: old.answerId!, helpful: false, lang: 'en' }, alice)).toMatchObject({
      text: 'That answer is over 30 days old and can no longer be rated; ask again to rate a fresh one.',
      private: true,
    });
    expect(await store.listVotes({ helpful: false })).toEqual([]);
  });

  it('GIVEN the store failing to save an answer THEN the answer still goes out, without buttons, and the failure is reported', async () => {
    const { depeche, store } = withStore({ feedback: { onError: (error, what) => failures.push(`${what}: ${String(error)}`) } });
    const failures: string[] = [];
    await store.close();
    const reply = await depeche.ask('How many people left Aleppo?', alice);
    expect(reply.answered).toBe(true);
    expect(reply.answerId).toBeUndefined();
    expect(failures).toEqual([expect.stringMatching(/^saving an answer people may rate: .*not open/)]);
  });

  it('GIVEN a shutdown under way THEN a click gets the shutting-down reply and nothing is recorded', async () => {
    const { depeche, store } = withStore();
    const gated = gate(depeche);
    const answer = await gated.depeche.ask('How many people left Aleppo?', alice);
    gated.close();
    expect((await gated.depeche.feedback({ answerId: answer.answerId!, helpful: false, lang: 'en' }, alice)).text).toMatch(/shutting down/);
    expect(await store.listVotes({ helpful: false })).toEqual([]);
  });
});
