import type { Lang, Source } from '../shared/types.ts';

/** The `ask` CLI prints exactly these four fields; `suggestions` comes on top for chat adapters. */
export interface Answer {
  answered: boolean;
  text: string;
  lang: Lang;
  sources: Source[];
  /** For refusals: up to three questions the article can answer ("Did you mean …"). */
  suggestions: string[];
  /** The article does not cover the question (a greeting is not answered, but not refused either). */
  refused: boolean;
}

export interface AskOptions {
  /** Opaque key of the conversation; follow-ups ("And Erdogan?") use its last topic. */
  conversationKey?: string;
  /** Language to use when the question itself gives no cue (a user's locale). */
  lang?: Lang;
}

export interface Engine {
  answer(question: string, options?: AskOptions): Answer;
  /** Answerable questions fuzzy-matched to a partial question, best first (autocomplete). */
  suggest(partial: string, options?: { limit?: number; lang?: Lang }): string[];
}
