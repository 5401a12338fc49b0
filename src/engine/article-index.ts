import type { ActorEntry, Article, FactEntry, QuestionType } from '../knowledge/types.ts';
import type { ConceptId, Concepts } from './concepts.ts';
import type { EngineParams } from './params.ts';
import type { Entry } from './types.ts';
import type { Term, Vocabulary } from './vocabulary.ts';
import type { Attribute } from './words/index.ts';
import { fold, stem, tokenize } from './normalize.ts';

type ActorKind = ActorEntry['kind'];

/** An entry as the engine matches it: its concepts, and what it answers. Built once per article, at load. */
export interface Doc {
  /** `fact:<id>`, `gap:<id>`, `actor:<id>`: unique within its article (what a conversation remembers). */
  id: string;
  /** `<article>/<entry id>`, for traces. */
  label: string;
  entry: Entry;
  concepts: ReadonlySet<ConceptId>;
  /** A gap's share of its related facts' concepts: they place it, but only its own words decide. */
  borrowed: ReadonlySet<ConceptId>;
  /** A fact's concepts found only in its quote: the article's own words, which readers echo. */
  quoted: ReadonlySet<ConceptId>;
  /** The words of a fact's quote, by stem. */
  quoteWords: ReadonlySet<string>;
  /** What the entry is about beyond names: its concepts that are not actors. */
  core: ReadonlySet<ConceptId>;
  /**
   * The actors a fact is about, whose attributes and roles it may state ("How tall is Ariane 6?", "When did the
   * spokeswoman speak?"): its `who`, `target` and `said_by`, the actors its figure counts, or its one actor. Naming another actor it mentions ("How tall is Viollet-le-Duc?" beside
   * "the 96-metre spire, identical to Viollet-le-Duc's") asks about someone else.
   */
  subjects: ReadonlySet<ConceptId>;
  answers: ReadonlySet<QuestionType>;
  /** The kinds of actor the entry names (countries, people…): "which countries" wants an entry that names some. */
  names: ReadonlySet<ActorKind>;
  /** The concepts of each sample question: a question close to one of them is about this entry. */
  samples: readonly (readonly ConceptId[])[];
  /** Sample questions, for suggestions. */
  questions: { en: readonly string[]; fr: readonly string[] };
}

/** Words of the general lexicon that a fact's kind stands for (a figure is a "number", a reaction a "reaction"). */
const KIND_WORDS: Record<FactEntry['kind'], string[]> = { figure: ['figure'], reaction: ['reaction'], commitment: ['commitment'], event: [], context: [] };

/** The attributes a figure's unit states: 56 m is a height, 600 km a distance (or an altitude), 4 billion euros a cost. */
const UNIT_ATTRIBUTES = new Map<string, Attribute[]>([
  ...['m', 'metre', 'metres', 'meter', 'meters', 'cm', 'mm'].map((unit): [string, Attribute[]] => [unit, ['height']]),
  ...['km', 'kilometre', 'kilometres', 'kilometer', 'kilometers', 'mile', 'miles'].map((unit): [string, Attribute[]] => [unit, ['distance', 'height']]),
  ...['euro', 'euros', 'eur', '€', 'dollar', 'dollars', 'usd', '$', 'franc', 'francs', 'livre', 'livres', 'pound', 'pounds', '£'].map((unit): [string, Attribute[]] => [unit, ['price']]),
  ...['kg', 'kilo', 'kilos', 'tonne', 'tonnes', 'ton', 'tons', 't'].map((unit): [string, Attribute[]] => [unit, ['weight']]),
  ...['km2', 'm2', 'ha', 'hectare', 'hectares'].map((unit): [string, Attribute[]] => [unit, ['area']]),
]);

/** The texts whose words a question may use about an article (the vocabulary is built from them). */
export function articleTexts(article: Article): string[] {
  return [
    ...article.facts.flatMap((f) => [f.text.en, f.text.fr, ...f.questions.en, ...f.questions.fr, ...(f.keywords ?? []), ...(f.action ? [f.action.en, f.action.fr] : [])]),
    ...article.gaps.flatMap((g) => [g.about.en, g.about.fr, ...g.questions.en, ...g.questions.fr, ...(g.keywords ?? [])]),
    ...article.actors.flatMap((a) => [...a.names, a.text.en, a.text.fr]),
  ];
}

/**
 * One article's entries with their weights: inverse document frequency within the article (a word found in every
 * entry tells nothing, a rare one a lot), and which entries hold each concept, so that a question is scored only
 * against the entries it shares something with. Only this article's statistics: adding an article changes nothing here.
 */
