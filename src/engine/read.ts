/**
 * The first stage of answering: reading a line. What it is (small talk, an instruction about the last answer, or
 * asks), and for each ask its words and terms, what kind of answer it wants, what it asks about the whole article or
 * about the last answer. Pure: general patterns of English and French, no article's words.
 */
import type { QuestionType } from '../knowledge/types.ts';
import type { Lang } from '../shared/types.ts';
import type { ConceptId, Concepts } from './concepts.ts';
import { detectFromWords, hasFrenchAccents } from './language.ts';
import { fold, tokenize } from './normalize.ts';
import type { EngineParams } from './params.ts';
import { splitQuestion } from './split.ts';
import type { Term, Vocabulary } from './vocabulary.ts';
import {
  ANSWER_KINDS, ANSWER_SLOTS, BROAD_WORDS, CHAT_FILLER, CITY_WORDS, DETAIL_WORDS, EVENT_WORDS, FUNCTION_WORDS, SAYING_WORDS, TIME_WORDS, DEMONSTRATIVES, FOLLOW_UP_OPENINGS, IN_WORDS, INSTRUCTIONS, OPINION_OPENINGS, PLACE_SLOTS, POLITE,
  PERSON_PRONOUNS, PLURAL_PRONOUNS, PRONOUNS, QUESTION_PHRASES, ROLE_QUESTIONS, SHORTHAND, SMALL_TALK, SUMMARY_CUES, SUMMARY_WORDS, WHICH_WORDS, WHOLE_ARTICLE, YES_NO_OPENINGS,
  type AnswerKind, type Instruction, type Role, type SmallTalk, type WholeView,
} from './words/index.ts';

/** One ask of a line, read. */
export interface Ask {
  /** As written. */
  text: string;
  /** Its words, shorthand expanded and typos mended. */
  words: string[];
  terms: Term[];
  type: QuestionType | undefined;
  lang: Lang;
  /** No language cue at all ("Erdogan?"): the conversation's language should win. */
  langGuessed: boolean;
  /** The attributes asked about ("how old" → age): an entry must state them to answer. */
  attributes: ConceptId[];
  /** "Which countries…" wants an answer that names countries. */
  wantsKind: AnswerKind | undefined;
  /** Asks for several things at once ("what did they commit to?", "how did Erdogan and Putin react?"). */
  broad: boolean;
  /** Opens like a follow-up ("And Erdogan?", "Et pour Poutine ?"). */
  followUp: boolean;
  /** Says "he", "they", "il"… without naming anyone. */
  usesPronoun: boolean;
  /** Which: "he"/"she" stands for the last person spoken of, "they" for the last actors; "it" for anything. */
  pronoun: 'person' | 'plural' | 'thing' | undefined;
  /** Asks what the article is about, with summary words ("résumé") or, with no topic, summary cues ("what happened?"). */
  wantsSummary: boolean;
  /** Asks for a view of the whole article ("timeline", "who's who", "Lavrov's exact words"). */
  whole: WholeView | undefined;
  /** Asks a role of the last answer and nothing else ("when was that?", "who said it?"). */
  role: Role | undefined;
  /** Wants a town ("which city?"), not a country. */
  wantsCity: boolean;
  /** Wants an hour ("what time?"), not a day. */
  wantsTime: boolean;
  /** Asks what happened ("what happened to the ambassador?"): facts answer, not who someone is. */
  asksEvent: boolean;
}

/** A line, read. */
export interface Reading {
  /** The whole line is small talk ("ok thanks", "who are you?"): never answered with a fact. */
  act: SmallTalk | undefined;
  /** The whole line tells what to do with the last answer ("shorter please", "in French?"). */
  instruction: Instruction | undefined;
  asks: Ask[];
}

/** Stronger kinds first: "How many days…" asks a duration, "Who… how many…" a number. */
const TYPE_PRIORITY: QuestionType[] = ['how_long', 'how_many', 'where', 'when', 'why', 'who', 'how', 'what'];
const WHO_WORDS = new Set(['who', 'qui']);
const WHAT_WORDS = new Set(['what', 'quoi']);
/** Words that say "the article itself" around a whole-article ask ("the key figures of this article"). */
const ABOUT_THE_ARTICLE = new Set(['key', 'main', 'important', 'importants', 'importantes', 'principaux', 'principales', 'cles', 'essentiels', 'major', 'big', 'matter', 'comptent', 'count', 'given', 'donnes', 'cited', 'mentioned', 'cites', 'citees']);

