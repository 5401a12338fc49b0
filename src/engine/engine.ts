import Fuse from 'fuse.js';
import type { Lang, Source } from '../shared/types.ts';
import type { Knowledge } from '../knowledge/types.ts';
import { analyze, type Query } from './analyze.ts';
import { composeAnswer, composeGreeting, composeRefusal, composeSummary, type Composed } from './compose.ts';
import { Conversations, type Topic } from './conversation.ts';
import { articleTexts, buildDocs, type Doc } from './documents.ts';
import { detectLanguage } from './language.ts';
import { DocIndex, MIN_COVERAGE, pick, rank, type Scored } from './match.ts';
import { splitQuestion } from './split.ts';
import type { Answer, AskOptions, Engine } from './types.ts';
import { Vocabulary } from './vocabulary.ts';

export type { Answer, AskOptions, Engine } from './types.ts';

export interface EngineOptions {
  /** Follow-ups lean on the last topic for this long after the last question. */
  conversationTtlMs?: number;
  now?: () => number;
}

const MAX_SUGGESTIONS = 3;
/** A follow-up is short: "And Erdogan?", "Et quand ?". Longer questions stand on their own. */
const MAX_FOLLOW_UP_TERMS = 3;

interface PartResult {
  answered: boolean;
  /** The entries that answer this part (none for a refusal or the summary). */
  docs?: Doc[];
  composed?: Composed;
  query: Query;
  ranked: Scored[];
  /** The part read on its own, when the answer leaned on the conversation: a second choice. */
  standalone?: Scored[];
  topic?: Topic;
  greeting?: boolean;
}

/**
 * Turns a question into a grounded answer. Everything costly (vocabulary, fuzzy indexes, the weighted index)
 * is built here once; answering is map look-ups, plus fuse.js for words it has never seen.
 */
export function createEngine(knowledge: Knowledge, options: EngineOptions = {}): Engine {
  const now = options.now ?? Date.now;
  const vocabulary = new Vocabulary(knowledge.articles, articleTexts);
  const docs = buildDocs(knowledge.articles, vocabulary);
  const index = new DocIndex(docs);
  const conversations = new Conversations(options.conversationTtlMs ?? 5 * 60_000);
  const primary = knowledge.primary;
  const questionIndex = buildQuestionIndex(docs);

  function defaultSuggestions(lang: Lang): string[] {
    const briefingIds = new Set(primary.briefing.map((fact) => fact.id));
    return docs.filter((doc) => briefingIds.has(doc.id)).map((doc) => doc.questions[lang][0]!).slice(0, MAX_SUGGESTIONS);
  }

  /**
   * Questions about what the refused question touched ("the capital of Kazakhstan" → the talks in
   * Kazakhstan), most shared weight first, then the briefing's: up to three different ones.
   */
  function suggestionsFor(query: Query, lang: Lang): string[] {
    const closest = [...index.candidates(query.terms)]
      .filter((doc) => doc.entry.kind === 'fact')
      .map((doc) => ({ doc, shared: index.shared(query.terms, doc) }))
      .sort((a, b) => b.shared - a.shared)
      .map(({ doc }) => doc.questions[lang][0]!);
    return [...new Set([...closest, ...defaultSuggestions(lang)])].slice(0, MAX_SUGGESTIONS);
  }

  function answerPart(text: string, context: Topic | undefined, fallbackLang: Lang, laterPart: boolean): PartResult {
    const query = analyze(text, vocabulary, context?.lang ?? fallbackLang);
    if (query.greetingOnly) return { answered: false, query, ranked: [], greeting: true };
    if (query.wantsSummary && query.terms.length === 0) {
      return { answered: true, query, ranked: [], composed: composeSummary(primary, query.lang) };
    }
    let used = query;
    const standalone = rank(query, index);
    let ranked = standalone;
    let picked = pick(ranked);
    // "And Erdogan?", "What did he say?", the second half of "When…, and in which city?": short
    // questions that lean on the last topic. The topic is kept when it explains the question at least
    // as well as the question alone does.
    const leansOnContext = query.followUp || query.usesPronoun || laterPart || picked.length === 0;
    if (context && leansOnContext && query.terms.length <= MAX_FOLLOW_UP_TERMS) {
      const merged = withContext(query, context);
      const mergedRanked = rank(merged, index);
      const mergedPicked = pick(mergedRanked);
      if (mergedPicked.length > 0 && (picked.length === 0 || mergedPicked[0]!.coverage >= picked[0]!.coverage)) {
        used = merged;
        ranked = mergedRanked;
        picked = mergedPicked;
      }
    }
    // "How many days?" names nothing, but only one fact gives a duration: that one is meant.
    if (picked.length === 0 && query.terms.length === 0 && query.type) {
      const ofType = docs.filter((doc) => doc.entry.kind === 'fact' && doc.answers.has(query.type!));
      ranked = ofType.map((doc) => ({ doc, coverage: 1, score: 1 }));
      if (ofType.length === 1) picked = ranked;
    }
    if (picked.length === 0) {
      if (query.wantsSummary) return { answered: true, query, ranked, composed: composeSummary(primary, query.lang) };
      return { answered: false, query, ranked };
    }
    return { answered: true, query, ranked, standalone, docs: picked.map((s) => s.doc), topic: { terms: used.terms, type: used.type, lang: query.lang } };
  }

  return {
    answer(question: string, askOptions: AskOptions = {}): Answer {
      const at = now();
      const key = askOptions.conversationKey;
      let context = key ? conversations.get(key, at) : undefined;
      const fallbackLang = context?.lang ?? askOptions.lang ?? 'en';
      const results: PartResult[] = [];
      for (const [index, part] of splitQuestion(question).entries()) {
        const result = answerPart(part, context, fallbackLang, index > 0);
        results.push(result);
        if (result.topic) context = result.topic;
      }
      const first = results[0]!;
      const lang = results.find((r) => !r.query.langGuessed)?.query.lang ?? first.query.lang;
      if (key && context) conversations.set(key, { ...context, lang }, at);
      const answered = composeParts(results, lang);
      if (answered.length > 0) {
        return {
          answered: true,
          text: answered.map((part) => part.text).join('\n\n'),
          lang,
          sources: dedupeSources(answered.flatMap((part) => part.sources)),
          suggestions: [],
          refused: false,
        };
      }
      if (first.greeting) {
        const suggestions = defaultSuggestions(lang);
        return { answered: false, text: composeGreeting(lang, suggestions), lang, sources: [], suggestions, refused: false };
      }
      const suggestions = suggestionsFor(first.query, lang);
      return { answered: false, text: composeRefusal(primary, lang, suggestions), lang, sources: [], suggestions, refused: true };
    },

    suggest(partial: string, suggestOptions = {}): string[] {
      const limit = suggestOptions.limit ?? 25;
      const typed = partial.trim();
      if (!typed) return defaultSuggestions(suggestOptions.lang ?? 'en').slice(0, limit);
      const lang = detectLanguage(typed, suggestOptions.lang ?? 'en');
      return questionIndex
        .search(typed, { limit: limit * 2 })
        .sort((a, b) => (a.score ?? 1) + (a.item.lang === lang ? 0 : 0.2) - ((b.score ?? 1) + (b.item.lang === lang ? 0 : 0.2)))
        .slice(0, limit)
        .map((result) => result.item.text);
    },
  };
}