export class ArticleIndex {
  readonly docs: readonly Doc[];
  private readonly byId = new Map<string, Doc>();
  private readonly idf = new Map<ConceptId, number>();
  private readonly postings = new Map<ConceptId, Doc[]>();
  /** What a word no entry holds weighs: about as much as the article's rarest word. */
  readonly unknown: number;

  constructor(
    readonly article: Article,
    private readonly concepts: Concepts,
    vocabulary: Vocabulary,
    params: Readonly<EngineParams>,
  ) {
    this.docs = buildDocs(article, concepts, vocabulary, this);
    const frequency = new Map<ConceptId, number>();
    for (const doc of this.docs) {
      this.byId.set(doc.id, doc);
      for (const concept of doc.concepts) frequency.set(concept, (frequency.get(concept) ?? 0) + 1);
      for (const set of [doc.concepts, doc.borrowed, doc.quoted]) {
        for (const concept of set) {
          const list = this.postings.get(concept) ?? [];
          if (list[list.length - 1] !== doc) list.push(doc);
          this.postings.set(concept, list);
        }
      }
    }
    const n = this.docs.length;
    for (const [concept, count] of frequency) this.idf.set(concept, Math.log(1 + n / count));
    this.unknown = params.unknownShare * Math.log(1 + n);
  }

  doc(id: string): Doc | undefined {
    return this.byId.get(id);
  }

  /** A term's meanings in this article: its general ones and this article's own; the word itself where none is left. */
  view(term: Term): readonly ConceptId[] {
    let own: ConceptId[] | undefined;
    for (let i = 0; i < term.concepts.length; i += 1) {
      const concept = term.concepts[i]!;
      if (!this.concepts.belongsTo(concept, this.article.id)) own ??= term.concepts.slice(0, i);
      else own?.push(concept);
    }
    const concepts = own ?? term.concepts;
    if (concepts.length > 0 || term.word === undefined) return concepts;
    return [term.word];
  }

  /** Whether an entry of this article holds one of the concepts. */
  knows(concepts: readonly ConceptId[]): boolean {
    for (const concept of concepts) if (this.postings.has(concept)) return true;
    return false;
  }

  /** The weight of one concept here (0 when no entry holds it). */
  conceptWeight(concept: ConceptId): number {
    return this.idf.get(concept) ?? 0;
  }

  /** The weight of a term's concepts: its rarest one held here, else what an unknown word weighs. */
  weight(concepts: readonly ConceptId[]): number {
    let best = 0;
    for (const concept of concepts) best = Math.max(best, this.idf.get(concept) ?? 0);
    return best > 0 ? best : this.unknown;
  }

  /** The entries holding one of the concepts of the lists, each once. */
  candidates(...conceptLists: readonly (readonly (readonly ConceptId[])[])[]): Doc[] {
    const found = new Set<Doc>();
    for (const lists of conceptLists) {
      for (const list of lists) for (const concept of list) for (const doc of this.postings.get(concept) ?? NO_DOCS) found.add(doc);
    }
    return [...found];
  }
}

const NO_DOCS: readonly Doc[] = [];

