import { detectLanguage } from '../engine/language.ts';
import { fold } from '../engine/normalize.ts';
import { TODO_MARKER } from '../knowledge/load.ts';
import type { Lang } from '../shared/types.ts';
import { findNames } from './names.ts';
import { isInformative, splitArticle } from './sentences.ts';

/** A number as an article writes it: 16, 1,200, 25'000, 3.5, 50 à 70. */
const NUMBER = /\d[\d'’.,\u00a0\u202f ]*\d|\d/u;
const todo = (what: string) => `${TODO_MARKER}: ${what}`;

export interface Draft {
  /** The draft summary.json, TODO markers in every field an author must write. */
  summary: Record<string, unknown>;
  facts: number;
  actors: number;
  /** How many fields are marked TODO. */
  todos: number;
}

/**
 * A first summary.json for article.txt: one draft fact per informative sentence, quoting it whole; one draft actor
 * per capitalised name, quoting where it first appears; the credit line when there is one. Everything a person must
 * write (texts, questions, kinds) says TODO, and the loader refuses a summary that still does: a draft never goes live.
 */
export function draftSummary(options: { id: string; source: string; published?: string }): Draft {
  const pieces = splitArticle(options.source);
  const sentences = pieces.filter(isInformative);
  const lang: Lang = detectLanguage(sentences.map((s) => s.text).join(' '), 'fr');
  const credit = pieces.find((piece) => piece.kind === 'credit');

  const usedIds = new Set<string>();
  const actors = findNames(pieces).map((found) => ({
    id: uniqueId(slug(found.name), usedIds),
    kind: todo('country, person, organisation, group or place'),
    names: [found.name],
    text: { en: todo(`who or what ${found.name} is, in English`), fr: todo(`qui ou ce qu'est ${found.name}, en français`) },
    quote: found.piece.text,
  }));

  const facts = sentences.map((sentence, i) => {
    const number = NUMBER.exec(sentence.text)?.[0];
    const folded = fold(sentence.text);
    const named = actors.filter((actor) => actor.names.some((name) => folded.includes(fold(name)))).map((actor) => actor.id);
    return {
      id: `f${i + 1}`,
      kind: todo(number ? 'figure (probably), commitment, reaction, event or context' : 'commitment, figure, reaction, event or context'),
      actors: named,
      text: { en: todo('the fact in one plain English sentence'), fr: todo('le fait en une phrase simple, en français') },
      quote: sentence.text,
      questions: { en: [todo('how a reader asks for it, in English')], fr: [todo('comment un lecteur le demande, en français')] },
      answers: [todo('who, what, where, when, why, how, how_many, how_long or yes_no')],
      ...(number ? { figure: { value: number.trim(), counts: { en: todo('what the number counts'), fr: todo('ce que compte le nombre') } } } : {}),
    };
  });

  const summary = {
    $schema: '../schema.json',
    id: options.id,
    title: { en: todo('the headline in English'), fr: todo('le titre en français') },
    ...(options.published ? { published: options.published } : {}),
    ...(credit ? { credit: { publisher: credit.text, quote: credit.text, language: lang } } : {}),
    briefing: facts.slice(0, 3).map((fact) => fact.id),
    actors,
    facts,
    gaps: [],
    synonyms: [],
  };
  return { summary, facts: facts.length, actors: actors.length, todos: countTodos(summary) };
}

function slug(name: string): string {
  return fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'actor';
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function countTodos(value: unknown): number {
  if (typeof value === 'string') return value.startsWith(TODO_MARKER) ? 1 : 0;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countTodos(item), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((sum: number, item) => sum + countTodos(item), 0);
  return 0;
}
