import type { Article, QuestionType } from '../knowledge/types.ts';
import type { Lang } from '../shared/types.ts';
import type { DocEntry } from './documents.ts';
import type { Term } from './vocabulary.ts';

export type { DocEntry } from './documents.ts';

/** What a follow-up can lean on: the words of the last answered question, and the article it was answered from. */
export interface Topic {
  terms: Term[];
  type: QuestionType | undefined;
  lang: Lang;
  /** The article the conversation is about: follow-ups and close calls between articles stay on it. */
  article?: string;
}

/** Lines that are not questions about an article: answered briefly, never with a fact. */
export type SmallTalk = 'greeting' | 'thanks' | 'ack' | 'bye' | 'identity' | 'empty';

/**
 * What the engine found, as data: which entries answer, in which language, and what kind of answer it is.
 * Words are chosen elsewhere (src/core/answer-text.ts), so that the engine knows no sentence of its own.
 */
export type Answer = { lang: Lang; topic?: Topic } & (
  | {
      kind: 'entries';
      /** One group per part of the question ("Who…, and when?"), each with its facts, or one actor, or one gap. */
      groups: DocEntry[][];
    }
  /** The briefing of one article, or of several when the conversation is on none. */
  | { kind: 'summary'; articles: readonly Article[] }
  /** The article does not cover it: up to three questions it can answer instead. */
  | { kind: 'refusal'; suggestions: string[]; articles: readonly Article[] }
  /** Several articles could answer and the conversation is on none of them: one suggestion per article. */
  | { kind: 'choose-article'; choices: { article: Article; question: string }[] }
  | { kind: 'small-talk'; act: SmallTalk; suggestions: string[] }
);

export interface AskOptions {
  /** The conversation's last topic, as returned with the previous answer (the caller keeps it). */
  context?: Topic;
  /** Language to use when the question itself gives no cue (a user's locale). */
  lang?: Lang;
  /** Collects how the question was read, step by step (`npm run explain`). */
  trace?: string[];
}

export interface Engine {
  answer(question: string, options?: AskOptions): Answer;
  /** Answerable questions fuzzy-matched to a partial question, best first (autocomplete). */
  suggest(partial: string, options?: { limit?: number; lang?: Lang }): string[];
}