export function readQuestion(question: string, vocabulary: Vocabulary, concepts: Concepts, fallbackLang: Lang, params: Readonly<EngineParams>): Reading {
  const text = question.length > params.maxQuestionChars ? question.slice(0, params.maxQuestionChars) : question;
  const lineWords = tokenize(text).map((token) => SHORTHAND.get(token) ?? token);
  const act = smallTalkOf(lineWords);
  const bare = lineWords.filter((word) => !CHAT_FILLER.has(word) && !POLITE.has(word));
  const instruction = act ? undefined : INSTRUCTIONS.exactly(bare);
  const read = act || instruction ? [] : splitQuestion(text, params.maxParts).map((part) => readAsk(part, vocabulary, concepts, fallbackLang));
  // "ok, and what's Erdogan's favourite team?": a piece that is only chat ("ok") is no ask of its own.
  const asks = read.length > 1 ? read.filter((ask) => !isOnlyChat(ask)) : read;
  // "What happened after, did the talks happen?": a time after the article, said once, holds for the line's yes/no asks.
  const later = concepts.id({ kind: 'attribute', name: 'later' });
  if (asks.some((ask) => ask.attributes.includes(later))) {
    for (const ask of asks) if (ask.type === 'yes_no' && !ask.attributes.includes(later)) ask.attributes.push(later);
  }
  return { act, instruction, asks };
}

export function readAsk(text: string, vocabulary: Vocabulary, concepts: Concepts, fallbackLang: Lang): Ask {
  const tokens = tokenize(text);
  const accents = hasFrenchAccents(text);
  const { words, mended } = vocabulary.mend(tokens, detectFromWords(tokens, accents, fallbackLang));
  // "In which city…", "quel jour…": the slot of the answer is no topic to cover; it says what kind of answer is wanted.
  // It counts only where an entry holds it ("nor in which city" is what a gap says).
  const slots = answerSlots(words);
  const slotWords = new Set(slots.map((slot) => words[slot.at]!));
  // Words in capitals ("the US", "l'UE") may be names that are otherwise function words.
  const { shouted, named } = capitals(text);
  // "dans ce conflit", "this attack": what a demonstrative points at is the article's own context, not a new topic.
  const pointedAt = new Set(words.filter((_, i) => DEMONSTRATIVES.has(words[i - 1] ?? '')));
  // A view of the whole article ("the timeline", "les chiffres clés") is asked by its phrase; its words are no topic.
  const wholeFound = WHOLE_ARTICLE.find(words);
  const wholeWords = new Set(wholeFound.flatMap((found) => words.slice(found.at, found.at + found.length)));
  // A word written with a capital inside the line ("et le Disney…") is a name: unknown to the article, it is a new subject.
  const terms = vocabulary
    .terms(words, mended, shouted)
    .map((term) => (slotWords.has(term.text) ? { ...term, optional: true } : pointedAt.has(term.text.split(' ')[0]!) ? { ...term, optional: true, pointed: true } : term))
    .map((term) => (term.concepts.length === 0 && named.has(term.text) ? { ...term, name: true } : term));
  const attributes = [...new Set(terms.flatMap((term) => term.concepts.filter((id) => concepts.is(id, 'attribute'))))];
  if (OPINION_OPENINGS.has(words[0] ?? '') || asksJudgement(text)) attributes.push(concepts.id({ kind: 'attribute', name: 'opinion' }));
  const actorsNamed = new Set(terms.flatMap((term) => term.actors));
  const cueLang = detectFromWords(words, accents, undefined);
  const langGuessed = cueLang === undefined;
  const asked = questionType(words, text);
  const slot = { type: slots.find((s) => s.type)?.type, kind: slots.find((s) => s.kind)?.kind };
  // "Which city…" asks where even though its words say "what"; "comment s'appelle…" asks a name, not a manner.
  const namesAsked = asked === 'how' && terms.some((term) => term.concepts.some((id) => concepts.is(id, 'name')));
  const type = slot.type && (!asked || asked === 'what') ? slot.type : namesAsked ? 'what' : asked;
  const topical = terms.filter((term) => !wholeWords.has(term.text) && !term.text.split(' ').every((word) => wholeWords.has(word) || ABOUT_THE_ARTICLE.has(word)));
  const contentFree = terms.length === 0;
  // "Qu'est-ce qu'a dit Macron exactement ?": a saying and "exactly", around a name, asks for the words themselves.
  const exactWords = words.some((w) => SAYING_WORDS.has(w)) && words.some((w) => DETAIL_WORDS.has(w)) ? (['quotes'] as const) : [];
  const whole = wholeView([...wholeFound.map((found) => found.value), ...exactWords], exactWords.length ? topical.filter((t) => !t.concepts.every((id) => concepts.is(id, 'detail')) && !SAYING_WORDS.has(t.text)) : topical);
  const bare = words.filter((word) => !CHAT_FILLER.has(word) && !POLITE.has(word));
  return {
    text,
    words,
    terms: whole ? topical : terms,
    type,
    lang: cueLang ?? fallbackLang,
    langGuessed,
    attributes,
    wantsKind: slot.kind ?? wantedKind(words),
    // "Who agreed to what?" asks for every pair.
    broad: actorsNamed.size >= 2 || words.some((w) => BROAD_WORDS.has(w)) || (words.some((w) => WHO_WORDS.has(w)) && words.some((w) => WHAT_WORDS.has(w))),
    followUp: FOLLOW_UP_OPENINGS.at(words, 0) !== undefined && terms.length <= 3,
    usesPronoun: words.some((w) => PRONOUNS.has(w)) && !terms.some((t) => t.actors.length > 0),
    pronoun: terms.some((t) => t.actors.length > 0) ? undefined : words.some((w) => PERSON_PRONOUNS.has(w)) ? 'person' : words.some((w) => PLURAL_PRONOUNS.has(w)) ? 'plural' : words.some((w) => PRONOUNS.has(w)) ? 'thing' : undefined,
    wantsSummary: words.some((w) => SUMMARY_WORDS.has(w)) || (contentFree && words.some((w) => SUMMARY_CUES.has(w))),
    whole,
    role: whole ? undefined : (ROLE_QUESTIONS.exactly(bare) ?? (slot.kind ? undefined : roleOf(type, terms, concepts))),
    wantsCity: words.some((word) => CITY_WORDS.has(word)),
    wantsTime: type === 'when' && words.some((word) => TIME_WORDS.has(word)),
    asksEvent: words.some((word) => EVENT_WORDS.has(word)),
  };
}

