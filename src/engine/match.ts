import type { Query } from './analyze.ts';
import type { Doc } from './documents.ts';
import { isAttributeConcept } from './focus.ts';
import { articleOfActor, isActorConcept, isGeneralConcept } from './vocabulary.ts';
import { DETAIL_CONCEPT } from './lexicon.ts';
import type { Term } from './vocabulary.ts';

export interface Scored {
  doc: Doc;
  /** Share of the question's weight that the doc covers, 0..1. */
  coverage: number;
  score: number;
}

/** Below this share of the question covered by one entry, the article does not answer it. */
export const MIN_COVERAGE = 0.58;
/** Entries this close to the best are answered together ("What did they agree?"). */
const TIE_MARGIN = 0.08;
const MAX_ANSWERS = 3;
/** A broad question gets every fact that covers it nearly as well as the best one, up to five. */
const BROAD_COVERAGE_MARGIN = 0.4;
const BROAD_SCORE_MARGIN = 0.45;
const MAX_COMPOSED = 5;
/** How much an unknown word weighs once the entry's subject matched, against 1 otherwise. */
const PARAPHRASE_DISCOUNT = 0.6;
/** What a term's passing concept is worth when only it matches ("russe" for "chef de la diplomatie russe"). */
const SECONDARY_SHARE = 0.5;
/** What a word found only in a fact's quote is worth: the article's own wording, a little less sure than the summary's. */
const QUOTE_SHARE = 0.75;
/** What a match through a typo repair is worth: "resto" mended into "reste" must not make a restaurant question in scope. */
const MENDED_SHARE = 0.7;

/** Question kinds whose answer must be of that kind: a number, a duration, a place, a date. */
const STRICT_TYPES = new Set(['how_many', 'how_long', 'where', 'when', 'who', 'why']);
const NUMERIC_TYPES = new Set(['how_many', 'how_long', 'when']);
const NUMERIC_OR_PLACE = new Set(['how_many', 'how_long', 'when', 'where']);
/** Kinds of question whose answer a fact either gives or not, counted like one more word of the question. */
const TYPE_EVIDENCE = NUMERIC_OR_PLACE;
const TYPE_WEIGHT = 1;

/**
 * The entries with their weights: inverse document frequency (a word found in every entry tells
 * nothing, a rare one a lot), and which entries hold each concept, so that a question is scored
 * only against the entries it shares something with.
 */
export class DocIndex {
  private readonly idf = new Map<string, number>();
  private readonly postings = new Map<string, Doc[]>();
  /** The concepts each article's entries hold: a word only another article uses is unknown to this one. */
  private readonly byArticle = new Map<string, Set<string>>();
  readonly unknown: number;

  constructor(readonly docs: readonly Doc[]) {
    const frequency = new Map<string, number>();
    for (const doc of docs) {
      for (const concept of doc.concepts) frequency.set(concept, (frequency.get(concept) ?? 0) + 1);
      const held = this.byArticle.get(doc.entry.article.id) ?? new Set<string>();
      this.byArticle.set(doc.entry.article.id, held);
      for (const concept of doc.concepts) held.add(concept);
      for (const concept of [...doc.concepts, ...doc.borrowed, ...doc.quoted]) {
        const list = this.postings.get(concept) ?? [];
        list.push(doc);
        this.postings.set(concept, list);
      }
    }
    for (const [concept, count] of frequency) this.idf.set(concept, Math.log(1 + docs.length / count));
    // A word the article never uses weighs about as much as its rarest one: "capital" in "capital of Kazakhstan".
    // (Slightly less, so that one unknown paraphrase word among known ones does not sink a question.)
    this.unknown = 0.8 * Math.log(1 + docs.length);
  }

  /** Whether any entry holds one of the term's concepts: a word of the general lexicon may be in none. */
  knows(term: Term): boolean {
    return term.concepts.some((concept) => this.postings.has(concept));
  }

  /** Whether an entry of this article holds one of the term's concepts. */
  knowsIn(term: Term, article: string): boolean {
    const held = this.byArticle.get(article);
    return term.concepts.some((concept) => held?.has(concept) ?? false);
  }

  concept(concept: string): number {
    return this.idf.get(concept) ?? 0;
  }

  weight(term: Term): number {
    let best = 0;
    for (const concept of term.concepts) best = Math.max(best, this.idf.get(concept) ?? 0);
    return best > 0 ? best : this.unknown;
  }

  /** The weight of the terms that the entry holds a concept of. */
  shared(terms: readonly Term[], doc: Doc): number {
    return terms.reduce((sum, term) => sum + (term.concepts.some((c) => doc.concepts.has(c)) ? this.weight(term) : 0), 0);
  }

  /** The entries that share at least one concept with the terms. */
  candidates(terms: readonly Term[]): Set<Doc> {
    const found = new Set<Doc>();
    for (const term of terms) {
      for (const concept of [...term.concepts, ...term.secondary]) for (const doc of this.postings.get(concept) ?? []) found.add(doc);
    }
    return found;
  }
}

