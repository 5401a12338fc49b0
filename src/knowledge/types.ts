import type { ActorEntry, FactEntry, GapEntry, SummaryFile } from './schema.ts';

export type { ActorEntry, FactEntry, GapEntry, QuestionType } from './schema.ts';

export interface Article {
  id: string;
  /** Folder the article was loaded from. */
  dir: string;
  /** The verbatim source text. */
  source: string;
  title: SummaryFile['title'];
  credit: SummaryFile['credit'];
  briefing: FactEntry[];
  actors: ActorEntry[];
  facts: FactEntry[];
  gaps: GapEntry[];
  synonyms: string[][];
}

/** Everything loaded from knowledge/: validated, immutable. */
export interface Knowledge {
  articles: readonly Article[];
  /** The first article (by folder name): what commands without an article talk about. */
  primary: Article;
}
