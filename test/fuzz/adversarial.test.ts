// Adversarial text at 10 KB and 1 MB: long runs of one character, of spaces, of apostrophes, of punctuation, and of
// the pieces patterns used to stumble on ("tl;dr", "'s"). Every way in must read them in bounded time: the engine
// (which cuts to its own limit), the core's guard (which reads only the start, for the language of its refusal), and
// the Slack text conversion the adapter runs first. The deadline is generous: a pattern that backtracks takes seconds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseConfig } from '../../src/config.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { detectLanguage } from '../../src/engine/language.ts';
import { fromSlackText } from '../../src/slack/text.ts';
import { knowledge, timed } from './inputs.ts';

const DEADLINE_MS = 1500;
const SIZES = [10_000, 1_000_000];
const RUNS = ['a', ' ', "'", '’', '?', '.', ',', ';', '-', '*', '<', '&amp;', 'tl', 'tl;', 'tl ', "'s ", 'é', '\u200b', 'et ', 'and, '];

/** One run of `piece` to `size` characters, with a word at each end ("a'''…'b"). */
const adversarial = fc.tuple(fc.constantFrom(...RUNS), fc.constantFrom(...SIZES), fc.constantFrom('', 'a', 'Aleppo')).map(([piece, size, word]) => `${word}${piece.repeat(Math.ceil(size / piece.length)).slice(0, size)}${word ? 'b' : ''}`);

describe('GIVEN adversarial text of 10 KB and 1 MB', () => {
  const engine = createEngine(knowledge);
  const depeche = createDepeche({ commands, knowledge, config: parseConfig({}) });

  it('THEN the engine answers each within the deadline', () => {
    fc.assert(
      fc.property(adversarial, (text) => {
        const { ms } = timed(() => engine.answer(text));
        expect(ms).toBeLessThan(DEADLINE_MS);
      }),
      { numRuns: 40 },
    );
  });

  it('THEN the core refuses each as too long within the deadline, and language detection reads only the start', async () => {
    let asker = 0;
    await fc.assert(
      fc.asyncProperty(adversarial, async (text) => {
        asker += 1;
        const started = performance.now();
        const reply = await depeche.ask(text, { conversationKey: `adversarial-${asker}`, userKey: `adversarial-${asker}` });
        expect(performance.now() - started).toBeLessThan(DEADLINE_MS);
        expect(reply.text).toMatch(/too long|trop longue/);
        expect(timed(() => detectLanguage(text)).ms).toBeLessThan(DEADLINE_MS);
      }),
      { numRuns: 40 },
    );
  });

  it('THEN the Slack adapter turns each into plain text within the deadline', () => {
    fc.assert(
      fc.property(adversarial, (text) => {
        expect(timed(() => fromSlackText(text, { botUserId: 'U0BOT' })).ms).toBeLessThan(DEADLINE_MS);
      }),
      { numRuns: 40 },
    );
  });
});
