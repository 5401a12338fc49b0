import { fold } from './normalize.ts';
import { CONJUNCTIONS, QUESTION_OPENINGS, SHORTHAND, YES_NO_OPENINGS } from './words/index.ts';

/** Between "and" and the question word: "…, and over how many days?", "…, de combien de pays". */
const PREPOSITIONS = new Set(['over', 'in', 'for', 'during', 'since', 'from', 'to', 'with', 'by', 'without', 'en', 'depuis', 'pendant', 'sur', 'pour', 'avec', 'par', 'dans', 'de', 'a', 'sans', 'chez']);

interface Word {
  /** Folded, shorthand expanded. */
  word: string;
  /** As written, lower case (the accent of "où" tells it from "ou"). */
  raw: string;
  start: number;
  end: number;
}

/**
 * The asks inside one message, in order: sentences ("Where? And when?"), questions joined by "and"/"et" and a
 * question word ("Who backs Assad and where will the talks be held?"), and asks listed with commas ("Who met, where
 * will the talks be held, and what did Putin say?"). "Moscow, Tehran and Ankara agreed to what?" is one ask, and so is
 * "the Red Cross figure, c'est combien ?": a piece with no question word of its own joins the next one.
 * One pass over the words; no pattern that can backtrack.
 */
export function splitQuestion(text: string, maxParts = 5): string[] {
  const parts: string[] = [];
  for (const sentence of withoutTldr(text).split(/[?!;\n]/)) {
    for (const part of splitSentence(sentence)) if (/\p{L}/u.test(part)) parts.push(part);
  }
  return parts.length > 0 ? parts.slice(0, maxParts) : [text];
}

/** "tl;dr" is one word, not two sentences: read with a bounded look-ahead, not a pattern that could backtrack. */
function withoutTldr(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let from = 0;
  for (let at = lower.indexOf('tl'); at >= 0; at = lower.indexOf('tl', at + 2)) {
    let i = at + 2;
    while (i < at + 5 && lower[i] === ' ') i += 1;
    if (!';:,.'.includes(lower[i] ?? 'x')) continue;
    i += 1;
    while (i < at + 9 && lower[i] === ' ') i += 1;
    if (lower.startsWith('dr', i) && !/\p{L}/u.test(lower[at - 1] ?? '') && !/\p{L}/u.test(lower[i + 2] ?? '')) {
      out += `${text.slice(from, at)}tldr`;
      from = i + 2;
    }
  }
  return out + text.slice(from);
}

function splitSentence(sentence: string): string[] {
  const words = wordsOf(sentence);
  // Where each piece starts, and whether it was cut at a comma (then a piece without a question word rejoins the next).
  const cuts: { from: number; at: number; comma: boolean }[] = [];
  for (let i = 1; i < words.length; i += 1) {
    const before = sentence.slice(words[i - 1]!.end, words[i]!.start);
    const comma = before.includes(',');
    if (CONJUNCTIONS.has(words[i]!.word)) {
      // "…, and what did Putin say", "… et où …", "…, et pour faire quoi": a new ask after the conjunction.
      let next = i + 1;
      if (PREPOSITIONS.has(words[next]?.word ?? '')) next += 1;
      if (opensQuestion(words, next, true)) cuts.push({ from: words[i]!.start, at: words[next]!.start, comma: false });
      // "…, et pour faire quoi", "le coq a été remis quand, et elle fait combien ?": a question word on both sides of "et".
      else if ((comma || hasQuestionWordBefore(words, i)) && hasQuestionWord(words, i + 1, sentence)) cuts.push({ from: words[i]!.start, at: words[i + 1]!.start, comma: false });
      continue;
    }
    if (!comma) continue;
    let next = i;
    if (PREPOSITIONS.has(words[next]!.word)) next += 1;
    if (opensQuestion(words, next, false)) cuts.push({ from: words[i]!.start, at: words[i]!.start, comma: true });
  }
  const pieces: { text: string; comma: boolean }[] = [];
  // "And when?": a leading "and" before a question word is no part of the ask.
  let start = 0;
  if (words.length > 1 && CONJUNCTIONS.has(words[0]!.word)) {
    const next = PREPOSITIONS.has(words[1]!.word) ? 2 : 1;
    if (opensQuestion(words, next, true)) start = words[next]!.start;
  }
  let comma = false;
  for (const cut of cuts) {
    pieces.push({ text: sentence.slice(start, cut.from), comma });
    start = cut.at;
    comma = cut.comma;
  }
  pieces.push({ text: sentence.slice(start), comma });
  // "the Red Cross figure, c'est combien déjà": the first piece asks nothing; it is the topic of the next.
  const merged: string[] = [];
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i]!;
    const next = pieces[i + 1];
    if (next?.comma && !hasQuestionWord(wordsOf(piece.text), 0, piece.text)) {
      next.text = `${trimPiece(piece.text)}, ${next.text}`;
      continue;
    }
    merged.push(piece.text);
  }
  return merged.map(trimPiece);
}

/** White space and commas off both ends, runs of white space made one (loops, not a pattern that could backtrack). */
function trimPiece(piece: string): string {
  let start = 0;
  let end = piece.length;
  const isEdge = (c: string) => c === ',' || c.trim() === '';
  while (start < end && isEdge(piece[start]!)) start += 1;
  while (end > start && isEdge(piece[end - 1]!)) end -= 1;
  return piece.slice(start, end).replace(/\s+/g, ' ');
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    const raw = match[0].toLowerCase();
    // "what's", "who's": the question word.
    const folded = fold(raw).replace(/'s$/, '');
    words.push({ word: SHORTHAND.get(folded) ?? folded, raw, start: match.index, end: match.index + match[0].length });
  }
  return words;
}

/** Whether words[at] opens a question: a question word ("where", "qui", "qu'a", "c'est qui"), or an auxiliary after "and". */
function opensQuestion(words: readonly Word[], at: number, afterConjunction: boolean): boolean {
  const word = words[at];
  if (!word) return false;
  if (isQuestionWord(word)) return true;
  if (word.word.startsWith("qu'")) return true;
  // "c'est qui", "c'est où", "est-ce que".
  if ((word.word === "c'est" || word.word === 'cest' || word.word === 'est') && words[at + 1] && isQuestionWord(words[at + 1]!)) return true;
  return afterConjunction && YES_NO_OPENINGS.has(word.word) && word.word !== 'est';
}

/** "où" is "where"; "ou" is "or", which asks nothing. */
function isQuestionWord(word: Word): boolean {
  if (word.word === 'ou') return word.raw === 'où';
  return QUESTION_OPENINGS.has(word.word);
}

/** Whether the words before words[at] (since the last cut) hold a question word. */
function hasQuestionWordBefore(words: readonly Word[], at: number): boolean {
  for (let i = 0; i < at; i += 1) if (isQuestionWord(words[i]!) || words[i]!.word.startsWith("qu'")) return true;
  return false;
}

/** Whether the clause from words[at] to the next comma holds a question word ("…, et pour faire quoi"). */
function hasQuestionWord(words: readonly Word[], at: number, text: string): boolean {
  for (let i = at; i < words.length; i += 1) {
    if (i > at && text.slice(words[i - 1]!.end, words[i]!.start).includes(',')) return false;
    if (isQuestionWord(words[i]!) || words[i]!.word.startsWith("qu'")) return true;
  }
  return false;
}
