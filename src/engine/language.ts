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

/**
 * Function words of the languages readers most often write in besides English and French (Spanish, German, Italian,
 * Portuguese), none of them an English or French word: a question written in one of them is answered with a refusal
 * that says which languages Depeche reads.
 */
const OTHER_LANGUAGE_CUES = new Set(
  `el los las por para cuantas cuantos cuanto donde cuando quien quienes porque esta estan fueron hay personas y una del
   der die das und ist sind wie viele wer wo warum wann nicht ich mit von auf haben wurde wurden menschen leute
   gli della delle sono quanti quante dove perche chi cosa hanno
   os quantas quantos onde quem porque sao foram pessoas voce`.split(/\s+/),
);

/** Whether a line is written in another language than English or French: more such cues than English and French ones. */
export function isOtherLanguage(text: string): boolean {
  const words = tokenize(text.length > LANGUAGE_SAMPLE ? text.slice(0, LANGUAGE_SAMPLE) : text);
  let other = 0;
  let ours = 0;
  for (const word of words) {
    if (OTHER_LANGUAGE_CUES.has(word)) other += 1;
    else if (LANGUAGE_CUES.en.has(word) || LANGUAGE_CUES.fr.has(word)) ours += 1;
  }
  return other >= 2 && other > ours;
}
