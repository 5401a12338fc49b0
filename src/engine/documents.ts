import type { ActorEntry, Article, QuestionType } from '../knowledge/types.ts';

type ActorKind = ActorEntry['kind'];
import { DETAIL_CONCEPT, NAME_CONCEPT } from './lexicon.ts';
import { actorConcept, isActorConcept, type Vocabulary } from './vocabulary.ts';

/** Something an answer can be made of: a fact, an actor's description, a known gap, or the briefing. */
export type DocEntry =
  | { kind: 'fact'; article: Article; fact: Article['facts'][number] }
  | { kind: 'actor'; article: Article; actor: Article['actors'][number] }
  | { kind: 'gap'; article: Article; gap: Article['gaps'][number] };

export interface Doc {
  /** `<article>/<entry id>`: entry ids are unique within their article only. */
  id: string;
  entry: DocEntry;
  concepts: ReadonlySet<string>;
  /** A gap's share of its related facts' concepts: they place it, but only its own words decide. */
  borrowed: ReadonlySet<string>;
  /** A fact's concepts found only in its quote: the article's own words, which readers echo. */
  quoted: ReadonlySet<string>;
  /** What the entry is about beyond names: its concepts that are not actors. */
  core: ReadonlySet<string>;
  answers: ReadonlySet<QuestionType>;
  /** The kinds of actor the entry names (countries, people…): "which countries" wants an entry that names some. */
  names: ReadonlySet<ActorKind>;
  /** Sample questions, for suggestions. */
  questions: { en: readonly string[]; fr: readonly string[] };
  /** The concepts of each sample question: a question close to one of them is about this entry. */
  samples: ReadonlySet<string>[];
}

/** The texts whose words a question may use about an article (the vocabulary is built from them). */
export function articleTexts(article: Article): string[] {
  return [
    ...article.facts.flatMap((f) => [f.text.en, f.text.fr, ...f.questions.en, ...f.questions.fr, ...(f.keywords ?? [])]),
    ...article.gaps.flatMap((g) => [g.about.en, g.about.fr, ...g.questions.en, ...g.questions.fr, ...(g.keywords ?? [])]),
    ...article.actors.flatMap((a) => [...a.names, a.text.en, a.text.fr]),
  ];
}

/** Words of the general lexicon that a fact's kind stands for. */
const KIND_WORDS: Record<Article['facts'][number]['kind'], string[]> = {
  figure: ['figure'],
  reaction: ['reaction'],
  commitment: ['commitment'],
  event: [],
  context: [],
};

export function buildDocs(articles: readonly Article[], vocabulary: Vocabulary): Doc[] {
  const conceptsOf = (texts: string[], extra: string[] = []): Set<string> => {
    const concepts = new Set(extra);
    for (const text of texts) {
      for (const term of vocabulary.terms(vocabulary.normalizeWords(text))) {
        for (const c of term.concepts) concepts.add(c);
        for (const c of term.secondary) concepts.add(c);
      }
    }
    return concepts;
  };
  const coreOf = (concepts: ReadonlySet<string>): Set<string> => new Set([...concepts].filter((c) => !c.startsWith('actor:')));
  const samplesOf = (questions: { en: readonly string[]; fr: readonly string[] }): Set<string>[] =>
    [...questions.en, ...questions.fr].map((question) => conceptsOf([question])).filter((set) => set.size > 0);
  const docs: Doc[] = [];
  for (const article of articles) {
    const factConcepts = new Map<string, ReadonlySet<string>>();
    const kindOf = new Map(article.actors.map((actor) => [actor.id, actor.kind]));
    const actorOf = (id: string) => actorConcept(article.id, id);
    for (const fact of article.facts) {
      // What the summary says of a fact beyond its sentence counts too: a figure is a "number" of what it counts,
      // given by someone ("Who gave the 25,000 figure?"); a reaction is a "reaction".
      const figure = fact.figure ? [fact.figure.counts.en, fact.figure.counts.fr] : [];
      const texts = [fact.text.en, fact.text.fr, ...fact.questions.en, ...fact.questions.fr, ...(fact.keywords ?? []), ...figure, ...KIND_WORDS[fact.kind]];
      const givenBy = fact.figure?.givenBy ? [actorOf(fact.figure.givenBy)] : [];
      const concepts = conceptsOf(texts, [...fact.actors.map(actorOf), ...givenBy]);
      factConcepts.set(fact.id, concepts);
      // The article's own words count too, at a lower weight: "la libre circulation des populations" states
      // what a reader calls "the population" even where the summary's sentence says "people".
      const quoted = new Set([...conceptsOf([fact.quote])].filter((concept) => !concepts.has(concept) && !isActorConcept(concept)));
      docs.push({
        id: `${article.id}/${fact.id}`,
        names: new Set(fact.actors.map((id) => kindOf.get(id)!).filter(Boolean)),
        entry: { kind: 'fact', article, fact },
        concepts,
        borrowed: new Set(),
        quoted,
        core: coreOf(concepts),
        answers: new Set(fact.answers),
        questions: fact.questions,
        samples: samplesOf(fact.questions),
      });
    }
    for (const gap of article.gaps) {
      const texts = [gap.about.en, gap.about.fr, ...gap.questions.en, ...gap.questions.fr, ...(gap.keywords ?? [])];
      const concepts = conceptsOf(texts, [DETAIL_CONCEPT]);
      const core = coreOf(concepts);
      // A gap is a detail missing from its related facts: it borrows their words, at a lower weight.
      const borrowed = new Set<string>();
      for (const id of gap.related ?? []) for (const concept of factConcepts.get(id) ?? []) if (!concepts.has(concept)) borrowed.add(concept);
      docs.push({
        id: `${article.id}/${gap.id}`,
        entry: { kind: 'gap', article, gap },
        concepts,
        borrowed,
        quoted: new Set(),
        core,
        answers: new Set(gap.answers),
        names: new Set(),
        questions: gap.questions,
        samples: samplesOf(gap.questions),
      });
    }
    for (const actor of article.actors) {
      // Names only: an actor's description mentions other actors, and "What did Putin say?" is not about Erdogan.
      docs.push({
        id: `${article.id}/${actor.id}`,
        entry: { kind: 'actor', article, actor },
        concepts: conceptsOf(actor.names, [actorOf(actor.id), NAME_CONCEPT]),
        borrowed: new Set(),
        quoted: new Set(),
        core: new Set([actorOf(actor.id)]),
        answers: new Set<QuestionType>(['who', 'what']),
        names: new Set([actor.kind]),
        questions: { en: [], fr: [] },
        // "Who is Lavrov?" is the one question an actor's entry answers best.
        samples: [new Set([actorOf(actor.id)])],
      });
    }
  }
  return docs;
}