export interface RankOptions {
  /** Only this article's entries (a follow-up stays on its conversation's article). */
  article?: string;
}

export function rank(query: Query, index: DocIndex, options: RankOptions = {}): Scored[] {
  const unknown = query.terms.map((term) => !index.knows(term));
  const attribute = query.terms.map((term) => term.concepts.some(isAttributeConcept));
  // "Which rebel groups exactly?" asks a detail the facts give only vaguely ("some rebel groups"): the word
  // counts (at half weight) and only gaps hold it. "Exactly how many?" is answered by a figure: there it
  // counts only where it matches.
  const detailCounts = !(query.type && NUMERIC_TYPES.has(query.type));
  const detail = query.terms.map((term) => term.concepts.includes(DETAIL_CONCEPT));
  const termWeights = query.terms.map((term, i) => index.weight(term) * (detail[i] ? 0.5 : 1));
  const optional = detail.map((isDetail, i) => (isDetail && !detailCounts) || query.terms[i]!.optional === true);
  // "Russia and Turkey?", "Kazakhstan, why?" may reach the facts that name them; "Lavrov minister since
  // when?" may not: names alone say nothing of a number, a duration, a date or a place.
  const onlyNames = query.terms.every((term) => term.actors.length > 0) && !(query.type && NUMERIC_OR_PLACE.has(query.type));
  const typeEvidence = query.type !== undefined && TYPE_EVIDENCE.has(query.type);
  // Names belong to their article: "the weather in Moscow" is about the article that names Moscow, whatever
  // another article says of the weather.
  // (Only a word that is nothing but a name, as typed: "dirigeants" is a common word before it names anyone, and
  // a typo mended into a name, "anonce" into "nonce", names no one for sure.)
  const namedArticles = new Set(
    query.terms.filter((term) => !term.mended && term.concepts.every(isActorConcept)).flatMap((term) => term.actors.map(articleOfActor)),
  );
  const scored: Scored[] = [];
  for (const doc of index.candidates(query.terms)) {
    if (options.article && doc.entry.article.id !== options.article) continue;
    if (namedArticles.size > 0 && !namedArticles.has(doc.entry.article.id)) continue;
    // "How old is Erdogan?" asks an attribute: only an entry that states it may answer, whatever else it shares.
    if (query.attributes.some((attribute) => !doc.concepts.has(attribute) && !doc.borrowed.has(attribute))) continue;
    let covered = 0;
    let total = 0;
    let unknownWeight = 0;
    let knownElsewhereWeight = 0;
    // Who someone is answers no "how many", "since when", "when" or "where"; nor does a gap about another detail.
    if (doc.entry.kind !== 'fact' && query.type && STRICT_TYPES.has(query.type) && !doc.answers.has(query.type)) continue;
    let coreHit = doc.entry.kind === 'actor';
    let namesHit = 0;
    let hits = 0;
    query.terms.forEach((term, i) => {
      // The attribute asked ("tall") was checked above: it qualifies the subject, it is not one. "How tall is
      // the ambassador?" must still be about the ambassador, not about any entry that gives a height.
      if (attribute[i]) return;
      // The slot of the answer ("which countries") is evidence only for a gap ("nor in which city"); a fact that
      // merely says "country" is not the better answer for it.
      if (query.terms[i]!.optional && doc.entry.kind !== 'gap') return;
      const hit = term.concepts.find((concept) => doc.concepts.has(concept));
      if (hit) {
        hits += 1;
        covered += (term.mended ? MENDED_SHARE : 1) * termWeights[i]!;
        if (doc.core.has(hit)) coreHit = true;
        else namesHit += 1;
      } else if (term.concepts.some((concept) => doc.quoted.has(concept))) {
        covered += QUOTE_SHARE * termWeights[i]!;
      } else if (
        term.secondary.some((concept) => doc.concepts.has(concept)) ||
        term.concepts.some((concept) => doc.borrowed.has(concept))
      ) {
        covered += SECONDARY_SHARE * termWeights[i]!;
      }
      // A word no entry of this article holds: if the engine knows its meaning ("war"), the article lacks that
      // topic and it weighs in full; a word only another article uses ("expected") may be a paraphrase here.
      const unknownHere = unknown[i] || !index.knowsIn(term, doc.entry.article.id);
      if (unknownHere && !hit && term.concepts.some(isGeneralConcept)) knownElsewhereWeight += optional[i] ? 0 : termWeights[i]!;
      else if (unknownHere && !hit) unknownWeight += optional[i] ? 0 : Math.min(termWeights[i]!, index.unknown);
      else if (hit || !optional[i]) total += termWeights[i]!;
    });
    // An entry is about what it says, not about whom: "the capital of Kazakhstan" names the talks'
    // host country but asks nothing the talks entry answers. Names alone reach facts when the question
    // is nothing but names ("Russia and Turkey?"), or when it ties three of them together ("why are
    // Russia and Iran so important for Assad?"): one name and an unknown word is an outside question.
    const tiesNames = namesHit >= 3 && doc.entry.kind === 'fact';
    if (covered === 0 || (!coreHit && !onlyNames && !tiesNames)) continue;
    // "How long have the evacuation operations been going on?": that a fact gives a duration (a number, a date,
    // a place) is part of what the question asks, as much as one of its words.
    if (typeEvidence && doc.entry.kind === 'fact') {
      total += TYPE_WEIGHT;
      if (doc.answers.has(query.type!)) {
        covered += TYPE_WEIGHT;
        hits += 1;
      }
    }
    // Once the entry's own subject is matched by two words or more (or a word and the kind of answer: "How many
    // police were on duty?"), a word the article never uses is more likely
    // a paraphrase ("How many folks left Aleppo?") than the real subject of the question; next to one word
    // alone it is the subject ("the president of France").
    // A word whose meaning the engine knows ("war", from the general lexicon) but no entry holds is no paraphrase:
    // it is a topic the article lacks, and weighs in full.
    const paraphrase = (coreHit || tiesNames) && hits >= 2 && doc.entry.kind !== 'actor';
    total += (paraphrase ? PARAPHRASE_DISCOUNT * unknownWeight : unknownWeight) + knownElsewhereWeight;
    const coverage = covered / total;
    // Among entries that cover the question, the one with a sample question closest to it wins.
    let score = coverage + 0.25 * closestSample(query.terms, termWeights, doc, index);
    if (query.type && doc.answers.has(query.type)) score += 0.08;
    else if (query.type && STRICT_TYPES.has(query.type)) score -= 0.1;
    // "Which countries back Assad?" wants countries: an entry that names none answers something else.
    if (query.wantsKind && doc.entry.kind === 'fact') score += namesKind(doc, query.wantsKind) ? 0.05 : -0.15;
    scored.push({ doc, coverage, score });
  }
  return scored.sort((a, b) => b.score - a.score);
}

