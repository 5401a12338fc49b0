import type { ActorEntry, Article, FactEntry, GapEntry, QuestionType } from '../knowledge/types.ts';
import type { Lang } from '../shared/types.ts';
import type { Explanation } from './explanation.ts';
import type { EngineParams } from './params.ts';
import type { Attribute, Role, SmallTalk, WholeView } from './words/types.ts';

export type { Role, SmallTalk, WholeView } from './words/types.ts';

/** Something an answer is made of: a fact, an actor's description, or a known gap. */
export type Entry =
  | { kind: 'fact'; article: Article; fact: FactEntry }
  | { kind: 'actor'; article: Article; actor: ActorEntry }
  | { kind: 'gap'; article: Article; gap: GapEntry };

/** What answers one ask of a line ("Who met, where, and what did Putin say?" has three). */
export type PartAnswer =
  /** Facts (one, or several for a broad ask), one actor, or one known gap. */
  | { kind: 'entries'; entries: Entry[] }
  /** A role of a claim, asked as a follow-up ("when was that?"): the claim has it. */
  | { kind: 'role'; role: Role; article: Article; fact: FactEntry }
  /**
   * A role the claim lacks: "The article does not say when …", made from the claim, not hand-written. `coarse`: the
   * claim has the role, less precisely than asked ("which city?" of talks "in Kazakhstan").
   */
  | { kind: 'missing-role'; role: Role; article: Article; fact: FactEntry; coarse?: boolean }
  /** A view of the whole article (summary, timeline, figures, quotes…), with the entries it is made of. */
  | { kind: 'whole'; view: WholeView; article: Article; entries: Entry[]; speaker?: ActorEntry }
  /** A measure asked of a thing the article is about, that it does not give ("How much does the spire weigh?"). */
  | { kind: 'missing-measure'; measure: Attribute; subject: string; article: Article; fact: FactEntry }
  /** A name asked of an actor the article never names ("the nuncio's name?", "what is the choir called?"). */
  | { kind: 'unnamed'; article: Article; actor: ActorEntry }
  /** An ask of a line with several that the article does not cover: said in its place. */
  | { kind: 'not-covered'; text: string };

/**
 * What the engine found, as data: which entries answer, in which language, and what kind of answer it is.
 * Words are chosen elsewhere (src/core/answer-text.ts), so that the engine knows no sentence of its own.
 */
export type Answer = { lang: Lang; topic?: Topic } & (
  | { kind: 'answer'; parts: PartAnswer[] }
  /** The article does not cover it: up to three questions it can answer instead. */
  | { kind: 'refusal'; suggestions: string[]; articles: readonly Article[]; otherLanguage?: boolean }
  /** Several articles could answer and the conversation is on none of them: one suggestion per article. */
  | { kind: 'choose-article'; choices: { article: Article; question: string }[] }
  | { kind: 'small-talk'; act: SmallTalk; suggestions: string[] }
);

/**
 * What a conversation remembers of the last answer, small and plain (it may be kept in a database): the article,
 * the words of the question answered, and the entries given. Follow-ups lean on the words ("And Erdogan?"), roles
 * and instructions on the entries ("when was that?", "shorter").
 */
export interface Topic {
  lang: Lang;
  /** The article the conversation is about: follow-ups and close calls between articles stay on it. */
  article?: string;
  /** The words of the question the last answer answered. */
  words: string[];
  type?: QuestionType;
  /** The last answer's entries, as `<article>/fact:<id>`, `<article>/gap:<id>` or `<article>/actor:<id>`. */
  entries: string[];
  /** The last answer was a view of the whole article… */
  view?: WholeView;
  /** …of these articles (several when the conversation was on none). */
  articles?: string[];
}

export interface AskOptions {
  /** The conversation's last topic, as returned with the previous answer (the caller keeps it). */
  context?: Topic;
  /** Language to use when the question itself gives no cue (a user's locale). */
  lang?: Lang;
  /** Filled with how the line was read and decided, as data (knowledge:check renders it). */
  explain?: Explanation;
  /** Collects the same, as lines for people (`npm run explain`). */
  trace?: string[];
}

export interface Engine {
  answer(question: string, options?: AskOptions): Answer;
  /** Answerable questions fuzzy-matched to a partial question, best first (autocomplete). */
  suggest(partial: string, options?: { limit?: number; lang?: Lang }): string[];
}

export interface EngineOptions {
  /** Overrides of DEFAULT_PARAMS (src/engine/params.ts). */
  params?: Partial<EngineParams>;
}