function isOnlyChat(ask: Ask): boolean {
  return ask.terms.length === 0 && ask.type === undefined && !ask.whole && !ask.wantsSummary && smallTalkOf(tokenize(ask.text)) !== undefined;
}

/** A view of the whole article when nothing else is asked; "exact words" with a name is that speaker's quotes. */
function wholeView(views: readonly Exclude<WholeView, 'summary'>[], topical: readonly Term[]): WholeView | undefined {
  const view = views[0];
  if (!view) return undefined;
  if (topical.length === 0) return view;
  if (view === 'quotes' && topical.every((term) => term.actors.length > 0)) return view;
  return undefined;
}

/** "when?", "and where?", "why?": a kind of answer and no topic of its own asks that role of the last answer. */
function roleOf(type: QuestionType | undefined, terms: readonly Term[], concepts: Concepts): Role | undefined {
  // "c'était quand exactement ?": "exactly" asks the role precisely, nothing else.
  if (terms.some((term) => !term.optional && !term.concepts.every((id) => concepts.is(id, 'detail')))) return undefined;
  return type === 'when' || type === 'where' || type === 'who' || type === 'why' || type === 'how_many' ? type : undefined;
}

/**
 * Words written with capitals, folded: all in capitals ("US", "UE": names that are otherwise function words), and
 * with a capital anywhere but at the line's start ("Disney" in "et le Disney il est sorti quand": a name). One scan.
 */
function capitals(text: string): { shouted: Set<string>; named: Set<string> } {
  const shouted = new Set<string>();
  const named = new Set<string>();
  let first = true;
  for (let i = 0; i < text.length; ) {
    if (!isLetterOrDigit(text[i]!)) {
      i += 1;
      continue;
    }
    let end = i;
    let upper = 0;
    while (end < text.length && isLetterOrDigit(text[end]!)) {
      if (text[end] !== text[end]!.toLowerCase()) upper += 1;
      end += 1;
    }
    const word = text.slice(i, end);
    if (upper >= 2 && upper === word.length) shouted.add(fold(word));
    if (!first && upper > 0 && word[0] !== word[0]!.toLowerCase()) named.add(fold(word));
    first = false;
    i = end;
  }
  return { shouted, named };
}

const isLetterOrDigit = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c > '\u007f' && c.toLowerCase() !== c.toUpperCase());

/**
 * Judgements asked in a sentence's shape rather than its words: "la Russie a-t-elle raison", "a raison de", "was
 * Turkey right to". Read on the folded words, single letters kept.
 */
function asksJudgement(text: string): boolean {
  const lower = text.toLowerCase();
  if (!lower.includes('raison') && !lower.includes('tort') && !lower.includes('right') && !lower.includes('wrong')) return false;
  const words = fold(text).split(/[^a-z0-9]+/);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    if (word === 'raison' || word === 'tort') {
      for (let k = Math.max(0, i - 4); k < i; k += 1) if (HAVING.has(words[k]!)) return true;
    }
    if ((word === 'right' || word === 'wrong') && words[i + 1] === 'to') {
      for (let k = Math.max(0, i - 5); k < i; k += 1) if (BEING.has(words[k]!)) return true;
    }
  }
  return false;
}
const HAVING = new Set(['a', 'as', 'ont', 'avez', 'avons', 'avoir', 'aurait', 'auraient', 'avait', 'avaient']);
const BEING = new Set(['is', 'are', 'was', 'were']);

