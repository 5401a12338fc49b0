import type { Lang } from '../shared/types.ts';
import type { QuestionType } from '../knowledge/types.ts';
import { detectFromWords } from './language.ts';
import { ANSWER_KINDS, ANSWER_SLOTS, BROAD_WORDS, PLACE_SLOTS, OPINION_OPENINGS, OPINION_PATTERN, WHICH_WORDS, attributeConcept, isAttributeConcept, type AnswerKind } from './focus.ts';
import {
  FOLLOW_UP_OPENINGS, PRONOUNS, QUESTION_TYPE_PHRASES, SUMMARY_CUES, SUMMARY_WORDS, YES_NO_OPENINGS,
} from './lexicon.ts';
import { fold, tokenize } from './normalize.ts';
import type { Term, Vocabulary } from './vocabulary.ts';

export interface Query {
  terms: Term[];
  type: QuestionType | undefined;
  lang: Lang;
  /** No language cue at all ("Erdogan?"): the conversation's language should win. */
  langGuessed: boolean;
  wantsSummary: boolean;
  /** The attributes asked about ("how old" → age): an entry must state them to answer. */
  attributes: string[];
  /** "Which countries…" wants an answer that names countries. */
  wantsKind: AnswerKind | undefined;
  /** Asks for several things at once ("what did they commit to?", "how did Erdogan and Putin react?"). */
  broad: boolean;
  /** Opens like a follow-up ("And Erdogan?", "Et pour Poutine ?"). */
  followUp: boolean;
  /** Says "he", "they", "il"… without naming anyone. */
  usesPronoun: boolean;
}

/** Stronger kinds first: "How many days…" asks a duration, "Who… how many…" a number. */
const TYPE_PRIORITY: QuestionType[] = ['how_long', 'how_many', 'where', 'when', 'why', 'who', 'how', 'what'];
const TYPE_PHRASES = QUESTION_TYPE_PHRASES.map(([phrase, type]) => ({ tokens: phrase.split(' '), type }));
const FRENCH_INVERSION = /\b[a-z]+-(?:t-)?(?:il|elle|ils|elles|on)\b/;

export function analyze(question: string, vocabulary: Vocabulary, fallbackLang: Lang): Query {
  const lower = question.toLowerCase();
  const hasAccents = /[àâçéèêëîïôûùüÿœ]/.test(lower);
  const tokens = tokenize(question);
  const { words, mended } = vocabulary.mend(question, detectFromWords(tokens, hasAccents, fallbackLang));
  // "In which city…", "quel jour…": the slot of the answer is no topic to cover; it says what kind of answer is wanted.
  // It counts only where an entry holds it ("nor in which city" is what a gap says).
  const slots = answerSlots(words);
  const slotWords = new Set(slots.map((slot) => words[slot.at]!));
  const slot = { type: slots.find((s) => s.type)?.type, kind: slots.find((s) => s.kind)?.kind };
  // Words in capitals ("the US", "l'UE") may be names that are otherwise function words.
  const shouted = new Set((question.match(/\b\p{Lu}{2,}\b/gu) ?? []).map((word) => fold(word)));
  // "dans ce conflit", "this attack": what a demonstrative points at is the article's own context, not a new topic.
  const pointedAt = new Set(words.filter((_, i) => DEMONSTRATIVES.has(words[i - 1] ?? '')));
  const terms = vocabulary
    .terms(words, mended, shouted)
    .map((term) => (slotWords.has(term.text) || pointedAt.has(term.text.split(' ')[0]!) ? { ...term, optional: true } : term));
  const attributes = [...new Set(terms.flatMap((term) => term.concepts.filter(isAttributeConcept)))];
  if (OPINION_OPENINGS.has(words[0] ?? '') || OPINION_PATTERN.test(fold(question))) attributes.push(attributeConcept('opinion'));
  const named = new Set(terms.flatMap((term) => term.actors));
  const cueLang = detectFromWords(words, hasAccents, 'en');
  const langGuessed = cueLang === 'en' && detectFromWords(words, hasAccents, 'fr') === 'fr';
  const lang = langGuessed ? fallbackLang : cueLang;
  const asked = questionType(words, lower);
  // "Which city…" asks where even though its words say "what".
  const type = slot.type && (!asked || asked === 'what') ? slot.type : asked;
  const contentFree = terms.length === 0;
  return {
    terms,
    type,
    lang,
    langGuessed,
    wantsSummary: words.some((w) => SUMMARY_WORDS.has(w)) || (contentFree && words.some((w) => SUMMARY_CUES.has(w))),
    attributes,
    wantsKind: slot.kind ?? wantedKind(words),
    // "Who agreed to what?" asks for every pair.
    broad: named.size >= 2 || words.some((w) => BROAD_WORDS.has(w)) || (words.some((w) => WHO_WORDS.has(w)) && words.some((w) => WHAT_WORDS.has(w))),
    followUp: FOLLOW_UP_OPENINGS.some((opening) => opening.every((token, i) => words[i] === token)) && terms.length <= 3,
    usesPronoun: words.some((w) => PRONOUNS.has(w)) && !terms.some((t) => t.actors.length > 0),
  };
}

const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those', 'ce', 'cet', 'cette', 'ces']);
const WHO_WORDS = new Set(['who', 'qui']);
const WHAT_WORDS = new Set(['what', 'quoi']);
const IN_WORDS = new Set(['in', 'dans', 'en', 'to', 'vers', 'into']);

function answerSlots(words: readonly string[]): { at: number; type?: QuestionType; kind?: AnswerKind }[] {
  const slots: { at: number; type?: QuestionType; kind?: AnswerKind }[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    const slot = ANSWER_SLOTS[word];
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
    const kind = (Object.keys(ANSWER_KINDS) as AnswerKind[]).find((k) => ANSWER_KINDS[k].includes(words[i + 1]!));
    if (kind) return kind;
  }
  return undefined;
}

function questionType(words: readonly string[], lower: string): QuestionType | undefined {
  const found = new Set<QuestionType>();
  for (let i = 0; i < words.length; i += 1) {
    for (const { tokens, type } of TYPE_PHRASES) {
      if (tokens.every((token, k) => words[i + k] === token)) found.add(type);
    }
  }
  // "où" and "ou" fold alike; only the accent, or the first place in the question, tells "where" from "or".
  if (/(^|[^a-zà-ÿ])où([^a-zà-ÿ]|$)/.test(lower) || words[0] === 'ou') found.add('where');
  const wh = TYPE_PRIORITY.find((type) => found.has(type) && type !== 'what');
  if (wh) return wh;
  if (found.has('what')) return 'what';
  const yesNo = YES_NO_OPENINGS.has(words[0] ?? '') || lower.trimStart().startsWith('est-ce') || FRENCH_INVERSION.test(lower);
  return yesNo ? 'yes_no' : undefined;
}
