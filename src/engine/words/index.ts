/**
 * The word lists of both languages (en.ts, fr.ts), merged into the look-up tables the engine reads: sets and maps of
 * folded words, and phrase tables matched token by token. Built once, when the module loads.
 */
import { eng } from 'stopword/src/stopwords_eng.js';
import { fra } from 'stopword/src/stopwords_fra.js';
import type { QuestionType } from '../../knowledge/types.ts';
import type { Lang } from '../../shared/types.ts';
import { fold, tokenize } from '../normalize.ts';
import { english } from './en.ts';
import { french } from './fr.ts';
import type { AnswerKind, Attribute, Instruction, LanguageWords, Role, SmallTalk, WholeView } from './types.ts';

export type { AnswerKind, Attribute, Instruction, Role, SmallTalk, WholeView } from './types.ts';

export const LANGUAGES: Readonly<Record<Lang, LanguageWords>> = { en: english, fr: french };
const both = <T>(pick: (words: LanguageWords) => readonly T[]): T[] => [...pick(english), ...pick(french)];
const words = (phrase: string): string[] => phrase.split(' ');

export const SHORTHAND: ReadonlyMap<string, string> = new Map([...Object.entries(english.shorthand), ...Object.entries(french.shorthand)]);

/** Phrases of one or more words, each with a value, matched at a position of a word list (longest first). */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, { tokens: string[]; value: T }[]>();
  private readonly whole = new Map<string, T>();

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [written, value] of entries) {
      // Phrases are read as a question is: "c'est qui qui l'a dit" is "est qui qui dit", "whos who" is "who who".
      const tokens = tokenize(written).map((token) => SHORTHAND.get(token) ?? token);
      if (tokens.length === 0) continue;
      const phrase = tokens.join(' ');
      const list = this.byFirst.get(tokens[0]!) ?? [];
      list.push({ tokens, value });
      this.byFirst.set(tokens[0]!, list);
      if (!this.whole.has(phrase)) this.whole.set(phrase, value);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  /** The longest phrase starting at `at`, if any. */
  at(list: readonly string[], at: number): { value: T; length: number } | undefined {
    const candidates = this.byFirst.get(list[at]!);
    if (!candidates) return undefined;
    for (const { tokens, value } of candidates) {
      let k = 1;
      while (k < tokens.length && list[at + k] === tokens[k]) k += 1;
      if (k === tokens.length) return { value, length: tokens.length };
    }
    return undefined;
  }

  /** The value of a list that is exactly one of the phrases. */
  exactly(list: readonly string[]): T | undefined {
    if (list.length === 0) return undefined;
    return this.whole.get(list.length === 1 ? list[0]! : list.join(' '));
  }

  /** The value of one word that is a phrase by itself. */
  word(word: string): T | undefined {
    return this.whole.get(word);
  }

  /** Every word of every phrase. */
  words(): string[] {
    return [...this.whole.keys()].flatMap(words);
  }

  /** Every phrase found, left to right, without overlaps. */
  find(list: readonly string[]): { value: T; at: number; length: number }[] {
    const found: { value: T; at: number; length: number }[] = [];
    for (let i = 0; i < list.length; ) {
      const match = this.at(list, i);
      if (match) {
        found.push({ ...match, at: i });
        i += match.length;
      } else i += 1;
    }
    return found;
  }
}

const recordEntries = <K extends string>(record: Readonly<Partial<Record<K, readonly string[]>>>): [string, K][] =>
  (Object.entries(record) as [K, readonly string[]][]).flatMap(([key, phrases]) => phrases.map((phrase): [string, K] => [phrase, key]));
const bothRecords = <K extends string>(pick: (words: LanguageWords) => Readonly<Partial<Record<K, readonly string[]>>>): [string, K][] => [
  ...recordEntries(pick(english)),
  ...recordEntries(pick(french)),
];