function answerSlots(words: readonly string[]): { at: number; type?: QuestionType; kind?: AnswerKind }[] {
  const slots: { at: number; type?: QuestionType; kind?: AnswerKind }[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    const slot = ANSWER_SLOTS.get(word);
    if (!slot || !(PLACE_SLOTS.has(word) || WHICH_WORDS.has(words[i - 1] ?? ''))) continue;
    // "In which country…", "dans quel pays…": a place is wanted.
    const placed = slot.kind === 'country' && IN_WORDS.has(words[i - 2] ?? '');
    slots.push({ at: i, ...slot, ...(placed ? { type: 'where' as const } : {}) });
  }
  return slots;
}

function wantedKind(words: readonly string[]): AnswerKind | undefined {
  for (let i = 0; i + 1 < words.length; i += 1) {
    if (!WHICH_WORDS.has(words[i]!)) continue;
    const kind = ANSWER_KINDS.get(words[i + 1]!);
    if (kind) return kind;
  }
  return undefined;
}

function questionType(words: readonly string[], text: string): QuestionType | undefined {
  const found = new Set<QuestionType>();
  const lower = text.trimStart().toLowerCase();
  const yesNo = YES_NO_OPENINGS.has(words[0] ?? '') || lower.startsWith('est-ce') || frenchInversion(words, text);
  for (let i = 0; i < words.length; i += 1) {
    // "Le Hezbollah fait-il partie des milices qui ont aidé Damas ?": in a yes/no question, "qui" after a noun is a
    // relative pronoun, and asks nothing.
    if (yesNo && i > 0 && RELATIVES.has(words[i]!) && !FUNCTION_WORDS.has(words[i - 1]!)) continue;
    const phrase = QUESTION_PHRASES.at(words, i);
    if (phrase) found.add(phrase.value);
    // Shorter phrases at the same place count too: "how many days" is also "how many".
    const single = QUESTION_PHRASES.word(words[i]!);
    if (single) found.add(single);
  }
  // "où" and "ou" fold alike; only the accent, or the first place in the question, tells "where" from "or".
  if (words[0] === 'ou' || hasWhere(text)) found.add('where');
  const wh = TYPE_PRIORITY.find((type) => found.has(type) && type !== 'what');
  if (wh) return wh;
  if (found.has('what')) return 'what';
  return yesNo ? 'yes_no' : undefined;
}

/** Question words that are also relative pronouns ("the militias who helped", "les milices qui ont aidé"). */
const RELATIVES = new Set(['who', 'which', 'that', 'qui', 'que', 'where', 'ou']);

/** "où" as a word of its own. */
function hasWhere(text: string): boolean {
  const lower = text.toLowerCase();
  for (let at = lower.indexOf('où'); at >= 0; at = lower.indexOf('où', at + 1)) {
    if (!/\p{L}/u.test(lower[at - 1] ?? '') && !/\p{L}/u.test(lower[at + 2] ?? '')) return true;
  }
  return false;
}

/** "a-t-il", "sont-ils", "viendra-t-elle": a French question by inversion. */
function frenchInversion(words: readonly string[], text: string): boolean {
  if (!text.includes('-')) return false;
  const lower = fold(text);
  return ['-il', '-elle', '-ils', '-elles', '-on'].some((ending) => {
    for (let at = lower.indexOf(ending); at >= 0; at = lower.indexOf(ending, at + 1)) {
      const after = lower[at + ending.length];
      if ((after === undefined || !/[a-z]/.test(after)) && /[a-z]/.test(lower[at - 1] ?? '')) return true;
    }
    return false;
  }) && words.length > 0;
}

/**
 * The small talk a line is, if it is nothing else: its words must be known small-talk lines, possibly joined
 * ("ok thanks"), with politeness around them ("thanks a lot", "hello there"). A line with no word ("?", an emoji)
 * is `empty`.
 */
export function smallTalkOf(words: readonly string[]): SmallTalk | undefined {
  if (words.length === 0) return 'empty';
  const acts = new Set<SmallTalk>();
  for (let i = 0; i < words.length; ) {
    const match = SMALL_TALK.at(words, i);
    if (match) {
      acts.add(match.value);
      i += match.length;
    } else if (POLITE.has(words[i]!)) {
      i += 1;
    } else {
      return undefined;
    }
  }
  // The most telling act wins: "ok thanks" thanks, "hi, who are you?" asks who Depeche is.
  return (['identity', 'thanks', 'bye', 'greeting', 'ack'] as const).find((act) => acts.has(act));
}
