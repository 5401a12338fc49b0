import type { ActorEntry, Credit, FactInput, GapEntry, SummaryFile } from './schema.ts';

export type { ActorEntry, Credit, GapEntry, QuestionType } from './schema.ts';

/** A fact's time: the article's words, and the date they mean when it could be worked out (YYYY-MM-DD, YYYY-MM or YYYY). */
export interface When {
  text: string;
  date?: string;
  /** The date is a best guess ("la semaine dernière", "fin 2022"). */
  approximate?: boolean;
}

/** A fact as served: as written in summary.json, with its `when` resolved. */
export type FactEntry = Omit<FactInput, 'when'> & { when?: When };

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
