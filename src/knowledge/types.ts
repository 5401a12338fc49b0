import type { ActorEntry, Credit, FactEntry, GapEntry, SummaryFile } from './schema.ts';

export type { ActorEntry, Credit, FactEntry, GapEntry, QuestionType } from './schema.ts';

export interface Article {
  id: string;
  /** Folder the article was loaded from. */
  dir: string;
  /** The verbatim source text. */
  source: string;
  title: SummaryFile['title'];
  /** YYYY-MM-DD, when the summary gives it. */
  published?: string;
  /** Absent when the article carries no credit line. */
  credit?: Credit;
  briefing: FactEntry[];
  actors: ActorEntry[];
  facts: FactEntry[];
  gaps: GapEntry[];
  synonyms: string[][];
}

/** Everything loaded from knowledge/: validated, immutable. */
export interface Knowledge {
  /** Newest first: by `published`, undated articles last, ties by folder name. */
  articles: readonly Article[];
  /** The newest article: what commands and briefings without an article talk about. */
  newest: Article;
}
