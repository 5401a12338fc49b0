import type { Lang } from '../shared/types.ts';
import { tokenize } from './normalize.ts';
import { LANGUAGE_CUES } from './words/index.ts';

const FRENCH_ACCENTS = /[àâçéèêëîïôûùüÿœ]/i;

/**
 * French or English, by the function words that only one of the two uses (words/en.ts, words/fr.ts): content words
 * are shared too often ("Ankara", "transport") to be worth counting. Accents count for French. `fallback` when there
 * is no cue.
 */
export function detectLanguage(text: string, fallback: Lang = 'en'): Lang {
  // The start of a text tells its language as well as the whole: a megabyte pasted in costs no more than a line.
  const sample = text.length > LANGUAGE_SAMPLE ? text.slice(0, LANGUAGE_SAMPLE) : text;
  return detectFromWords(tokenize(sample), FRENCH_ACCENTS.test(sample), fallback);
}

/** How much of a text its language is read from. */
export const LANGUAGE_SAMPLE = 4000;

/** The language the words tell, or `fallback` (which may be undefined: "no cue") when they tell none. */
export function detectFromWords<F extends Lang | undefined>(words: readonly string[], hasFrenchAccents: boolean, fallback: F): Lang | F {
  let french = hasFrenchAccents ? 1.5 : 0;
  let english = 0;
  for (const word of words) {
    if (LANGUAGE_CUES.fr.has(word)) french += 1;
    if (LANGUAGE_CUES.en.has(word)) english += 1;
  }
  if (french === english) return fallback;
  return french > english ? 'fr' : 'en';
}

export const hasFrenchAccents = (text: string): boolean => FRENCH_ACCENTS.test(text);
