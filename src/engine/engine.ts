/**
 * The engine, as stages: read the line (read.ts) → answer each ask (ask.ts: find the candidate entries and score them
 * in each article with score.ts, then decide with decide.ts; or a view of the whole article, whole.ts; or a role of the
 * last answer, roles.ts) → put the parts together in the order asked. Instructions about the last answer are
 * instructions.ts. Everything costly is built here once per knowledge; the engine keeps no state between questions:
 * the caller hands back the topic of the last answer.
 */
import Fuse from 'fuse.js';
import type { Article, Knowledge } from '../knowledge/types.ts';
import type { Lang } from '../shared/types.ts';
import { ArticleIndex, articleTexts } from './article-index.ts';
import { answerAsk } from './ask.ts';
import { Concepts } from './concepts.ts';
import { entryGroups, type AskResult } from './decide.ts';
import { followInstruction } from './instructions.ts';
import { explanationLines, type Explanation } from './explanation.ts';
import { detectLanguage, isOtherLanguage } from './language.ts';
import { fold, withoutFormatCharacters } from './normalize.ts';
import { DEFAULT_PARAMS } from './params.ts';
import { readAsk, readQuestion, type Ask } from './read.ts';
import { articleById, type EngineState } from './state.ts';
import { usableTopic } from './topic.ts';
import type { Answer, AskOptions, Engine, EngineOptions } from './types.ts';
import { Vocabulary } from './vocabulary.ts';

export type { Answer, AskOptions, Engine, EngineOptions, Entry, PartAnswer, Topic } from './types.ts';

