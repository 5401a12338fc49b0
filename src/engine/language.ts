import type { Lang } from '../shared/types.ts';
import { tokenize } from './normalize.ts';

// Function words that only one of the two languages uses; content words are shared too often
// ("Ankara", "Syrie"/"Syria" differ, "transport" does not) to be worth counting.
const FRENCH = new Set(
  ('le la les un une des du de au aux et est sont ont qui que quoi quel quelle quels quelles combien ou pourquoi ' +
    'comment quand il ils elle elles ce cette ces son sa ses leur leurs dans sur avec pour par pas ne plus ' +
    'a-t-il vous nous je tu moi dit dis a ete etait fait font y en se qu lequel laquelle donc mais aussi selon ' +
    'parle resume resumer resumez personnes combien-de contre apres avant depuis pendant entre bonjour salut coucou bonsoir merci').split(/\s+/),
);
const ENGLISH = new Set(
  ('the a an and is are was were who what which whose whom how many much where why when did does do has have ' +
    'had he she they it this that these those his her their in on with for by not no of to about from tell me ' +
    'give say said said people will would can could should there any after before since during between against ' +
    'summarize summary happened agree agreed hello hi hey thanks').split(/\s+/),
);

/** French or English, by the function words; accents count for French. `fallback` when there is no cue. */
export function detectLanguage(text: string, fallback: Lang = 'en'): Lang {
  return detectFromWords(tokenize(text), /[àâçéèêëîïôûùüÿœ]/i.test(text), fallback);
}

export function detectFromWords(words: readonly string[], hasFrenchAccents: boolean, fallback: Lang): Lang {
  let french = hasFrenchAccents ? 1.5 : 0;
  let english = 0;
  for (const word of words) {
    if (FRENCH.has(word)) french += 1;
    if (ENGLISH.has(word)) english += 1;
  }
  if (french === english) return fallback;
  return french > english ? 'fr' : 'en';
}
