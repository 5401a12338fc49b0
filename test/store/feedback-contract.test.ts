import { afterEach, describe, expect, it } from 'vitest';
import type { RatedAnswer } from '../../src/store/types.ts';
import { closeAll, postgres, sqlite } from './places.ts';

afterEach(closeAll);

/** What every Store must do with answers people rate and their votes: one suite, run on each implementation. */
describe.each([sqlite, postgres])("the $name store's answers and votes", (kind) => {
  const openEmpty = async () => (await kind.place()).open();
  const answer = (id: string, extra: Partial<RatedAnswer> = {}): RatedAnswer => ({
    id,
    question: 'how many people left aleppo',
    entries: ['evacuees', 'evacuation-duration'],
    articles: ['syria-ceasefire-talks'],
    lang: 'en',
    ...extra,
  });

  it('GIVEN refused questions and votes of different ages THEN retention forgets those last asked or cast before the bound, and keeps the rest', async () => {
    const store = await openEmpty();
    await store.recordUnanswered('old question', 100);
    await store.recordUnanswered('asked again', 100);
    await store.recordUnanswered('asked again', 5000);
    await store.saveAnswer(answer('a1'), 10);
    await store.saveAnswer(answer('a2', { entries: ['other'] }), 10);
    await store.vote({ answerId: 'a1', voter: 'v1', helpful: true }, 200);
    await store.vote({ answerId: 'a2', voter: 'v1', helpful: true }, 6000);
    expect(await store.pruneRecords(1000)).toEqual({ questions: 1, votes: 1 });
    expect((await store.listUnanswered()).map((q) => q.text)).toEqual(['asked again']);
    expect((await store.listVotes({ helpful: true })).map((tally) => tally.entries)).toEqual([['other']]);
    expect(await store.pruneRecords(1000)).toEqual({ questions: 0, votes: 0 });
  });

  it('GIVEN no saved answer THEN a vote on it is refused and nothing is counted', async () => {
    const store = await openEmpty();
    expect(await store.vote({ answerId: 'nope', voter: 'v1', helpful: false }, 1)).toBe(false);
    expect(await store.listVotes({ helpful: false })).toEqual([]);
    expect(await store.listVotes({ helpful: true })).toEqual([]);
  });

  it('GIVEN one voter clicking again and changing their mind THEN they count once, with their latest vote', async () => {
    const store = await openEmpty();
    await store.saveAnswer(answer('a1'), 10);
    expect(await store.vote({ answerId: 'a1', voter: 'v1', helpful: false }, 11)).toBe(true);
    expect(await store.vote({ answerId: 'a1', voter: 'v1', helpful: false }, 12)).toBe(true);
    expect(await store.listVotes({ helpful: false })).toEqual([
      { question: 'how many people left aleppo', entries: ['evacuees', 'evacuation-duration'], articles: ['syria-ceasefire-talks'], lang: 'en', helpful: 0, notHelpful: 1, lastVoted: 12 },
    ]);
    expect(await store.vote({ answerId: 'a1', voter: 'v1', helpful: true }, 13)).toBe(true);
    expect(await store.listVotes({ helpful: false })).toEqual([]);
    expect(await store.listVotes({ helpful: true })).toMatchObject([{ helpful: 1, notHelpful: 0, lastVoted: 13 }]);
  });

  it('GIVEN several answers to one question on the same entries THEN their votes add up in one tally, apart from other entries and languages', async () => {
    const store = await openEmpty();
    await store.saveAnswer(answer('a1'), 1);
    await store.saveAnswer(answer('a2'), 2);
    await store.saveAnswer(answer('a3', { entries: ['evacuees'] }), 3);
    await store.saveAnswer(answer('a4', { question: 'combien de personnes ont quitté alep', lang: 'fr' }), 4);
    await store.vote({ answerId: 'a1', voter: 'v1', helpful: false }, 10);
    await store.vote({ answerId: 'a1', voter: 'v2', helpful: true }, 11);
    await store.vote({ answerId: 'a2', voter: 'v1', helpful: false }, 12);
    await store.vote({ answerId: 'a3', voter: 'v3', helpful: false }, 13);
    await store.vote({ answerId: 'a4', voter: 'v4', helpful: true }, 14);
    await store.vote({ answerId: 'a4', voter: 'v5', helpful: true }, 15);

    const unhelpful = await store.listVotes({ helpful: false });
    expect(unhelpful.map((t) => [t.question, t.entries, t.helpful, t.notHelpful])).toEqual([
      ['how many people left aleppo', ['evacuees', 'evacuation-duration'], 1, 2],
      ['how many people left aleppo', ['evacuees'], 0, 1],
    ]);
    const helpful = await store.listVotes({ helpful: true });
    expect(helpful.map((t) => [t.question, t.lang, t.helpful, t.notHelpful, t.lastVoted])).toEqual([
      ['combien de personnes ont quitté alep', 'fr', 2, 0, 15],
      ['how many people left aleppo', 'en', 1, 2, 12],
    ]);
    expect(await store.listVotes({ helpful: true, limit: 1 })).toHaveLength(1);
  });

  it('GIVEN tallies with as many votes THEN the most recently voted comes first', async () => {
    const store = await openEmpty();
    await store.saveAnswer(answer('old', { question: 'who signed' }), 1);
    await store.saveAnswer(answer('new', { question: 'who guarantees the talks' }), 1);
    await store.vote({ answerId: 'old', voter: 'v1', helpful: false }, 5);
    await store.vote({ answerId: 'new', voter: 'v1', helpful: false }, 6);
    expect((await store.listVotes({ helpful: false })).map((t) => t.question)).toEqual(['who guarantees the talks', 'who signed']);
  });

  it('GIVEN answers pruned THEN they can no longer be rated, and the votes already cast stay counted', async () => {
    const store = await openEmpty();
    await store.saveAnswer(answer('old'), 100);
    await store.saveAnswer(answer('recent'), 200);
    await store.vote({ answerId: 'old', voter: 'v1', helpful: false }, 150);
    expect(await store.pruneAnswers(200)).toBe(1);
    expect(await store.vote({ answerId: 'old', voter: 'v2', helpful: false }, 210)).toBe(false);
    expect(await store.vote({ answerId: 'old', voter: 'v1', helpful: true }, 210)).toBe(false);
    expect(await store.vote({ answerId: 'recent', voter: 'v2', helpful: false }, 210)).toBe(true);
    expect(await store.listVotes({ helpful: false })).toMatchObject([{ notHelpful: 2, helpful: 0 }]);
  });

  it('GIVEN an answer id saved twice THEN the first one stays', async () => {
    const store = await openEmpty();
    await store.saveAnswer(answer('a1'), 1);
    await store.saveAnswer(answer('a1', { question: 'something else' }), 2);
    await store.vote({ answerId: 'a1', voter: 'v1', helpful: true }, 3);
    expect((await store.listVotes({ helpful: true })).map((t) => t.question)).toEqual(['how many people left aleppo']);
    expect(await store.pruneAnswers(2)).toBe(1);
  });
});