/** Each answered part in the question's language; an entry already given for an earlier part is not repeated. */
function composeParts(results: readonly PartResult[], lang: Lang): Composed[] {
  const given = new Set<string>();
  const composed: Composed[] = [];
  for (const result of results) {
    if (!result.answered) continue;
    if (result.composed) {
      composed.push(result.composed);
      continue;
    }
    let fresh = (result.docs ?? []).filter((doc) => !given.has(doc.id));
    // "What did they call it, and what did Putin say?": when a part's best entry was already given,
    // its next best one that still answers it is given instead.
    // (Not after a gap: "…and in which city?" is answered by the same "does not say".)
    if (fresh.length === 0 && result.docs?.[0]?.entry.kind !== 'gap') {
      const next = [...result.ranked, ...(result.standalone ?? [])].find(
        (s) => s.coverage >= MIN_COVERAGE && !given.has(s.doc.id) && s.doc.entry.kind !== 'gap',
      );
      fresh = next ? [next.doc] : [];
    }
    for (const doc of fresh) given.add(doc.id);
    if (fresh.length > 0) composed.push(composeAnswer(fresh, lang));
  }
  return composed;
}

/** "And Erdogan?" after "What did Putin say?": Erdogan takes Putin's place; "What did he say?" keeps him. */
function withContext(query: Query, context: Topic): Query {
  const namesSomeone = query.terms.some((term) => term.actors.length > 0);
  const kept = context.terms.filter((term) => !(namesSomeone && term.actors.length > 0));
  const own = new Set(query.terms.map((term) => term.text));
  return { ...query, terms: [...kept.filter((term) => !own.has(term.text)), ...query.terms], type: query.type ?? context.type };
}

function dedupeSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((source) => !seen.has(source.factId) && seen.add(source.factId));
}

function buildQuestionIndex(docs: readonly Doc[]): Fuse<{ text: string; lang: Lang }> {
  const questions = docs.flatMap((doc) => [
    ...doc.questions.en.map((text) => ({ text, lang: 'en' as const })),
    ...doc.questions.fr.map((text) => ({ text, lang: 'fr' as const })),
  ]);
  return new Fuse(questions, { keys: ['text'], includeScore: true, ignoreDiacritics: true, ignoreLocation: true, threshold: 0.45 });
}
