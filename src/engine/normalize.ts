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

/** Plural endings off, so that "rebels" and "rebel", "négociations" and "négociation" meet. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
