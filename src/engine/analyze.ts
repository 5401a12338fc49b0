import type { Lang } from '../shared/types.ts';
import type { QuestionType } from '../knowledge/types.ts';
import { detectFromWords } from './language.ts';
import {
  FOLLOW_UP_OPENINGS, GREETINGS, PRONOUNS, QUESTION_TYPE_PHRASES, SUMMARY_CUES, SUMMARY_WORDS, YES_NO_OPENINGS,
} from './lexicon.ts';
import { tokenize } from './normalize.ts';
import type { Term, Vocabulary } from './vocabulary.ts';

export interface Query {
  terms: Term[];
  type: QuestionType | undefined;
  lang: Lang;
  /** No language cue at all ("Erdogan?"): the conversation's language should win. */
  langGuessed: boolean;
  wantsSummary: boolean;
  greetingOnly: boolean;
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
  const { words, mended } = vocabulary.mend(question, detectFromWords(tokenize(question), hasAccents, fallbackLang));
  const terms = vocabulary.terms(words, mended);
  const cueLang = detectFromWords(words, hasAccents, 'en');
  const langGuessed = cueLang === 'en' && detectFromWords(words, hasAccents, 'fr') === 'fr';
  const lang = langGuessed ? fallbackLang : cueLang;
  const type = questionType(words, lower);
  const contentFree = terms.length === 0;
  return {
    terms,
    type,
    lang,
    langGuessed,
    wantsSummary: words.some((w) => SUMMARY_WORDS.has(w)) || (contentFree && words.some((w) => SUMMARY_CUES.has(w))),
    greetingOnly: contentFree && words.some((w) => GREETINGS.has(w)),
    followUp: FOLLOW_UP_OPENINGS.some((opening) => opening.every((token, i) => words[i] === token)) && terms.length <= 3,
    usesPronoun: words.some((w) => PRONOUNS.has(w)) && !terms.some((t) => t.actors.length > 0),
  };
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