/** Words that carry no topic: the stopword package's function words of both languages, and ours. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([...eng, ...fra].map(fold).concat(both((w) => w.functionWords)));
/** Ours alone, chosen for questions: never a topic, whatever a stem of the general lexicon says. */
export const CHOSEN_FUNCTION_WORDS: ReadonlySet<string> = new Set(both((w) => w.functionWords));
/** Chat around a question: never a topic, never a reason to refuse. */
export const CHAT_FILLER: ReadonlySet<string> = new Set(both((w) => w.chatFiller));
export const IDIOMS: ReadonlyMap<string, string> = new Map([...Object.entries(english.idioms), ...Object.entries(french.idioms)]);
export const QUESTION_PHRASES = new PhraseTable<QuestionType>(both((w) => w.questionPhrases));
/** Multi-word question phrases ("combien de temps"), whose words are no topic ("temps" in "Quel temps fait-il ?" is). */
export const MULTI_WORD_QUESTION_PHRASES = new PhraseTable<QuestionType>(both((w) => w.questionPhrases).filter(([phrase]) => phrase.includes(' ')));
export const YES_NO_OPENINGS: ReadonlySet<string> = new Set(both((w) => w.yesNoOpenings));
export const FOLLOW_UP_OPENINGS = new PhraseTable<true>(both((w) => w.followUpOpenings).map((phrase) => [phrase, true] as const));
export const PRONOUNS: ReadonlySet<string> = new Set(both((w) => w.pronouns));
export const PERSON_PRONOUNS: ReadonlySet<string> = new Set(both((w) => w.personPronouns));
export const PLURAL_PRONOUNS: ReadonlySet<string> = new Set(both((w) => w.pluralPronouns));
export const DEMONSTRATIVES: ReadonlySet<string> = new Set(both((w) => w.demonstratives));
export const ATTRIBUTE_PHRASES: readonly [string, Attribute][] = bothRecords((w) => w.attributes);
export const OPINION_OPENINGS: ReadonlySet<string> = new Set(both((w) => w.opinionOpenings));
export const ANSWER_KINDS: ReadonlyMap<string, AnswerKind> = new Map(bothRecords((w) => w.answerKinds));
/** Slot words and what they ask: "which city" asks where, "which person" who (a person), "which country" a country. */
export const ANSWER_SLOTS: ReadonlyMap<string, { type?: QuestionType; kind?: AnswerKind }> = new Map(
  bothRecords((w) => w.answerSlots).map(([word, slot]) => {
    const meaning = { where: { type: 'where' }, when: { type: 'when' }, person: { type: 'who', kind: 'person' }, organisation: { type: 'who', kind: 'organisation' }, country: { kind: 'country' } }[slot];
    return [word, meaning as { type?: QuestionType; kind?: AnswerKind }];
  }),
);
export const SAYING_WORDS: ReadonlySet<string> = new Set(both((w) => w.sayingWords));
export const EVENT_WORDS: ReadonlySet<string> = new Set(both((w) => w.eventWords));
export const TIME_WORDS: ReadonlySet<string> = new Set(both((w) => w.timeWords));
export const CITY_WORDS: ReadonlySet<string> = new Set(both((w) => w.cityWords));
export const PLACE_SLOTS: ReadonlySet<string> = new Set(both((w) => w.placeSlots));
export const WHICH_WORDS: ReadonlySet<string> = new Set(both((w) => w.whichWords));
export const IN_WORDS: ReadonlySet<string> = new Set(both((w) => w.inWords));
export const BROAD_WORDS: ReadonlySet<string> = new Set(both((w) => w.broadWords));
export const DETAIL_WORDS: ReadonlySet<string> = new Set(both((w) => w.detailWords));
export const NAME_WORDS: ReadonlySet<string> = new Set(both((w) => w.nameWords));
export const SUMMARY_WORDS: ReadonlySet<string> = new Set(both((w) => w.summaryWords));
export const SUMMARY_CUES: ReadonlySet<string> = new Set(both((w) => w.summaryCues));
export const WHOLE_ARTICLE = new PhraseTable<Exclude<WholeView, 'summary'>>(bothRecords((w) => w.wholeArticle));
export const INSTRUCTIONS = new PhraseTable<Instruction>(bothRecords((w) => w.instructions));
export const ROLE_QUESTIONS = new PhraseTable<Role>(bothRecords((w) => w.roleQuestions));
export const SMALL_TALK = new PhraseTable<SmallTalk>(bothRecords((w) => w.smallTalk));
/** One-word greetings, thanks and goodbyes: no topic inside a question ("hello, how many left?"). */
export const SMALL_TALK_WORDS: ReadonlySet<string> = new Set(
  bothRecords((w) => ({ greeting: w.smallTalk.greeting, thanks: w.smallTalk.thanks, bye: w.smallTalk.bye })).flatMap(([phrase]) => (phrase.includes(' ') ? [] : [phrase])),
);
export const POLITE: ReadonlySet<string> = new Set(both((w) => w.polite));
export const QUESTION_OPENINGS: ReadonlySet<string> = new Set(both((w) => w.questionOpenings));
export const CONJUNCTIONS: ReadonlySet<string> = new Set(both((w) => w.conjunctions));
export const LANGUAGE_CUES: Readonly<Record<Lang, ReadonlySet<string>>> = { en: new Set(english.languageCues), fr: new Set(french.languageCues) };

/** Every phrase table: their words are what questions ask, never typos to mend. */
export const PHRASE_TABLES: readonly PhraseTable<unknown>[] = [QUESTION_PHRASES, FOLLOW_UP_OPENINGS, SMALL_TALK, WHOLE_ARTICLE, INSTRUCTIONS, ROLE_QUESTIONS];
