import { syrianArticleKnowledge } from '../fixtures/two-articles.ts';
import { describe, expect, it } from 'vitest';
import { answerOnce, answerSession } from '../../src/core/answer-session.ts';
import type { AnswerText } from '../../src/core/answer-text.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

type Answer = AnswerText;

const knowledge = loadKnowledge(syrianArticleKnowledge());
const article = knowledge.newest;
const factIds = new Set([...article.facts, ...article.actors].map((entry) => entry.id));
const actorsOf = (factId: string): string[] => article.facts.find((fact) => fact.id === factId)?.actors ?? [];

const engine = createEngine(knowledge);
/** Conversations by key, as the core keeps them. */
const sessions = new Map<string, ReturnType<typeof answerSession>>();
function session(key: string) {
  if (!sessions.has(key)) sessions.set(key, answerSession(engine));
  return sessions.get(key)!;
}

let keyCounter = 0;
/** Each call in its own conversation unless a key is given. */
function ask(question: string, key = `fresh-${(keyCounter += 1)}`, lang?: 'en' | 'fr'): Answer {
  return session(key).ask(question, { lang });
}

function expectGrounded(answer: Answer): void {
  expect(answer.answered).toBe(true);
  expect(answer.sources.length).toBeGreaterThan(0);
  for (const source of answer.sources) {
    expect(article.source, source.factId).toContain(source.quote);
    expect(factIds.has(source.factId), source.factId).toBe(true);
  }
}

