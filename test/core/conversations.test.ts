// The core keeps each conversation's topic and offered suggestions (ConversationStore); a bare number picks one.
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { memoryConversations } from '../../src/core/conversations.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const knowledge = loadKnowledge('knowledge');
const who = (key: string) => ({ conversationKey: key, userKey: `user:${key}` });

function depecheWithClock() {
  let clock = 0;
  const depeche = createDepeche({ commands, knowledge, config: { conversationTtlMs: 1_000, maxQuestionLength: 500 }, now: () => clock });
  return { depeche, advance: (ms: number) => (clock += ms) };
}

describe('GIVEN numbered suggestions THEN a bare number asks one, and a number not offered says so', () => {
  it('GIVEN a refusal with suggestions THEN "2" asks the second and "7" says there is no suggestion 7', async () => {
    const { depeche } = depecheWithClock();
    const refusal = await depeche.ask('What is the capital of Kazakhstan?', who('a'));
    expect(refusal.refused).toBe(true);
    expect(refusal.suggestions.length).toBeGreaterThanOrEqual(2);

    const none = await depeche.ask('7', who('a'));
    expect(none.answered).toBe(false);
    expect(none.text).toBe(`There is no suggestion 7: pick a number from 1 to ${refusal.suggestions.length}, or ask a question.`);

    const picked = await depeche.ask('2', who('a'));
    const direct = await depeche.ask(refusal.suggestions[1]!, who('b'));
    expect(picked.answered).toBe(true);
    expect(picked.text).toBe(direct.text);
  });

  it('GIVEN no suggestion was offered THEN a bare number says so instead of answering the last question again', async () => {
    const { depeche } = depecheWithClock();
    await depeche.ask('How many people left Aleppo?', who('c'));
    const reply = await depeche.ask('7', who('c'));
    expect(reply.answered).toBe(false);
    expect(reply.sources).toEqual([]);
    expect(reply.text).toMatch(/no suggestion 7/);
  });
});

describe('GIVEN the in-memory ConversationStore', () => {
  it('GIVEN silence longer than conversationTtlMs THEN the follow-up no longer uses the old topic', async () => {
    const { depeche, advance } = depecheWithClock();
    const fresh = await depeche.ask('And Erdogan?', who('fresh'));
    await depeche.ask('What did Putin say?', who('d'));
    advance(999);
    const within = await depeche.ask('And Erdogan?', who('d'));
    expect(within.text).not.toBe(fresh.text);
    await depeche.ask('What did Putin say?', who('d'));
    advance(1_001);
    const expired = await depeche.ask('And Erdogan?', who('d'));
    expect(expired.text).toBe(fresh.text);
  });

  it('GIVEN two keys THEN each keeps its own state, and clear forgets both', async () => {
    const store = memoryConversations({ ttlMs: 60_000 });
    await store.set('x', { suggestions: ['a'] });
    await store.set('y', { suggestions: ['b'] });
    expect(await store.get('x')).toEqual({ suggestions: ['a'] });
    expect(await store.get('y')).toEqual({ suggestions: ['b'] });
    await store.clear();
    expect(await store.get('x')).toBeUndefined();
  });
});
