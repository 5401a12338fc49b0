/**
 * The scoring stage: how well each entry of one article answers one ask, with the reasons. An entry's coverage is the
 * share of the ask's weight it holds (rarer words weigh more); its score adds what tells close entries apart (a sample
 * question like the ask, the kind of answer wanted). Every number comes from EngineParams.
 */
import type { QuestionType } from '../knowledge/types.ts';
import type { ArticleIndex, Doc } from './article-index.ts';
import type { ConceptId, Concepts } from './concepts.ts';
import { stem } from './normalize.ts';
import type { EngineParams } from './params.ts';
import type { Term } from './vocabulary.ts';
import type { AnswerKind } from './words/index.ts';

/** One part of a score, for people: `npm run explain` and `knowledge:check` print them. */
export interface Reason {
  /** What counted: a word of the ask, the kind of answer, a sample question, a rule that ruled the entry out… */
  rule: string;
  /** What it added to the score (or to the ask's weight, for a word the entry lacks). */
  value: number;
  /** The word concerned, when there is one. */
  term?: string;
}

export interface Scored {
  doc: Doc;
  /** Share of the ask's weight that the entry covers, 0..1. */
  coverage: number;
  score: number;
  why: Reason[];
}

/** What scoring reads of an ask (the engine may have merged it with the conversation's topic). */
export interface Query {
  terms: readonly Term[];
  type: QuestionType | undefined;
  attributes: readonly ConceptId[];
  wantsKind: AnswerKind | undefined;
  /** "What happened to…": an actor's entry is no answer. */
  asksEvent?: boolean;
}

/** An entry the scoring left out, and the rule that did. */
export interface Excluded {
  doc: Doc;
  rule: string;
}

/** Question kinds whose answer must be of that kind: a number, a duration, a place, a date, a person, a reason. */
export const STRICT_TYPES: ReadonlySet<QuestionType> = new Set(['how_many', 'how_long', 'where', 'when', 'who', 'why']);
/** A gap says which role is missing, an actor's entry who someone is: they answer no ask about another role, manner included. */
const ROLE_TYPES: ReadonlySet<QuestionType> = new Set([...STRICT_TYPES, 'how']);
const NUMERIC_TYPES: ReadonlySet<QuestionType> = new Set(['how_many', 'how_long', 'when']);
/** Kinds of question whose answer a fact either gives or not, counted like one more word of the question. */
const TYPE_EVIDENCE: ReadonlySet<QuestionType> = new Set(['how_many', 'how_long', 'when', 'where']);

/**
 * The entries of one article that answer a query, best first, each with its coverage, score and reasons.
 * `excluded`, when given, collects the candidates a rule ruled out (for explanations).
 */
