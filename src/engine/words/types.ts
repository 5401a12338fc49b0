import type { QuestionType } from '../../knowledge/types.ts';

/** What a question asks about something, beyond its topic: an entry answers only if it states it. */
export type Attribute =
  | 'age' | 'population' | 'economy' | 'weather' | 'distance' | 'price' | 'height' | 'weight' | 'currency' | 'capital'
  | 'language' | 'religion' | 'family' | 'wealth' | 'contact' | 'travel' | 'humour' | 'food' | 'opinion' | 'sport' | 'area'
  | 'later';

/** "which countries" wants countries: the kind of actor an answer must name. */
export type AnswerKind = 'country' | 'person' | 'organisation';

/** Lines that are not questions about an article: answered briefly, never with a fact. */
export type SmallTalk = 'greeting' | 'thanks' | 'ack' | 'bye' | 'identity' | 'empty';

/** Questions about the article as a whole. */
export type WholeView = 'summary' | 'gist' | 'full' | 'context' | 'timeline' | 'figures' | 'quotes' | 'people' | 'source';

/** What a reader tells Depeche to do with its last answer. */
export type Instruction = 'shorter' | 'longer' | 'french' | 'english' | 'sources';

/** A role of the last answer's claim that a follow-up asks for ("when?", "who said it?"). */
export type Role = 'when' | 'where' | 'who' | 'said_by' | 'how_many' | 'why';

/**
 * Everything the engine knows of one language that is not about any article. Entries are written folded (lower case,
 * no accents, apostrophes and hyphens as spaces), as the tokenizer produces words; a phrase is words joined by one space.
 * None of them may hold an article's words: those live in knowledge/.
 */
export interface LanguageWords {
  /** Function words that only this language uses: they tell the language of a question. */
  languageCues: readonly string[];
  /** Words that carry no topic, beyond the stopword package's lists: they count neither towards a match nor against it. */
  functionWords: readonly string[];
  /** Chat around a question ("ok", "so", "lol", "bref", "du coup"): never a topic, never makes a line out of scope. */
  chatFiller: readonly string[];
  /** Chat spellings expanded before anything else ("hu" → "who", "koi" → "quoi"). */
  shorthand: Readonly<Record<string, string>>;
  /** Two-word idioms read as one word ("veut dire" → "signifie"). */
  idioms: Readonly<Record<string, string>>;
  /** Phrases that say what kind of answer is wanted, longest first when matched. */
  questionPhrases: readonly (readonly [string, QuestionType])[];
  /** Openings of a yes/no question ("did", "is"). */
  yesNoOpenings: readonly string[];
  /** Openings of a follow-up on the last topic ("and", "what about"). */
  followUpOpenings: readonly string[];
  /** Pronouns that stand for the last person or thing spoken of. */
  pronouns: readonly string[];
  /** Of those, the ones that stand for a person ("he", "she"), and for several ("they"). */
  personPronouns: readonly string[];
  pluralPronouns: readonly string[];
  /** "this", "ce": what follows points back to the article's own context. */
  demonstratives: readonly string[];
  /** Words and phrases that ask for an attribute. Units count ("96 metres" states a height). */
  attributes: Readonly<Partial<Record<Attribute, readonly string[]>>>;
  /** Openings that ask for advice or a judgement ("should…"). */
  opinionOpenings: readonly string[];
  /** Words after "which" naming the kind of actor wanted. */
  answerKinds: Readonly<Record<AnswerKind, readonly string[]>>;
  /** Words that name the slot of the answer, not its topic ("which city", "quel jour"). */
  answerSlots: Readonly<{ where: readonly string[]; when: readonly string[]; person: readonly string[]; organisation: readonly string[]; country: readonly string[] }>;
  /** Verbs of saying: with "exactly", they ask for the words themselves ("what did Macron say exactly?"). */
  sayingWords: readonly string[];
  /** Words that ask what happened ("what happened to X?"): an actor's description does not say it. */
  eventWords: readonly string[];
  /** Words that want an hour, not a day: "what time?" of a mass "on Sunday" is not answered. */
  timeWords: readonly string[];
  /** Slot words that want a town, not a country: "which city?" of talks "in Kazakhstan" is not answered. */
  cityWords: readonly string[];
  /** Slot words that ask "where" wherever they stand ("the venue"). */
  placeSlots: readonly string[];
  /** Words that ask "which …". */
  whichWords: readonly string[];
  /** Prepositions before a slot that make a country a place ("in which country"). */
  inWords: readonly string[];
  /** Words that ask for several things at once ("reactions", "everything"). */
  broadWords: readonly string[];
  /** Words that ask for a precise detail ("exactly"): known gaps are lists of missing details. */
  detailWords: readonly string[];
  /** Words that ask for a name or a post: an actor's entry answers them. */
  nameWords: readonly string[];
  /** Words that ask for the whole article ("summary", "gist"). */
  summaryWords: readonly string[];
  /** Words that, in a question with no topic of its own, ask what the article is about ("what happened?"). */
  summaryCues: readonly string[];
  /** Phrases that ask for one view of the whole article ("timeline", "the key figures", "who's who"). */
  wholeArticle: Readonly<Record<Exclude<WholeView, 'summary'>, readonly string[]>>;
  /** Whole lines that tell Depeche what to do with its last answer ("shorter please", "in French?"). */
  instructions: Readonly<Record<Instruction, readonly string[]>>;
  /** Whole parts that ask a role of the last answer ("when was that?", "who said it?"); folded, without punctuation. */
  roleQuestions: Readonly<Record<Role, readonly string[]>>;
  /** Small talk, by the whole line's words. */
  smallTalk: Readonly<Record<SmallTalk, readonly string[]>>;
  /** Politeness around small talk ("a lot", "please"). */
  polite: readonly string[];
  /** Words that open a new question after a comma or "and" ("who", "où"), for splitting lines with several asks. */
  questionOpenings: readonly string[];
  /** Conjunctions that join two asks ("and", "et"). */
  conjunctions: readonly string[];
}
