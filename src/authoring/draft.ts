import { detectLanguage } from '../engine/language.ts';
import { fold } from '../engine/normalize.ts';
import { TODO_MARKER } from '../knowledge/load.ts';
import type { Lang } from '../shared/types.ts';
import { attributionIn, figureIn, kindCue, readDateline, whenIn } from './dispatch.ts';
import { findNames } from './names.ts';
import { isInformative, splitArticle, type Piece } from './sentences.ts';

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
  const pieces = withoutDateline(splitArticle(options.source));
  const dateline = pieces.dateline;
  const sentences = pieces.list.filter(isInformative);
  const lang: Lang = detectLanguage(sentences.map((s) => s.text).join(' '), 'fr');
  const creditLine = pieces.list.find((piece) => piece.kind === 'credit');
  const credit = creditLine ? { publisher: creditLine.text, quote: creditLine.text } : dateline?.credit;

  const usedIds = new Set<string>();
  const found = findNames(pieces.list, options.source);
  // The dateline's place ("KOUROU") is where the story happens: an actor by its name as the story writes it.
  if (dateline && !found.some((f) => fold(f.name) === fold(dateline.placeName))) {
    const where = sentences.find((s) => s.text.includes(dateline.placeName));
    if (where) found.push({ name: dateline.placeName, piece: where, count: 1 });
  }
  const actors = found.map((name) => {
    const kind = kindCue(name.piece.text, name.name) ?? (dateline && fold(name.name) === fold(dateline.placeName) ? 'place' : undefined);
    return {
      id: uniqueId(slug(name.name), usedIds),
      kind: kind ?? todo('country, person, organisation, group, place or object (a rocket, an engine, a law…)'),
      names: [name.name],
      text: { en: todo(`who or what ${name.name} is, in English`), fr: todo(`qui ou ce qu'est ${name.name}, en français`) },
      quote: name.name,
    };
  });

  const facts = sentences.map((sentence, i) => {
    const folded = fold(sentence.text);
    const named = actors.filter((actor) => actor.names.some((name) => folded.includes(fold(name))));
    const figure = figureIn(sentence.text);
    const when = whenIn(sentence.text);
    const attribution = attributionIn(sentence.text);
    // Who said it: the person the sentence names after its "a déclaré", "selon", "said" (else the first actor there).
    const after = attribution === undefined ? [] : named.map((actor) => ({ actor, at: sentence.text.indexOf(actor.names[0]!, attribution) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at);
    const saidBy = (after.find((x) => x.actor.kind === 'person') ?? after[0])?.actor.id;
    return {
      id: `f${i + 1}`,
      kind: todo(figure ? 'figure (probably), commitment, reaction, event or context' : attribution !== undefined ? 'reaction (probably), commitment, figure, event or context' : 'commitment, figure, reaction, event or context'),
      actors: named.map((actor) => actor.id),
      text: { en: todo('the fact in one plain English sentence'), fr: todo('le fait en une phrase simple, en français') },
      quote: sentence.text,
      questions: { en: [todo('how a reader asks for it, in English')], fr: [todo('comment un lecteur le demande, en français')] },
      answers: [todo('who, what, where, when, why, how, how_many, how_long or yes_no')],
      ...(when ? { when } : {}),
      ...(saidBy ? { said_by: saidBy } : {}),
      ...(figure
        ? {
            figure: {
              value: figure.value,
              ...(figure.unit ? { unit: figure.unit } : {}),
              counts: { en: todo(`what ${figure.value} counts, in English`), fr: figure.counted ? todo(`ce que compte le nombre (${figure.counted}…)`) : todo('ce que compte le nombre') },
              ...(figure.qualifier ? { qualifier: figure.qualifier } : {}),
            },
          }
        : {}),
    };
  });

  const summary = {
    $schema: '../schema.json',
    id: options.id,
    title: { en: todo('the headline in English'), fr: todo('le titre en français') },
    ...(options.published ? { published: options.published } : {}),
    ...(credit ? { credit: { publisher: credit.publisher, quote: credit.quote, language: lang } } : {}),
    briefing: facts.slice(0, 3).map((fact) => fact.id),
    actors,
    facts,
    gaps: [],
    synonyms: [],
  };
  return { summary, facts: facts.length, actors: actors.length, todos: countTodos(summary) };
}

/** The pieces with the dateline cut off the first sentence ("KOUROU (…), 9 juil 2024 (Agence) - La nouvelle…"). */
function withoutDateline(pieces: Piece[]): { list: Piece[]; dateline?: ReturnType<typeof readDateline> } {
  const first = pieces.findIndex((piece) => piece.kind === 'sentence');
  const dateline = first >= 0 ? readDateline(pieces[first]!.text) : undefined;
  if (!dateline) return { list: pieces };
  const cut = pieces[first]!;
  const list = [...pieces];
  list[first] = { ...cut, text: cut.text.slice(dateline.storyStart), start: cut.start + dateline.storyStart };
  return { list, dateline };
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
