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
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
/** Titles written with capitals ("PDG d'ArianeGroup", "CEO"): a person's role, not a name. */
const TITLES = new Set(['pdg', 'ceo', 'dg', 'cfo', 'coo', 'president', 'presidente', 'directeur', 'directrice', 'ministre', 'minister', 'chef', 'cheffe', 'secretaire', 'porte-parole', 'spokesman', 'spokeswoman']);
/** The most common words: "Les", "The", "Sur" starting a sentence are not names. */
const VERY_COMMON = 300;

/**
 * Capitalised names in the article's sentences and headings, most frequent first: runs of capitalised words
 * ("Anne Le Goff", "Ludwig van Beethoven"), without a common word that only starts a sentence ("Les", "The").
 */
export function findNames(pieces: readonly Piece[], source = pieces.map((p) => p.text).join('\n')): FoundName[] {
  const found = new Map<string, FoundName & { inSentence: boolean }>();
  const ordered = [...pieces.filter((p) => p.kind === 'sentence'), ...pieces.filter((p) => p.kind === 'heading')];
  for (const piece of ordered) {
    for (const name of namesIn(piece.text)) {
      const key = fold(name);
      const seen = found.get(key);
      if (seen) seen.count += 1;
      else found.set(key, { name, piece, count: 1, inSentence: piece.kind === 'sentence' });
    }
  }
  const lowerWords = new Set((source.match(/[\p{Ll}][\p{L}\p{M}-]*/gu) ?? []).map((word) => fold(word)));
  const names = [...found.values()];
  const multiWord = names.filter((n) => n.name.includes(' '));
  const kept: FoundName[] = [];
  for (const { inSentence, ...entry } of names) {
    const { name } = entry;
    // A heading ("Anomalie en fin de vol") names nothing the sentences do not.
    if (!inSentence) continue;
    // "H" of "16H00", a lone initial.
    if (name.replace(/[^\p{L}\p{N}]/gu, '').length < 2) continue;
    if (!name.includes(' ')) {
      // "Sion" after "Martin Sion", "Israël" after "Stéphane Israël": the person, not a new name (nor the country).
      const whole = multiWord.find((n) => n.name.split(' ').at(-1) === name);
      if (whole) {
        whole.count += entry.count;
        continue;
      }
      // "Centre" of "Centre spatial guyanais", "Agence": a word the text also writes in lower case is a common noun.
      const folded = fold(name);
      if (lowerWords.has(folded) || lowerWords.has(`${folded}s`)) continue;
    }
    kept.push(entry);
  }
  return kept.sort((a, b) => b.count - a.count);
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
  const adjacentTo = (last: { word: string; index: number } | undefined, index: number) =>
    last !== undefined && /^[\s\u00a0]+$/.test(text.slice(last.index + last.word.length, index));
  for (const [i, { raw, index }] of words.entries()) {
    const word = raw.replace(ELISION, '').replace(/['’]s$/, '').replace(/-+$/, '');
    const elided = word !== raw.replace(/['’]s$/, '').replace(/-+$/, '');
    const adjacent = adjacentTo(run.at(-1), index);
    const startsSentence = i === 0 || /[.!?:«"“]\s*$/.test(text.slice(0, index).trimEnd().slice(-2));
    if (/^\p{N}/u.test(word)) {
      // "Ariane 6", "Ariane 62": a number right after a name is part of it; elsewhere it ends one.
      if (run.length && adjacent && /^\p{N}+$/u.test(word)) run.push({ word, index });
      else flush();
    } else if (run.length && adjacent && PARTICLES.has(word.toLowerCase())) {
      // "Ludwig van Beethoven", "Anne Le Goff": a particle continues a name (and is dropped if nothing follows it).
      run.push({ word, index });
    } else if (/^\p{Lu}/u.test(word)) {
      if (run.length && !adjacent) flush();
      if (TITLES.has(fold(word))) {
        flush();
        continue;
      }
      if (!elided && startsSentence && run.length === 0 && isCommon(word)) continue;
      // "The Exploration Company" inside a sentence: a common word that opens a run of capitals is part of the name.
      const next = words[i + 1];
      const opensName = !startsSentence && run.length === 0 && next !== undefined && /^\p{Lu}/u.test(next.raw) && adjacentTo({ word: raw, index }, next.index);
      // Inside a run ("The Exploration Company"), a common word goes on with the name.
      if (!opensName && run.length === 0 && (isVeryCommon(word) || CALENDAR.has(word.toLowerCase()))) {
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
