// What the answer-trust issue measured: follow-ups only for follow-ups, small talk, question focus,
// composition, morphology and typos. Each case is asked as a reader would, in one conversation.
import { describe, expect, it } from 'vitest';
import { answerOnce, answerSession } from '../../src/core/answer-session.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const engine = createEngine(loadKnowledge('knowledge'));
const ids = (reply: { sources: { factId: string }[] }) => reply.sources.map((source) => source.factId);

describe('GIVEN an answered question THEN a new question with its own words is judged on them alone', () => {
  it.each([
    ['What did Putin say?', 'When was Putin born?'],
    ['What did Putin say?', "What is Erdogan's age?"],
    ['What did Putin say?', "Quelle est la monnaie de l'Iran ?"],
    ['What did Putin say?', 'How tall is Lavrov?'],
    ['How many people left Aleppo?', 'How many inhabitants does Aleppo have?'],
    ['Qui soutient les rebelles ?', 'How long does it take to fly from Moscow to Ankara?'],
    ['Qui soutient les rebelles ?', 'Tell me something funny'],
    ['Who backs Assad?', 'Lavrov est ministre depuis quand ?'],
  ])('after %j, %j is refused', (first, second) => {
    const conversation = answerSession(engine);
    expect(conversation.ask(first).answered).toBe(true);
    const reply = conversation.ask(second);
    expect(reply.answered).toBe(false);
    expect(reply.refused).toBe(true);
    expect(reply.sources).toEqual([]);
  });

  it('GIVEN "How many people reside in Aleppo?" asked fresh THEN it is refused: the inhabitants of a city are not the people who left it', () => {
    expect(answerOnce(engine, 'How many people reside in Aleppo?').answered).toBe(false);
  });

  it('GIVEN "And Erdogan?" after "What did Putin say?" THEN the follow-up still leans on the topic', () => {
    const conversation = answerSession(engine);
    conversation.ask('What did Putin say?');
    const reply = conversation.ask('And Erdogan?');
    expect(reply.answered).toBe(true);
    expect(reply.text).toMatch(/Erdogan/);
  });
});

describe('GIVEN small talk after an answer THEN it gets a short reply, never a fact nor the last answer', () => {
  it.each([
    ['ok', 'ack'],
    ['thanks!', 'thanks'],
    ['merci beaucoup', 'thanks'],
    ['who are you?', 'identity'],
    ['what can you do', 'identity'],
    ['?', 'empty'],
    ['👍', 'empty'],
    ['hello', 'greeting'],
    ['bye', 'bye'],
  ])('%j is small talk (%s)', (line, act) => {
    const conversation = answerSession(engine, { commands: [{ name: 'numbers', description: { en: 'The figures', fr: 'Les chiffres' } }] });
    const answered = conversation.ask('How many people left Aleppo?');
    const reply = conversation.ask(line);
    expect(reply.answer).toMatchObject({ kind: 'small-talk', act });
    expect(reply.answered).toBe(false);
    expect(reply.refused).toBe(false);
    expect(reply.sources).toEqual([]);
    expect(reply.text).not.toContain(answered.text);
    if (act === 'identity') expect(reply.text).toContain('/numbers');
  });

  it('GIVEN small talk THEN the topic is kept for the next follow-up', () => {
    const conversation = answerSession(engine);
    conversation.ask('What did Putin say?');
    conversation.ask('ok');
    expect(conversation.ask('And Erdogan?').text).toMatch(/Erdogan/);
  });
});

describe('GIVEN a broad question THEN every fact that answers it comes, grouped, each with its quote', () => {
  it('"Which promises did the three governments make?" gives the ceasefire, the talks in Kazakhstan and the statement', () => {
    const reply = answerOnce(engine, 'Which promises did the three governments make?');
    expect(ids(reply)).toEqual(expect.arrayContaining(['ceasefire-commitment', 'peace-talks-kazakhstan', 'ministers-agreed']));
    expect(reply.sources.length).toBeLessThanOrEqual(5);
    expect(reply.text.split('\n').filter((line) => line.startsWith('- ')).length).toBe(reply.sources.length);
  });

  it('"What was the reaction of the Turkish and Russian presidents?" gives more than the "provocation"', () => {
    const reply = answerOnce(engine, 'What was the reaction of the Turkish and Russian presidents?');
    expect(ids(reply)).toContain('provocation');
    expect(reply.sources.length).toBeGreaterThan(1);
  });

  it('"Quels États appuient Assad ?" gives his backers, not his own aim', () => {
    const reply = answerOnce(engine, 'Quels États appuient Assad ?');
    expect(ids(reply)).toEqual(['backers']);
  });
});

describe('GIVEN words the summary never wrote THEN morphology, shorthand and typos still reach the fact', () => {
  it.each([
    ['what did putin sya', 'en', 'putin-terrorism'],
    ['What role did the three countries offer to play in the negotiations?', 'en', 'guarantors'],
    ['ki a repri alep ?', 'fr', 'aleppo-retaken'],
    ['Quels pays soutiennent Assad ?', 'fr', 'backers'],
  ])('%j is answered in %s from %s', (question, lang, fact) => {
    const reply = answerOnce(engine, question);
    expect(reply.lang).toBe(lang);
    expect(ids(reply)).toContain(fact);
  });
});