/**
 * The entries to answer with, all of one article and one kind (facts, or one gap): the best and those tied with
 * it; for a broad question ("what did the three countries commit to?"), every fact that covers it about as well.
 */
export function pick(ranked: readonly Scored[], query?: Pick<Query, 'broad' | 'type' | 'wantsKind'>): Scored[] {
  const first = ranked[0];
  if (!first || first.coverage < MIN_COVERAGE) return [];
  // "Ceasefire?" asks about the topic, not about a detail the article lacks: a fact that covers it as well wins.
  const asFact = !query?.type && first.doc.entry.kind === 'gap' ? ranked.find((s) => s.doc.entry.kind === 'fact' && s.coverage >= first.coverage) : undefined;
  const top = asFact ?? first;
  if (top.doc.entry.kind === 'gap') return [top];
  // "Where…?" answered by a place: an entry beside it that gives no place does not answer it.
  const strict = query?.type && STRICT_TYPES.has(query.type) && top.doc.answers.has(query.type) ? query.type : undefined;
  const sameArticle = (s: Scored) =>
    s.doc.entry.article === top.doc.entry.article && s.doc.entry.kind !== 'gap' && (!strict || s.doc.answers.has(strict));
  if (query?.broad && top.doc.entry.kind === 'fact') {
    const composed = ranked.filter(
      (s) => sameArticle(s) && s.doc.entry.kind === 'fact' && s.coverage >= Math.max(MIN_COVERAGE, top.coverage - BROAD_COVERAGE_MARGIN) && s.score >= top.score - BROAD_SCORE_MARGIN,
    );
    if (composed.length > 1) return composed.slice(0, MAX_COMPOSED);
  }
  // "Which countries back Assad?" names what it wants: the best entry answers it, those beside it only add noise.
  if (query?.wantsKind) return [top];
  return ranked.filter((s) => sameArticle(s) && s.coverage >= MIN_COVERAGE && s.score >= top.score - TIE_MARGIN).slice(0, MAX_ANSWERS);
}

/** Whether the entry names an actor of the wanted kind; a country asked may be given as a place ("Kazakhstan"). */
function namesKind(doc: Doc, kind: NonNullable<Query['wantsKind']>): boolean {
  return doc.names.has(kind) || (kind === 'country' && doc.names.has('place')) || (kind === 'organisation' && doc.names.has('group'));
}

/** Weighted Jaccard similarity between the question's terms and the doc's closest sample question. */
function closestSample(terms: readonly Term[], termWeights: readonly number[], doc: Doc, index: DocIndex): number {
  const total = termWeights.reduce((sum, w) => sum + w, 0);
  let best = 0;
  for (const sample of doc.samples) {
    let shared = 0;
    const used = new Set<string>();
    terms.forEach((term, i) => {
      const hit = term.concepts.find((concept) => sample.has(concept)) ?? term.secondary.find((concept) => sample.has(concept));
      if (hit) {
        shared += termWeights[i]!;
        used.add(hit);
      }
    });
    if (shared === 0) continue;
    let extra = 0;
    for (const concept of sample) if (!used.has(concept)) extra += index.concept(concept);
    best = Math.max(best, shared / (total + extra));
  }
  return best;
}
