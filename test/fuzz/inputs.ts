import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../../src/knowledge/load.ts';

export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));
/** Loaded once per file: the fuzzers only read it. */
export const knowledge = loadKnowledge(KNOWLEDGE_DIR);

/** Generous on purpose: an answer is a few lines; one that took this long would be a bug, not a slow machine. */
// Well under the platforms' 3 s (autocomplete included), with room for a busy machine.
export const ANSWER_MS = 1000;

/** Pieces that break chat bots: mentions of both platforms, markdown, entities, control and invisible characters. */
const nasty = fc.constantFrom(
  '@everyone', '@here', '<!channel>', '<!here>', '<!everyone>', '<@123>', '<@!123456789012345678>', '<@&42>', '<#C123>',
  '<@U0BOB>', '<https://example.com|click>', '&amp;', '&lt;', '&gt;', '&', '<', '>', '**', '*', '_', '~~', '`', '```',
  '||spoiler||', '> ', '- ', '# ', '\n', '\r\n', '\t', '\u0000', '\u0007', '\u001b[31m', '\u200b', '\u202e', '\ufeff',
  '\ud800', '\udfff', '😀', '👩‍👩‍👧', 'é', 'e\u0301', 'Ⅻ', 'ǅ', 'İ', 'ß', '/', '/numbers', 'ask', '?', ' et où ',
);
/** Words of the article and of questions, so that some inputs reach the answering paths, not only the refusals. */
const wordy = fc.constantFrom(
  'how many', 'people', 'left', 'Aleppo', 'Alep', 'combien', 'qui', 'Erdogan', 'ceasefire', 'cessez-le-feu', 'and', 'et',
  'who', 'signed', 'numbers', 'where', 'when', 'what', 'why', 'the', 'rebels', 'Syria', 'Syrie', 'talks',
);

/** Any Unicode, lone surrogates included. */
export const anyUnicode = fc.string({ unit: 'binary', maxLength: 300 });
/** Control characters (C0, DEL, C1) mixed with text. */
export const controls = fc.string({ unit: fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((c) => String.fromCharCode(c)), maxLength: 200 });
/** Mention and markdown syntax mixed with question words. */
export const mentionMix = fc
  .tuple(fc.array(fc.oneof(nasty, wordy, fc.string({ maxLength: 8 })), { maxLength: 60 }), fc.constantFrom(' ', '', '\n'))
  .map(([parts, separator]) => parts.join(separator));
/** Long inputs, up to about 20,000 characters, of words of ordinary length. */
export const longText = fc
  .tuple(fc.array(fc.oneof(wordy, nasty, fc.string({ minLength: 1, maxLength: 12 })), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1_000, max: 20_000 }))
  .map(([words, length]) => {
    let text = '';
    for (let i = 0; text.length < length; i += 1) text += `${words[i % words.length]} `;
    return text.slice(0, length);
  });

/** Everything above, for properties that should hold on any input. */
export const anyInput = fc.oneof(
  { arbitrary: anyUnicode, weight: 3 },
  { arbitrary: controls, weight: 1 },
  { arbitrary: mentionMix, weight: 4 },
  { arbitrary: fc.string({ maxLength: 200 }), weight: 2 },
  { arbitrary: longText, weight: 1 },
);

/** False when the text has no letter or digit in any script: nothing to look up. */
export const hasWord = (text: string) => /[\p{L}\p{N}]/u.test(text);

/**
 * Runs `run` and times it. Over the bound, it is run again (three times in all) and the fastest time is kept:
 * on a loaded machine one run can be descheduled for hundreds of milliseconds, and the bound is about the
 * input's cost, not the scheduler's.
 */
export function timed<T>(run: () => T): { value: T; ms: number } {
  let started = performance.now();
  const value = run();
  let ms = performance.now() - started;
  for (let retry = 0; retry < 2 && ms >= ANSWER_MS; retry += 1) {
    started = performance.now();
    run();
    ms = Math.min(ms, performance.now() - started);
  }
  return { value, ms };
}

/**
 * Times collected over a property's runs and checked once at the end: a slow run fails the test without
 * fast-check shrinking it (shrinking re-times hundreds of inputs), and the message names the slowest input.
 */
export class TimeBudget {
  private slowest = { ms: 0, input: '' };

  record(ms: number, input: string): void {
    if (ms > this.slowest.ms) this.slowest = { ms, input };
  }

  check(): void {
    const { ms, input } = this.slowest;
    if (ms >= ANSWER_MS) {
      throw new Error(`slowest run took ${ms.toFixed(0)} ms (bound ${ANSWER_MS} ms) on an input of ${input.length} characters: ${JSON.stringify(input.slice(0, 120))}…`);
    }
  }
}

/** `timed` for promises. */
export async function timedAsync<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  let started = performance.now();
  const value = await run();
  let ms = performance.now() - started;
  for (let retry = 0; retry < 2 && ms >= ANSWER_MS; retry += 1) {
    started = performance.now();
    await run();
    ms = Math.min(ms, performance.now() - started);
  }
  return { value, ms };
}