describe('engine: answers grounded in the article', () => {
  it('GIVEN the same question in English and in French THEN each is answered in its language from the same fact', () => {
    const en = ask('Where will the peace talks be held?');
    const fr = ask('Où auront lieu les négociations de paix ?');
    expectGrounded(en);
    expectGrounded(fr);
    expect(en.lang).toBe('en');
    expect(fr.lang).toBe('fr');
    expect(en.text).toMatch(/Kazakhstan/);
    expect(fr.text).toMatch(/Kazakhstan/);
    expect(en.text).not.toBe(fr.text);
    expect(fr.text).toMatch(/négociations/);
    expect(en.sources.map((s) => s.factId)).toEqual(fr.sources.map((s) => s.factId));
  });

  it('GIVEN "How many people left Aleppo?" THEN the answer gives 25 000 and rests on the evacuees fact', () => {
    const answer = ask('How many people left Aleppo?');
    expectGrounded(answer);
    expect(answer.text).toMatch(/25[ ,.'\u00a0\u202f]?000/);
    expect(answer.sources.map((s) => s.factId)).toContain('evacuees');
  });

  it('GIVEN "combien d\'interpellations" THEN the French answer gives six arrests', () => {
    const answer = ask("combien d'interpellations");
    expectGrounded(answer);
    expect(answer.lang).toBe('fr');
    expect(answer.text).toMatch(/\b(6|six)\b/i);
    expect(answer.sources.map((s) => s.factId)).toContain('six-arrests');
  });

  it.each([
    ['What is the death toll?', /does not say/],
    ['How many people died?', /does not say/],
    ['Combien de morts ?', /ne dit pas/],
    ['Combien de personnes ont été tuées ?', /ne dit pas/],
  ])('GIVEN the death-toll question %j THEN it says the article does not say, with no number', (question, notSaid) => {
    const answer = ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(notSaid);
    expect(answer.text).not.toMatch(/\d/);
  });

  // BUG: "killed" sits in the synonym group of "assassination" as well as in the one of "dead/toll", so
  // "How many people were killed?" ranks the six-arrests figure first and answers "Six people were detained…":
  // a reader takes it as a toll of six dead. It should say the article gives no death toll.
  it('GIVEN "How many people were killed?" THEN it says the article does not say, and gives no number', () => {
    const answer = ask('How many people were killed?');
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/does not say/);
    expect(answer.text).not.toMatch(/\d|six/i);
  });

  it.each([
    ['What is the capital of Kazakhstan?', 'en'],
    ['Quel temps fait-il à Ankara ?', 'fr'],
    ['Tell me a joke', 'en'],
    ['How much does a barrel of oil cost?', 'en'],
  ] as const)('GIVEN the out-of-scope %j THEN it is refused with 1-3 suggestions that are themselves answered', (question, lang) => {
    const answer = ask(question);
    expect(answer.answered).toBe(false);
    expect(answer.sources).toEqual([]);
    expect(answer.lang).toBe(lang);
    expect(answer.suggestions.length).toBeGreaterThanOrEqual(1);
    expect(answer.suggestions.length).toBeLessThanOrEqual(3);
    for (const suggestion of answer.suggestions) {
      const followed = ask(suggestion);
      expect(followed.answered, suggestion).toBe(true);
      expect(followed.sources.length, suggestion).toBeGreaterThan(0);
    }
  });

  it('GIVEN typos and missing accents THEN the question is still understood', () => {
    const aleppo = ask('combien de persones ont quitte alep');
    expectGrounded(aleppo);
    expect(aleppo.lang).toBe('fr');
    expect(aleppo.sources.map((s) => s.factId)).toContain('evacuees');

    const lavrov = ask('who is lavorv');
    expectGrounded(lavrov);
    expect(lavrov.text).toMatch(/Lavrov/);
    expect(lavrov.sources.map((s) => s.factId)).toContain('lavrov');
  });

  // BUG (regression from b3c7330 "later parts of a question lean on the earlier ones"): the second part,
  // "where will the talks be held", is merged with "Who backs Assad" and answered with assad-aim and guarantors;
  // asked alone it gives peace-talks-kazakhstan. The answer no longer says where the talks will be held.
  it('GIVEN a question in two parts THEN both parts are answered, with sources from both facts', () => {
    const answer = ask('Who backs Assad and where will the talks be held?');
    expectGrounded(answer);
    const ids = answer.sources.map((s) => s.factId);
    expect(ids).toContain('backers');
    expect(ids).toContain('peace-talks-kazakhstan');
    expect(answer.text).toMatch(/backers/);
    expect(answer.text).toMatch(/Kazakhstan/);
  });

  it('GIVEN a two-part question THEN each part is answered from its own fact', () => {
    const answer = ask('Where will the peace talks be held and who backs Assad?');
    expectGrounded(answer);
    const ids = answer.sources.map((s) => s.factId);
    expect(ids).toContain('peace-talks-kazakhstan');
    expect(ids).toContain('backers');
    expect(answer.text).toMatch(/Kazakhstan/);
    expect(answer.text).toMatch(/backers/);
  });

  // BUG (same cause as above): in "How many people left Aleppo and how many were arrested?" the second part
  // leans on the first and is answered with evacuation-duration instead of six-arrests.
  it('GIVEN two figures asked at once THEN both figures are answered', () => {
    const answer = ask('How many people left Aleppo and how many were arrested?');
    const ids = answer.sources.map((s) => s.factId);
    expect(ids).toContain('evacuees');
    expect(ids).toContain('six-arrests');
  });

  // BUG: splitQuestion does not split on "et où" (see split.test.ts), so this French two-part question is
  // treated as one, matches no fact well, and is refused, while its English twin is answered.
  it('GIVEN the same two-part question in French THEN both parts are answered too', () => {
    const answer = ask('Qui soutient Bachar al Assad et où auront lieu les négociations de paix ?');
    expectGrounded(answer);
    const ids = answer.sources.map((s) => s.factId);
    expect(ids).toContain('backers');
    expect(ids).toContain('peace-talks-kazakhstan');
  });

  it('GIVEN "summarize" or "résume l\'article" THEN the briefing comes back, in that language, with several sources', () => {
    const briefingIds = article.briefing.map((fact) => fact.id);
    const en = ask('summarize');
    expectGrounded(en);
    expect(en.lang).toBe('en');
    expect(en.sources.map((s) => s.factId)).toEqual(briefingIds);
    const fr = ask("résume l'article");
    expectGrounded(fr);
    expect(fr.lang).toBe('fr');
    expect(fr.sources.length).toBeGreaterThan(1);
    expect(fr.text).toContain(article.briefing[0]!.text.fr);
  });

  it.each(['hello', 'bonjour', 'Hi!'])('GIVEN the greeting %j THEN it is not an answer and has no sources', (greeting) => {
    const answer = ask(greeting);
    expect(answer.answered).toBe(false);
    expect(answer.sources).toEqual([]);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  // BUG: "bonjour" alone carries none of the French function words detectLanguage counts and no accent,
  // so a fresh conversation greets back in English ("Hello! …"). The reply should be in French.
  it('GIVEN "bonjour" in a fresh conversation THEN the greeting is in French', () => {
    const answer = ask('bonjour');
    expect(answer.lang).toBe('fr');
    expect(answer.text).toMatch(/^Bonjour/);
  });
});

describe('engine: follow-ups within one conversation', () => {
  it('GIVEN "What did Putin say?" THEN "And Erdogan?" in the same conversation answers what Erdogan said', () => {
    const putin = ask('What did Putin say?', 'chat');
    expectGrounded(putin);
    expect(putin.sources.some((s) => actorsOf(s.factId).includes('putin'))).toBe(true);

    const erdogan = ask('And Erdogan?', 'chat');
    expectGrounded(erdogan);
    expect(erdogan.text).toMatch(/Erdogan/);
    expect(erdogan.sources.some((s) => actorsOf(s.factId).includes('erdogan'))).toBe(true);
  });

  it('GIVEN another conversation key THEN "And Erdogan?" does not lean on the first conversation', () => {
    const followUp = (() => {
      ask('What did Putin say?', 'one');
      return ask('And Erdogan?', 'one');
    })();
    const fresh = ask('And Erdogan?', 'two');
    expect(fresh.sources.map((s) => s.factId)).not.toEqual(followUp.sources.map((s) => s.factId));
    expect(fresh.text).not.toBe(followUp.text);
    expect(fresh.text).toBe(answerOnce(createEngine(knowledge), 'And Erdogan?').text);
  });
});

describe('engine: suggest', () => {
  it('GIVEN "how many" THEN at most 5 questions come back, and they are about figures', () => {
    const suggestions = engine.suggest('how many', { limit: 5 });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    for (const suggestion of suggestions) expect(typeof suggestion).toBe('string');
    expect(suggestions.some((s) => /how many/i.test(s))).toBe(true);
    expect(suggestions).toContain('How many people left Aleppo?');
  });

  it('GIVEN an empty partial THEN the default questions come back, in the asked language', () => {
    const en = engine.suggest('');
    expect(en.length).toBeGreaterThan(0);
    expect(en).toContain(article.briefing[0]!.questions.en[0]);
    const fr = engine.suggest('', { lang: 'fr' });
    expect(fr).toContain(article.briefing[0]!.questions.fr[0]);
    expect(engine.suggest('', { limit: 1 })).toHaveLength(1);
  });
});

describe('engine: robustness', () => {
  it.each([42, 7, 1234])('GIVEN 5,000 random characters (seed %i) THEN it returns quickly with a refusal', (seed0) => {
    let seed = seed0;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    // Letters, digits and spaces: sentence punctuation would cut it into short parts, and a two-letter part
    // can be a shorthand the engine knows ("wo" for "without"), which is then a question of its own.
    const alphabet = 'abcdefghijklmnopqrstuvwxyzéèàç0123456789     ';
    const garbage = Array.from({ length: 5_000 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const started = performance.now();
    const answer = ask(garbage);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(answer.answered).toBe(false);
    expect(answer.sources).toEqual([]);
  });

  it('GIVEN an empty question THEN it is not answered', () => {
    const answer = ask('');
    expect(answer.answered).toBe(false);
    expect(answer.sources).toEqual([]);
  });
});