export function createEngine(knowledge: Knowledge, options: EngineOptions = {}): Engine {
  const params = Object.freeze({ ...DEFAULT_PARAMS, ...options.params });
  const concepts = new Concepts();
  const vocabulary = new Vocabulary(knowledge.articles, concepts, articleTexts);
  const indexes = knowledge.articles.map((article) => new ArticleIndex(article, concepts, vocabulary, params));
  const globalWeights = weightsOverAll(indexes);
  const state: EngineState = {
    knowledge,
    params,
    concepts,
    vocabulary,
    indexes,
    indexOf: new Map(indexes.map((index) => [index.article.id, index])),
    globalWeight: (concept) => globalWeights.get(concept) ?? 0,
  };
  const questionIndex = buildQuestionIndex(indexes);

  function defaultSuggestions(lang: Lang, article: Article = knowledge.newest): string[] {
    return article.briefing.map((fact) => fact.questions[lang][0]!).slice(0, params.maxSuggestions);
  }

  /**
   * Questions about what the refused question touched ("the capital of Kazakhstan" → the talks in Kazakhstan), most
   * shared weight first, then the briefing's: up to three, never the question just asked.
   */
  function suggestionsFor(ask: Ask, lang: Lang, article?: Article): string[] {
    const asked = plain(ask.text);
    const closest: { question: string; shared: number }[] = [];
    for (const index of indexes) {
      if (article && index.article !== article) continue;
      const views = ask.terms.map((term) => index.view(term));
      for (const doc of index.candidates(views)) {
        if (doc.entry.kind !== 'fact') continue;
        const shared = views.reduce((sum, view) => sum + (view.some((id) => doc.concepts.has(id)) ? index.weight(view) : 0), 0);
        closest.push({ question: doc.questions[lang][0]!, shared });
      }
    }
    closest.sort((a, b) => b.shared - a.shared);
    const all = [...closest.map((c) => c.question), ...defaultSuggestions(lang, article)];
    return [...new Set(all)].filter((question) => plain(question) !== asked).slice(0, params.maxSuggestions);
  }

  return {
    answer(question: string, askOptions: AskOptions = {}): Answer {
      const explain: Explanation | undefined = askOptions.explain ?? (askOptions.trace ? { asks: [] } : undefined);
      const answer = answerLine(withoutFormatCharacters(question.slice(0, params.maxQuestionChars)), askOptions, explain);
      if (askOptions.trace && explain) askOptions.trace.push(...explanationLines(explain));
      return answer;
    },

    suggest(partial: string, suggestOptions = {}): string[] {
      const limit = suggestOptions.limit ?? 25;
      const typed = partial.slice(0, params.maxQuestionChars).trim();
      if (!typed) return defaultSuggestions(suggestOptions.lang ?? 'en').slice(0, limit);
      const lang = detectLanguage(typed, suggestOptions.lang ?? 'en');
      return questionIndex
        .search(typed, { limit: limit * 2 })
        .sort((a, b) => (a.score ?? 1) + (a.item.lang === lang ? 0 : 0.2) - ((b.score ?? 1) + (b.item.lang === lang ? 0 : 0.2)))
        .slice(0, limit)
        .map((result) => result.item.text);
    },
  };

  function answerLine(question: string, askOptions: AskOptions, explain: Explanation | undefined): Answer {
      let context = usableTopic(askOptions.context);
      const fallbackLang = context?.lang ?? askOptions.lang ?? 'en';
      const reading = readQuestion(question, vocabulary, concepts, fallbackLang, params);
      // Small talk is read off the whole line, before any search: "ok thanks" is never a question.
      if (reading.act) {
        const lang = detectLanguage(question.slice(0, params.maxQuestionChars), fallbackLang);
        if (explain) explain.line = `small talk: ${reading.act}`;
        const suggestions = reading.act === 'greeting' || reading.act === 'empty' || reading.act === 'identity' ? defaultSuggestions(lang, articleById(state, context?.article)) : [];
        return { kind: 'small-talk', act: reading.act, suggestions, lang, topic: context };
      }
      if (reading.instruction) {
        if (explain) explain.line = `instruction: ${reading.instruction}`;
        const followed = context && followInstruction(state, reading.instruction, context);
        if (followed) return followed;
      }
      const asks = reading.asks.length > 0 ? reading.asks : [readAsk(question.slice(0, params.maxQuestionChars), vocabulary, concepts, fallbackLang)];
      const results: AskResult[] = [];
      for (const [i, ask] of asks.entries()) {
        const result = answerAsk(state, ask, context, i > 0, explain);
        results.push(result);
        if (result.status === 'answered') context = result.topic;
        // "When was the Red Cross founded, and by who?": the second half leans on the first, never on an older topic.
        else if (asks.length > 1) context = undefined;
      }
      // "Who met, where will the talks be held, and what did Putin say?": an ask two articles could answer belongs to the
      // article the line's other asks were answered from.
      const lineArticles = new Set(results.flatMap((r) => (r.status === 'answered' && r.topic.article ? [r.topic.article] : [])));
      if (lineArticles.size === 1) {
        const [article] = lineArticles;
        results.forEach((result, i) => {
          if (result.status !== 'choose' || !result.articles.some((a) => a.id === article)) return;
          results[i] = answerAsk(state, result.ask, { lang: result.ask.lang, article, words: [], entries: [] }, i > 0, explain);
        });
      }
      const first = results[0]!;
      const lang = results.find((r) => !r.ask.langGuessed)?.ask.lang ?? (first.ask.langGuessed ? fallbackLang : first.ask.lang);
      const topic = context && { ...context, lang };
      const parts = entryGroups(results, params);
      if (parts.some((part) => part.kind !== 'not-covered')) return { kind: 'answer', parts, lang, topic };
      const choose = results.find((r) => r.status === 'choose');
      if (choose?.status === 'choose') {
        const choices = choose.articles.map((article) => ({ article, question: suggestionsFor(choose.ask, lang, article)[0]! }));
        return { kind: 'choose-article', choices, lang, topic };
      }
      const current = articleById(state, topic?.article);
      const suggestions = suggestionsFor(first.ask, lang, current);
      // "¿Cuántas personas salieron de Alepo?": said in English, with which languages Depeche reads.
      const otherLanguage = isOtherLanguage(question);
      return { kind: 'refusal', suggestions, articles: current ? [current] : knowledge.articles, lang: otherLanguage ? 'en' : lang, topic, ...(otherLanguage ? { otherLanguage } : {}) };
  }
}

/** Inverse document frequency over every article's entries (routing only: scoring stays within each article). */
function weightsOverAll(indexes: readonly ArticleIndex[]): Map<number, number> {
  const frequency = new Map<number, number>();
  let docs = 0;
  for (const index of indexes) {
    for (const doc of index.docs) {
      docs += 1;
      for (const concept of doc.concepts) frequency.set(concept, (frequency.get(concept) ?? 0) + 1);
    }
  }
  return new Map([...frequency].map(([concept, count]) => [concept, Math.log(1 + docs / count)]));
}

/** A question as plain words, to tell two wordings of it apart. */
const plain = (text: string): string => fold(text).replace(/[^a-z0-9]+/g, ' ').trim();

function buildQuestionIndex(indexes: readonly ArticleIndex[]): Fuse<{ text: string; lang: Lang }> {
  const questions = indexes.flatMap((index) =>
    index.docs.flatMap((doc) => [...doc.questions.en.map((text) => ({ text, lang: 'en' as const })), ...doc.questions.fr.map((text) => ({ text, lang: 'fr' as const }))]),
  );
  return new Fuse(questions, { keys: ['text'], includeScore: true, ignoreDiacritics: true, ignoreLocation: true, threshold: 0.45 });
}
