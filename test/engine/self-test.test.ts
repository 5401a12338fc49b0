// The self-test generated for every article: questions that name its actors but ask what it cannot answer.
import { describe, expect, it } from 'vitest';
import { answerOnce, answerSession } from '../../src/core/answer-session.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { hardNegatives } from '../../src/engine/self-test.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { twoArticleKnowledge } from '../fixtures/two-articles.ts';

const knowledge = loadKnowledge('knowledge');
const engine = createEngine(knowledge);

describe('hardNegatives', () => {
  it('GIVEN an article THEN it makes questions in both languages from each kind of actor it names', () => {
    const article = knowledge.articles.find((a) => a.id === 'syria-ceasefire-talks')!;
    const questions = hardNegatives(article);
    expect(questions.some((q) => q.lang === 'en')).toBe(true);
    expect(questions.some((q) => q.lang === 'fr')).toBe(true);
    const person = article.actors.find((actor) => actor.kind === 'person')!;
    expect(questions.some((q) => q.asks === 'age' && q.question.includes(person.names[0]!.split(' ')[0]!))).toBe(true);
    expect(questions.map((q) => q.asks)).toEqual(expect.arrayContaining(['age', 'population', 'weather', 'economy', 'humour', 'distance']));
  });
});

describe.each([
  ['the served knowledge', knowledge],
  ['the two-article fixture', loadKnowledge(twoArticleKnowledge())],
])('GIVEN %s', (_, loaded) => {
  const engineFor = loaded === knowledge ? engine : createEngine(loaded);
  for (const article of loaded.articles) {
    it(`THEN every hard negative of ${article.id} is refused, alone and right after an answered question`, () => {
      const answerable = article.facts.map((fact) => fact.questions.en[0]!);
      const answered: string[] = [];
      hardNegatives(article).forEach((negative, n) => {
        if (answerOnce(engineFor, negative.question).answered) answered.push(`alone: ${negative.question}`);
        const conversation = answerSession(engineFor);
        conversation.ask(answerable[n % answerable.length]!);
        if (conversation.ask(negative.question).answered) answered.push(`after an answer: ${negative.question}`);
      });
      expect(answered).toEqual([]);
    });
  }
});
