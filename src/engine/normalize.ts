import { newStemmer } from 'snowball-stemmers';

/**
 * Lower case, no accents, typographic apostrophes and dashes made plain, and format characters (zero-width spaces and
 * joiners, soft hyphens, byte-order marks: \p{Cf}) removed, so that "Al\uFEFFeppo" is "aleppo".
 * Every step is one pass over the text: nothing here can backtrack.
 */
export function fold(text: string): string {
  // Most questions are plain ASCII: lower case is all they need.
  if (isPlainAscii(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\p{Cf}]/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/**
 * A line without its format characters (\p{Cf}: zero-width spaces and joiners, byte-order marks…), before anything
 * reads it: splitting and capitals see "Al\uFEFFeppo" as "Aleppo", not as two words.
 */
export function withoutFormatCharacters(text: string): string {
  return FORMAT.test(text) ? text.replace(FORMAT_ALL, '') : text;
}
const FORMAT = /\p{Cf}/u;
const FORMAT_ALL = /\p{Cf}/gu;

function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // Control characters and the backquote are folded too; anything past ASCII may be an accent or a format character.
    if (code > 0x7e || code < 0x20 || code === 0x60) return false;
  }
  return true;
}

/** French elisions (l', d', qu'…) that glue to the next word, longest first. */
const ELISIONS = ['jusqu', 'lorsqu', 'puisqu', 'qu', 'l', 'd', 'j', 'm', 'n', 's', 't', 'c'];
const GROUP_SEPARATORS = new Set([' ', "'", '.', ',', '\u00a0', '\u202f']);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isWordChar = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === "'");

/**
 * Words of a text, folded: numbers keep their digits together ("25'000", "25 000", "25,000" → "25000"; "25k" is
 * 25000, as chat writes thousands), elisions are split off ("qu'" becomes "que", which asks "what"), English "'s" is
 * dropped, and anything that is not a letter or a digit separates words. One scan, character by character.
 */
export function tokenize(text: string): string[] {
  const folded = fold(text);
  const words: string[] = [];
  let raw = '';
  const flush = () => {
    if (raw) pushWord(raw, words);
    raw = '';
  };
  for (let i = 0; i < folded.length; i += 1) {
    const c = folded[i]!;
    // "25'000": a separator between a digit and exactly three digits joins a number's groups.
    if (GROUP_SEPARATORS.has(c) && isDigit(folded[i - 1]) && isDigit(folded[i + 1]) && isDigit(folded[i + 2]) && isDigit(folded[i + 3]) && !isWordChar(folded[i + 4]) && folded[i + 4] !== '_') continue;
    if (isWordChar(c)) raw += c;
    else flush();
  }
  flush();
  // "tl;dr", "tl dr": one word.
  for (let i = words.length - 2; i >= 0; i -= 1) if (words[i] === 'tl' && words[i + 1] === 'dr') words.splice(i, 2, 'tldr');
  return words;
}

function pushWord(raw: string, words: string[]): void {
  let start = 0;
  let end = raw.length;
  while (start < end && raw[start] === "'") start += 1;
  while (end > start && raw[end - 1] === "'") end -= 1;
  let word = raw.slice(start, end);
  // English "'s" (possessive, or "is" in "what's") carries nothing the engine uses.
  if (word.endsWith("'s")) word = word.slice(0, -2);
  const apostrophe = word.indexOf("'");
  if (apostrophe > 0) {
    const elided = word.slice(0, apostrophe);
    if (ELISIONS.includes(elided)) {
      if (elided === 'qu') words.push('que');
      word = word.slice(apostrophe + 1);
    }
  }
  // "aujourd'hui", "o'clock": one word, without the apostrophe.
  if (word.includes("'")) word = word.split("'").join('');
  // "25k" is 25000.
  if (word.length >= 2 && word.length <= 4 && word.endsWith('k') && isDigit(word[0]) && [...word.slice(0, -1)].every(isDigit)) word = `${word.slice(0, -1)}000`;
  // Lone letters are debris of "a-t-il" or initials; lone digits are kept ("6 arrests").
  if (word.length > 1 || isDigit(word)) words.push(word);
}

/**
 * One key for the forms of a word in either language: English Snowball, then French Snowball, so that
 * "evacuated", "evacuees" and "évacués" meet, and "rebelles" meets "rebels". French third persons that Snowball
 * leaves alone are brought to their singular first ("appuient" → "appuie", "soutiennent" → "soutien").
 * Words of four letters or fewer (Snowball makes "are" of "area") and numbers stay as they are.
 */
export function stem(word: string): string {
  if (word.length <= 4 || KEPT_WHOLE.has(word)) return word;
  let key = stems.get(word);
  if (key === undefined) {
    key = /\d/.test(word) ? word : french.stem(english.stem(frenchThirdPerson(word)));
    // A stem of two letters says too little ("pays" → "pay" is fine, "ils" → "il" is not a word of the topic).
    if (key.length < 3) key = word;
    if (stems.size > 50_000) stems.clear();
    stems.set(word, key);
  }
  return key;
}

/**
 * Words whose Snowball stem is another word's: "responsible" would meet "response", "movement" "moved", "partie" (a
 * part) "parti" (a party) and "partir" (to leave). They stay whole.
 */
const KEPT_WHOLE = new Set([
  'responsible', 'responsibility', 'responsable', 'responsables', 'responsabilite', 'movement', 'movements', 'partie', 'parties',
  'parti', 'partis', 'general', 'generale', 'generally', 'organic', 'organisme',
]);

function frenchThirdPerson(word: string): string {
  if (word.endsWith('iennent')) return word.slice(0, -4);
  if (word.endsWith('tient') || word.endsWith('vient')) return word.slice(0, -1);
  if (word.endsWith('ient') || word.endsWith('uent') || word.endsWith('ttent')) return word.slice(0, -2);
  return word;
}

const english = newStemmer('english');
const french = newStemmer('french');
const stems = new Map<string, string>();