export function scoreArticle(query: Query, index: ArticleIndex, concepts: Concepts, params: Readonly<EngineParams>, excluded?: Excluded[]): Scored[] {
  const { terms, type } = query;
  const detailId = concepts.id({ kind: 'detail' });
  const views = terms.map((term) => index.view(term));
  const secondaries = terms.map((term) => term.secondary.filter((id) => concepts.belongsTo(id, index.article.id)));
  const unknown = views.map((view) => !index.knows(view));
  // A meaning the engine knows ("war") or a number ("25000"): where the article lacks it, it is no paraphrase.
  const general = views.map((view, i) => view.some((id) => concepts.is(id, 'general')) || isNumber(terms[i]!.text) || terms[i]!.name === true);
  const attribute = terms.map((term) => term.concepts.some((id) => concepts.is(id, 'attribute')));
  // A slot ("which city") is never the topic; what a demonstrative points at is the article's context only where the
  // article knows it ("this attack"; "this weekend" is a time of its own).
  const slot = terms.map((term, i) => term.optional === true && !(term.pointed && unknown[i] && !general[i]));
  // "Combien ça a coûté ?" asks nothing but an attribute: the entries that state it are about what it asks.
  const onlyAttributes = terms.length > 0 && terms.every((_, i) => attribute[i] || slot[i]);
  // "Which rebel groups exactly?" asks a detail the facts give only vaguely ("some rebel groups"): the word counts (at
  // a lower weight) and only gaps hold it. "Exactly how many?" is answered by a figure: there it counts only where it matches.
  const detailCounts = !(type && NUMERIC_TYPES.has(type));
  const detail = terms.map((term) => term.concepts.includes(detailId));
  const weights = views.map((view, i) => index.weight(view) * (detail[i] ? params.detailWeight : 1));
  const optional = terms.map((_, i) => (detail[i]! && !detailCounts) || slot[i]!);
  const names = views.map((view) => view.some((id) => concepts.is(id, 'actor')));
  // "Russia and Turkey?", "Kazakhstan, why?" may reach the facts that name them; "Lavrov minister since when?" may
  // not: names alone say nothing of a number, a duration, a date or a place.
  const onlyNames = names.every(Boolean) && !(type && TYPE_EVIDENCE.has(type));
  const typeEvidence = type !== undefined && TYPE_EVIDENCE.has(type);
  const scored: Scored[] = [];
  for (const doc of index.candidates(views, secondaries)) {
    const rule = exclusion(doc, query);
    if (rule) {
      excluded?.push({ doc, rule });
      continue;
    }
    const why: Reason[] = [];
    let covered = 0;
    let total = 0;
    let unknownWeight = 0;
    let missingTopicWeight = 0;
    // An actor's entry is about its actor. An attribute asked ("How tall is Ariane 6?") makes the entry's subject, named,
    // what the ask is about: a name counts as its core then.
    let coreHit = doc.entry.kind === 'actor' || onlyAttributes;
    // Likewise a role the entry gives ("When did the Red Cross spokeswoman speak?" of a fact she said on Tuesday).
    const asksOfSubject = query.attributes.length > 0 || (type !== undefined && TYPE_EVIDENCE.has(type) && doc.answers.has(type));
    let namesHit = 0;
    let hits = 0;
    for (let i = 0; i < terms.length; i += 1) {
      const term = terms[i]!;
      // The attribute asked ("tall") was checked above: it qualifies the subject, it is not one (unless it is all the ask says).
      if (attribute[i]) {
        if (onlyAttributes) {
          covered += weights[i]!;
          total += weights[i]!;
          hits += 1;
          why.push({ rule: 'states the attribute asked', term: term.text, value: weights[i]! });
        }
        continue;
      }
      // The slot of the answer ("which countries") is evidence only for a gap ("nor in which city").
      if (slot[i] && doc.entry.kind !== 'gap') continue;
      const view = views[i]!;
      const weight = weights[i]!;
      const hit = view.find((id) => doc.concepts.has(id));
      if (hit !== undefined) {
        hits += 1;
        const value = (term.mended ? params.mendedShare : 1) * weight;
        covered += value;
        why.push({ rule: term.mended ? 'word (mended)' : 'word', term: term.text, value });
        if (doc.core.has(hit) || (asksOfSubject && doc.subjects.has(hit))) coreHit = true;
        else namesHit += 1;
      } else if (view.some((id) => doc.quoted.has(id))) {
        covered += params.quoteShare * weight;
        why.push({ rule: 'word in the quote', term: term.text, value: params.quoteShare * weight });
      } else if (!slot[i] && (secondaries[i]!.some((id) => doc.concepts.has(id)) || view.some((id) => doc.borrowed.has(id)))) {
        covered += params.secondaryShare * weight;
        why.push({ rule: 'word in passing', term: term.text, value: params.secondaryShare * weight });
      }
      // A word no entry of this article holds: if the engine knows its meaning ("war"), the article lacks that topic and
      // it weighs in full; otherwise (a word only another article uses, or none) it may be a paraphrase here.
      if (unknown[i] && hit === undefined && general[i]) {
        if (!optional[i]) missingTopicWeight += weight;
        why.push({ rule: 'topic the article lacks', term: term.text, value: -weight });
      } else if (unknown[i] && hit === undefined) {
        if (!optional[i]) unknownWeight += Math.min(weight, index.unknown);
      } else if (hit !== undefined || !optional[i]) {
        total += weight;
      }
    }
    // An entry is about what it says, not about whom: "the capital of Kazakhstan" names the talks' host country but asks
    // nothing the talks entry answers. Names alone reach facts when the ask is nothing but names ("Russia and Turkey?"),
    // or ties several of them together ("why are Russia and Iran so important for Assad?").
    const tiesNames = namesHit >= params.namesTied && doc.entry.kind === 'fact';
    if (covered === 0 || (!coreHit && !onlyNames && !tiesNames)) {
      excluded?.push({ doc, rule: covered === 0 ? 'nothing of the ask' : 'only names match' });
      continue;
    }
    // "How long have the evacuation operations been going on?": that a fact gives a duration (a number, a date, a
    // place) is part of what the ask asks, as much as one of its words.
    if (typeEvidence && doc.entry.kind === 'fact') {
      total += params.typeWeight;
      if (doc.answers.has(type!)) {
        covered += params.typeWeight;
        hits += 1;
        why.push({ rule: `gives a ${type}`, value: params.typeWeight });
      }
    }
    // Once the entry's own subject is matched by two words or more, a word the article never uses is more likely a
    // paraphrase ("How many folks left Aleppo?") than the real subject of the ask; next to one word alone it is the
    // subject ("the president of France").
    const paraphrase = (coreHit || tiesNames) && hits >= 2 && doc.entry.kind !== 'actor';
    const unknownCounted = (paraphrase ? params.paraphraseDiscount : 1) * unknownWeight;
    if (unknownCounted > 0) why.push({ rule: paraphrase ? 'unknown words (paraphrase)' : 'unknown words', value: -unknownCounted });
    total += unknownCounted + missingTopicWeight;
    const coverage = total > 0 ? covered / total : 0;
    let score = coverage;
    // Below the bar an entry answers nothing: what would only order it among the others is not worth working out.
    const sample = coverage >= params.minCoverage ? closestSample(views, secondaries, weights, doc, index) : 0;
    if (sample > 0) {
      score += params.sampleBonus * sample;
      why.push({ rule: 'like a sample question', value: params.sampleBonus * sample });
    }
    if (type && doc.answers.has(type)) {
      score += params.typeBonus;
      why.push({ rule: `answers ${type}`, value: params.typeBonus });
    } else if (type && STRICT_TYPES.has(type)) {
      score -= params.typePenalty;
      why.push({ rule: `does not answer ${type}`, value: -params.typePenalty });
    }
    // "Which countries back Assad?" wants countries: an entry that names none answers something else.
    if (query.wantsKind && doc.entry.kind === 'fact') {
      const names = namesKind(doc, query.wantsKind);
      score += names ? params.kindBonus : -params.kindPenalty;
      why.push({ rule: names ? `names a ${query.wantsKind}` : `names no ${query.wantsKind}`, value: names ? params.kindBonus : -params.kindPenalty });
    }
    scored.push({ doc, coverage, score, why });
  }
  return scored.sort((a, b) => b.score - a.score);
}

