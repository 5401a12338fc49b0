import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerOnce, answerSession } from '../../src/core/answer-session.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { ANSWER_MS, anyInput, hasWord, knowledge, longText, TimeBudget, timed } from './inputs.ts';

/** Longest answer text allowed: a multi-part answer is a handful of facts, never pages. */
const TEXT_MAX = 4000;

describe('GIVEN the engine on the real article', () => {
  const engine = createEngine(knowledge);
  const ask = (question: string) => answerOnce(engine, question);

  it('WHEN asked anything THEN it never throws, answers in en or fr, within bounds of size and time', () => {
    const budget = new TimeBudget();
    fc.assert(
      fc.property(anyInput, (question) => {
        const { value: answer, ms } = timed(() => ask(question));
        expect(typeof answer.text).toBe('string');
        expect(answer.text.length).toBeGreaterThan(0);
        expect(answer.text.length).toBeLessThanOrEqual(TEXT_MAX);
        expect(['en', 'fr']).toContain(answer.lang);
        expect(answer.suggestions.length).toBeLessThanOrEqual(5);
        if (!hasWord(question)) expect(answer.answered).toBe(false);
        if (!answer.answered) expect(answer.sources).toEqual([]);
        budget.record(ms, question);
      }),
      { numRuns: 300 },
    );
    budget.check();
  });

  it('WHEN asked up to 20,000 characters of words THEN each answer still comes within the bound', () => {
    const budget = new TimeBudget();
    fc.assert(
      fc.property(longText, (question) => {
        const { value: answer, ms } = timed(() => ask(question));
        expect(answer.text.length).toBeLessThanOrEqual(TEXT_MAX);
        budget.record(ms, question);
      }),
      { numRuns: 25 },
    );
    budget.check();
  });

  it('WHEN one conversation goes on with anything THEN follow-ups never throw', () => {
    fc.assert(
      fc.property(fc.array(anyInput, { minLength: 1, maxLength: 6 }), fc.constantFrom<'en' | 'fr' | undefined>('en', 'fr', undefined), (questions, lang) => {
        const conversation = answerSession(engine);
        for (const question of questions) {
          const answer = conversation.ask(question, { lang });
          expect(answer.text.length).toBeLessThanOrEqual(TEXT_MAX);
        }
      }),
      { numRuns: 80 },
    );
  });

  // Autocomplete costs about 0.1 ms per character typed (fuse.js over every question); Discord caps the ask
  // option at 500 characters and createDepeche cuts longer text, so the time bound is checked up to that length.
  it('WHEN autocomplete gets anything THEN it returns at most the limit, without throwing', () => {
    const budget = new TimeBudget();
    fc.assert(
      fc.property(anyInput.map((text) => text.slice(0, 500)), fc.integer({ min: 1, max: 25 }), (partial, limit) => {
        const { value: choices, ms } = timed(() => engine.suggest(partial, { limit }));
        expect(choices.length).toBeLessThanOrEqual(limit);
        expect(choices.every((choice) => typeof choice === 'string')).toBe(true);
        budget.record(ms, partial);
      }),
      { numRuns: 150 },
    );
    budget.check();
  });

  // A bare figure ("25 000") may find the fact that gives it: digits count as something to look up.
  it('WHEN the text has no letter and no digit THEN nothing is answered', () => {
    for (const question of ['', '   ', '???', '<@!>', '\u0000\u0007', '😀😀', '** __ ~~', '\ud800', '@ # !']) {
      expect(ask(question).answered, JSON.stringify(question)).toBe(false);
    }
  });

  // Prefix look-ups and typo repair once cost quadratic time in a word's length (about 330 ms for this one).
  it('WHEN one word is 20,000 letters long THEN it is answered within the bound', () => {
    ask('warm up');
    const { ms } = timed(() => ask('x'.repeat(20_000)));
    expect(ms).toBeLessThan(ANSWER_MS);
  });
});
