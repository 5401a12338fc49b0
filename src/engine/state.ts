import type { Article, Knowledge } from '../knowledge/types.ts';
import type { ArticleIndex } from './article-index.ts';
import type { ConceptId, Concepts } from './concepts.ts';
import type { EngineParams } from './params.ts';
import type { Vocabulary } from './vocabulary.ts';

/** What the engine builds once per knowledge and every stage reads: never changed after it is built. */
export interface EngineState {
  knowledge: Knowledge;
  params: Readonly<EngineParams>;
  concepts: Concepts;
  vocabulary: Vocabulary;
  indexes: readonly ArticleIndex[];
  indexOf: ReadonlyMap<string, ArticleIndex>;
  /** A concept's weight over every article's entries: for routing an ask between articles, never for scoring within one. */
  globalWeight(concept: ConceptId): number;
}

export const articleById = (state: EngineState, id: string | undefined): Article | undefined => (id ? state.indexOf.get(id)?.article : undefined);