const isNumber = (text: string): boolean => text.length > 0 && [...text].every((c) => c >= '0' && c <= '9');

/** The rule that rules an entry out before any word is weighed, if one does. */
function exclusion(doc: Doc, query: Query): string | undefined {
  // "How old is Erdogan?" asks an attribute: only an entry that states it may answer, whatever else it shares.
  // (A fact whose quote uses the very word asked states it too: "la libre circulation des populations".)
  const stated = (id: ConceptId) => doc.concepts.has(id) || doc.borrowed.has(id) || (doc.quoted.has(id) && query.terms.some((term) => term.concepts.includes(id) && doc.quoteWords.has(stem(term.text))));
  if (query.attributes.some((id) => !stated(id))) return 'does not state the attribute asked';
  if (doc.entry.kind === 'actor' && query.asksEvent) return 'who someone is says nothing of what happened';
  // "Which party is she in?" wants an organisation: a person's entry is not one.
  if (doc.entry.kind === 'actor' && query.wantsKind && !namesKind(doc, query.wantsKind)) return `an actor that is no ${query.wantsKind}`;
  // Who someone is answers no "how many", "since when", "when" or "where"; nor does a gap about another role.
  if (doc.entry.kind !== 'fact' && query.type && ROLE_TYPES.has(query.type) && !doc.answers.has(query.type)) return `a ${doc.entry.kind} that does not answer ${query.type}`;
  // "How many years has he been president?": a duration is given or not; a fact that gives none is no answer.
  if (query.type === 'how_long' && !doc.answers.has('how_long')) return 'gives no duration';
  return undefined;
}

/** Whether the entry names an actor of the wanted kind; a country asked may be given as a place ("Kazakhstan"). */
function namesKind(doc: Doc, kind: AnswerKind): boolean {
  return doc.names.has(kind) || (kind === 'country' && doc.names.has('place')) || (kind === 'organisation' && doc.names.has('group'));
}

/** Weighted Jaccard similarity between the ask's terms and the entry's closest sample question. */
function closestSample(
  views: readonly (readonly ConceptId[])[],
  secondaries: readonly (readonly ConceptId[])[],
  weights: readonly number[],
  doc: Doc,
  index: ArticleIndex,
): number {
  let total = 0;
  for (const weight of weights) total += weight;
  let best = 0;
  for (const sample of doc.samples) {
    let shared = 0;
    let extra = 0;
    const used: ConceptId[] = [];
    for (let i = 0; i < views.length; i += 1) {
      const hit = views[i]!.find((id) => sample.includes(id)) ?? secondaries[i]!.find((id) => sample.includes(id));
      if (hit !== undefined) {
        shared += weights[i]!;
        used.push(hit);
      }
    }
    if (shared === 0) continue;
    for (const concept of sample) if (!used.includes(concept)) extra += index.conceptWeight(concept);
    best = Math.max(best, shared / (total + extra));
  }
  return best;
}
