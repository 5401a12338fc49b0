import type { Attribute } from './words/index.ts';

/**
 * What a word of a question or of an entry may mean. Built in one place (this file), read everywhere by `kind`.
 * - word: a word of an article's own texts, by its stem;
 * - general: a meaning of the general news lexicon (general-lexicon.ts), whatever the article;
 * - synonym: a synonym group of one article's summary: it means something in that article only;
 * - actor: an actor of one article;
 * - attribute: what a question asks about something (age, height…): an entry must state it;
 * - detail: "exactly", "which … precisely": a detail that only known gaps hold;
 * - name: "name", "job", "appelle": what an actor's entry answers.
 */
export type Concept =
  | { kind: 'word'; stem: string }
  | { kind: 'general'; group: number }
  | { kind: 'synonym'; article: string; group: number }
  | { kind: 'actor'; article: string; actor: string }
  | { kind: 'attribute'; name: Attribute }
  | { kind: 'detail' }
  | { kind: 'name' };

/** Concepts are numbered once, at load: matching compares numbers, and sets of them are cheap. */
export type ConceptId = number;

function keyOf(concept: Concept): string {
  switch (concept.kind) {
    case 'word':
      return `w:${concept.stem}`;
    case 'general':
      return `gen:${concept.group}`;
    case 'synonym':
      return `syn:${concept.article}:${concept.group}`;
    case 'actor':
      return `actor:${concept.article}/${concept.actor}`;
    case 'attribute':
      return `attr:${concept.name}`;
    case 'detail':
    case 'name':
      return concept.kind;
  }
}

/** The table of every concept of a knowledge: one number each, the concept behind each number, and its article. */
export class Concepts {
  private readonly ids = new Map<string, ConceptId>();
  private readonly all: Concept[] = [];
  private readonly owners: (string | undefined)[] = [];

  /** The number of a concept, numbering it when it is new. */
  id(concept: Concept): ConceptId {
    const key = keyOf(concept);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.all.length;
      this.ids.set(key, id);
      this.all.push(concept);
      this.owners.push(concept.kind === 'synonym' || concept.kind === 'actor' ? concept.article : undefined);
    }
    return id;
  }

  get(id: ConceptId): Concept {
    return this.all[id]!;
  }

  get size(): number {
    return this.all.length;
  }

  /** The article a concept belongs to (its synonyms, its actors); undefined for a meaning of every article. */
  articleOf(id: ConceptId): string | undefined {
    return this.owners[id];
  }

  /** Whether the concept may be read in this article: an article's synonyms and actors stay in their article. */
  belongsTo(id: ConceptId, article: string): boolean {
    const owner = this.owners[id];
    return owner === undefined || owner === article;
  }

  is<K extends Concept['kind']>(id: ConceptId, kind: K): boolean {
    return this.all[id]!.kind === kind;
  }

  /** For traces: `actor:syria/lavrov`, `gen:12`, `w:evacu`. */
  label(id: ConceptId): string {
    return keyOf(this.all[id]!);
  }
}