function buildDocs(article: Article, concepts: Concepts, vocabulary: Vocabulary, index: ArticleIndex): Doc[] {
  const conceptsOf = (texts: readonly string[], extra: readonly ConceptId[] = []): Set<ConceptId> => {
    const found = new Set(extra);
    for (const text of texts) {
      for (const term of vocabulary.terms(vocabulary.wordsOf(text))) {
        for (const concept of index.view(term)) found.add(concept);
        for (const concept of term.secondary) if (concepts.belongsTo(concept, article.id)) found.add(concept);
      }
    }
    return found;
  };
  const actorOf = (id: string) => concepts.id({ kind: 'actor', article: article.id, actor: id });
  const attribute = (name: Attribute) => concepts.id({ kind: 'attribute', name });
  const coreOf = (set: ReadonlySet<ConceptId>) => new Set([...set].filter((concept) => !concepts.is(concept, 'actor')));
  const samplesOf = (questions: { en: readonly string[]; fr: readonly string[] }) =>
    [...questions.en, ...questions.fr].map((question) => [...conceptsOf([question])]).filter((sample) => sample.length > 0);
  const kindOf = new Map(article.actors.map((actor) => [actor.id, actor.kind]));
  const docs: Doc[] = [];
  const factConcepts = new Map<string, ReadonlySet<ConceptId>>();

  for (const fact of article.facts) {
    // What the summary says of a fact beyond its sentence counts too: a figure is a "number" of what it counts,
    // given by someone ("Who gave the 25,000 figure?"); a reaction is a "reaction"; its roles name their actors.
    const figure = fact.figure ? [fact.figure.counts.en, fact.figure.counts.fr] : [];
    const texts = [fact.text.en, fact.text.fr, ...fact.questions.en, ...fact.questions.fr, ...(fact.keywords ?? []), ...figure, ...KIND_WORDS[fact.kind]];
    const saidBy = fact.said_by ?? fact.figure?.givenBy;
    const roleActors = [...fact.actors, ...(fact.who ?? []), ...(fact.target ?? []), ...(saidBy ? [saidBy] : []), ...(fact.where && kindOf.has(fact.where) ? [fact.where] : [])];
    const unit = fact.figure?.unit ? fold(fact.figure.unit).trim() : undefined;
    const stated = (unit ? (UNIT_ATTRIBUTES.get(unit) ?? []) : []).map(attribute);
    const found = conceptsOf(texts, [...new Set(roleActors)].map(actorOf).concat(stated));
    factConcepts.set(fact.id, found);
    // The article's own words count too, at a lower weight: "la libre circulation des populations" states
    // what a reader calls "the population" even where the summary's sentence says "people".
    const quoted = new Set([...conceptsOf([fact.quote])].filter((concept) => !found.has(concept) && !concepts.is(concept, 'actor')));
    const counted = fact.figure ? article.actors.filter((actor) => actor.names.some((name) => [fact.figure!.counts.en, fact.figure!.counts.fr].some((text) => fold(text).includes(fold(name))))) : [];
    const subjects = new Set([...(fact.who ?? []), ...(fact.target ?? []), ...(saidBy ? [saidBy] : []), ...counted.map((actor) => actor.id), ...(fact.actors.length === 1 ? fact.actors : [])].map(actorOf));
    const answers = new Set(fact.answers);
    if (fact.when) answers.add('when');
    if (fact.where) answers.add('where');
    // A figure answers "how many", unless the editor said it is a duration ("five days" answers "how long").
    if (fact.figure && !answers.has('how_long')) answers.add('how_many');
    // (Not "who" from `who`: a fact whose subject the reader names does not answer "who…?" — "Qui soutient Assad ?" is not
    // answered by what Assad himself said.)
    docs.push({
      id: `fact:${fact.id}`,
      label: `${article.id}/${fact.id}`,
      entry: { kind: 'fact', article, fact },
      concepts: found,
      borrowed: new Set(),
      quoted,
      quoteWords: new Set(tokenize(fact.quote).map(stem)),
      core: coreOf(found),
      subjects,
      answers,
      names: new Set(roleActors.map((id) => kindOf.get(id)!).filter(Boolean)),
      samples: samplesOf(fact.questions),
      questions: fact.questions,
    });
  }
  const detail = concepts.id({ kind: 'detail' });
  for (const gap of article.gaps) {
    const texts = [gap.about.en, gap.about.fr, ...gap.questions.en, ...gap.questions.fr, ...(gap.keywords ?? [])];
    const found = conceptsOf(texts, [detail]);
    // A gap is a detail missing from its related facts: it borrows their words, at a lower weight.
    const borrowed = new Set<ConceptId>();
    for (const id of gap.related ?? []) for (const concept of factConcepts.get(id) ?? []) if (!found.has(concept)) borrowed.add(concept);
    docs.push({
      id: `gap:${gap.id}`,
      label: `${article.id}/${gap.id}`,
      entry: { kind: 'gap', article, gap },
      concepts: found,
      borrowed,
      quoted: new Set(),
      quoteWords: new Set(),
      core: coreOf(found),
      subjects: new Set(),
      answers: new Set(gap.answers),
      names: new Set(),
      samples: samplesOf(gap.questions),
      questions: gap.questions,
    });
  }
  const name = concepts.id({ kind: 'name' });
  for (const actor of article.actors) {
    // Names only: an actor's description mentions other actors, and "What did Putin say?" is not about Erdogan.
    const self = actorOf(actor.id);
    docs.push({
      id: `actor:${actor.id}`,
      label: `${article.id}/${actor.id}`,
      entry: { kind: 'actor', article, actor },
      concepts: conceptsOf(actor.names, [self, name]),
      borrowed: new Set(),
      quoted: new Set(),
      quoteWords: new Set(),
      core: new Set([self]),
      subjects: new Set([self]),
      answers: new Set<QuestionType>(['who', 'what']),
      names: new Set([actor.kind]),
      // "Who is Lavrov?" is the one question an actor's entry answers best.
      samples: [[self]],
      questions: { en: [], fr: [] },
    });
  }
  return docs;
}
