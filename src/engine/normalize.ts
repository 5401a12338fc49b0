import { newStemmer } from 'snowball-stemmers';
/** Lower case, no accents, typographic apostrophes and dashes made plain. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** French elisions (l', d', qu'…) that glue to the next word. */
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'/;

/**
 * Words of a text, folded: numbers keep their digits together ("25'000", "25 000", "25,000" → "25000"),
 * elisions are split off, and anything that is not a letter or a digit separates words.
 */
export function tokenize(text: string): string[] {
  const folded = fold(text)
    .replace(/(\d)[ '.,\u00a0\u202f](?=\d{3}\b)/g, '$1')
    // "25k" is 25000, as chat writes thousands.
    .replace(/\b(\d{1,3})k\b/g, '$1000')
    .replace(/\btl\s*[;:,.]?\s*dr\b/g, 'tldr');
  const words: string[] = [];
  for (const raw of folded.split(/[^a-z0-9']+/)) {
    // English "'s" (possessive, or "is" in "what's") carries nothing the engine uses.
    let word = raw.replace(/^'+|'+$/g, '').replace(/'s$/, '');
    const elided = ELISION.exec(word);
    if (elided) {
      // "qu'" is "que": it asks "what", which the engine needs to see.
      if (elided[0] === "qu'") words.push('que');
      word = word.slice(elided[0].length);
    }
    // "aujourd'hui", "o'clock": one word, without the apostrophe.
    word = word.replace(/'/g, '');
    // Lone letters are debris of "a-t-il" or initials; lone digits are kept ("6 arrests").
    if (word.length > 1 || /\d/.test(word)) words.push(word);
  }
  return words;
}

/**
 * One key for the forms of a word in either language: English Snowball, then French Snowball, so that
 * "evacuated", "evacuees" and "évacués" meet, and "rebelles" meets "rebels". French third persons that Snowball
 * leaves alone are brought to their singular first ("appuient" → "appuie", "soutiennent" → "soutien").
 * Words of four letters or fewer (Snowball makes "are" of "area") and numbers stay as they are.
 */
export function stem(word: string): string {
  if (/\d/.test(word)) return word;
  if (word.length <= 4) return word;
  let key = stems.get(word);
  if (key === undefined) {
    key = french.stem(english.stem(frenchThirdPerson(word)));
    // A stem of two letters says too little ("pays" → "pay" is fine, "ils" → "il" is not a word of the topic).
    if (key.length < 3) key = word;
    if (stems.size > 50_000) stems.clear();
    stems.set(word, key);
  }
  return key;
}

function frenchThirdPerson(word: string): string {
  if (word.endsWith('iennent')) return word.slice(0, -4);
  if (/[tv]ient$/.test(word)) return word.slice(0, -1);
  if (/[iu]ent$/.test(word) || /ttent$/.test(word)) return word.slice(0, -2);
  return word;
}

const english = newStemmer('english');
const french = newStemmer('french');
const stems = new Map<string, string>();
