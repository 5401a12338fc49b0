import { commonWords } from '../engine/common-words.ts';
import { fold } from '../engine/normalize.ts';
import type { Piece } from './sentences.ts';

/** A name the article uses: its first spelling, and the piece of the article where it first appears. */
export interface FoundName {
  name: string;
  /** Where it first appears (a sentence, or a heading when it appears nowhere else). */
  piece: Piece;
  count: number;
}

/** Lower-case words that sit inside names ("Ludwig van Beethoven"); any other lower-case word ends a name. */
const PARTICLES = new Set(['al', 'el', 'ben', 'bin', 'de', 'du', 'des', 'da', 'di', 'van', 'von', 'der', 'le', 'la']);
/** Capitalised in English, yet not names a reader asks about. */
const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);
/** French and English elisions glued to the next word: d'Anvers, l'Est, qu'Ottawa. */
const ELISION = /^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]/i;
const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;
/** The most common words: "Les", "The", "Sur" starting a sentence are not names. */
const VERY_COMMON = 300;

/**
 * Capitalised names in the article's sentences and headings, most frequent first: runs of capitalised words
 * ("Anne Le Goff", "Ludwig van Beethoven"), without a common word that only starts a sentence ("Les", "The").
 */
export function findNames(pieces: readonly Piece[]): FoundName[] {
  const found = new Map<string, FoundName>();
  const ordered = [...pieces.filter((p) => p.kind === 'sentence'), ...pieces.filter((p) => p.kind === 'heading')];
  for (const piece of ordered) {
    for (const name of namesIn(piece.text)) {
      const key = fold(name);
      const seen = found.get(key);
      if (seen) seen.count += 1;
      else found.set(key, { name, piece, count: 1 });
    }
  }
  return [...found.values()].sort((a, b) => b.count - a.count);
}

function namesIn(text: string): string[] {
  const words = [...text.matchAll(WORD)].map((match) => ({ raw: match[0], index: match.index }));
  const names: string[] = [];
  let run: { word: string; index: number }[] = [];
  const flush = () => {
    while (run.length && PARTICLES.has(run.at(-1)!.word.toLowerCase())) run.pop();
    if (run.length) names.push(run.map((w) => w.word).join(' '));
    run = [];
  };
  for (const [i, { raw, index }] of words.entries()) {
    const word = raw.replace(ELISION, '').replace(/['’]s$/, '');
    const elided = word !== raw.replace(/['’]s$/, '');
    const adjacent = run.length > 0 && /^[\s\u00a0]+$/.test(text.slice(run.at(-1)!.index + run.at(-1)!.word.length, index));
    if (run.length && adjacent && PARTICLES.has(word.toLowerCase())) {
      // "Ludwig van Beethoven", "Anne Le Goff": a particle continues a name (and is dropped if nothing follows it).
      run.push({ word, index });
    } else if (/^\p{Lu}/u.test(word)) {
      if (run.length && !adjacent) flush();
      const startsSentence = i === 0 || /[.!?:«"“]\s*$/.test(text.slice(0, index).trimEnd().slice(-2));
      if (!elided && startsSentence && run.length === 0 && isCommon(word)) continue;
      if (isVeryCommon(word) || CALENDAR.has(word.toLowerCase())) {
        flush();
        continue;
      }
      run.push({ word, index: index + (raw.length - raw.replace(ELISION, '').length) });
    } else {
      flush();
    }
  }
  flush();
  return names;
}

function isCommon(word: string): boolean {
  const folded = fold(word);
  return commonWords('en').has(folded) || commonWords('fr').has(folded);
}

const veryCommon = new Map<string, Set<string>>();
function isVeryCommon(word: string): boolean {
  const folded = fold(word);
  for (const lang of ['en', 'fr'] as const) {
    let top = veryCommon.get(lang);
    if (!top) {
      top = new Set([...commonWords(lang)].slice(0, VERY_COMMON));
      veryCommon.set(lang, top);
    }
    if (top.has(folded)) return true;
  }
  return false;
}
