import Fuse from 'fuse.js';
import type { Article, Knowledge } from '../knowledge/types.ts';
import type { Lang } from '../shared/types.ts';
import { analyze, type Query } from './analyze.ts';
import { articleTexts, buildDocs, type Doc, type DocEntry } from './documents.ts';
import { smallTalkOf } from './focus.ts';
import { detectLanguage } from './language.ts';
import { tokenize } from './normalize.ts';
import { DocIndex, MIN_COVERAGE, pick, rank, type Scored } from './match.ts';
import { splitQuestion } from './split.ts';
import type { Answer, AskOptions, Engine, Topic } from './types.ts';
import { Vocabulary } from './vocabulary.ts';

export type { Answer, AskOptions, Engine, Topic } from './types.ts';

const MAX_SUGGESTIONS = 3;
/** A follow-up is short: "And Erdogan?", "Et quand ?". Longer questions stand on their own. */
const MAX_FOLLOW_UP_TERMS = 3;
/** Best answers of two articles this close: the question does not say which article it is about. */
const ROUTE_MARGIN = 0.05;
/** "What's the news?" with no article in the conversation: the briefs of this many articles, newest first. */
const MAX_SUMMARIES = 3;

type PartResult =
  | { status: 'answered'; query: Query; docs: Doc[]; ranked: Scored[]; standalone: Scored[]; topic: Topic }
  | { status: 'summary'; query: Query; articles: Article[]; topic: Topic }
  | { status: 'choose'; query: Query; articles: Article[] }
  | { status: 'refused'; query: Query; ranked: Scored[] };

/**
 * Turns a question into the entries that answer it, as data. Everything costly (vocabulary, fuzzy indexes, the
 * weighted index) is built here once; answering is map look-ups, plus fuse.js for words it has never seen.
 * The engine keeps no state between questions: the caller hands back the topic of the last answer.
 */
export function createEngine(knowledge: Knowledge): Engine {
  const vocabulary = new Vocabulary(knowledge.articles, articleTexts);
  const docs = buildDocs(knowledge.articles, vocabulary);
  const index = new DocIndex(docs);
  const questionIndex = buildQuestionIndex(docs);
  const byId = new Map(knowledge.articles.map((article) => [article.id, article]));
  const articleOf = (topic?: Topic) => (topic?.article ? byId.get(topic.article) : undefined);

  function defaultSuggestions(lang: Lang, article: Article = knowledge.newest): string[] {
    const briefingIds = new Set(article.briefing.map((fact) => `${article.id}/${fact.id}`));
    return docs.filter((doc) => briefingIds.has(doc.id)).map((doc) => doc.questions[lang][0]!).slice(0, MAX_SUGGESTIONS);
  }

  /**
   * Questions about what the refused question touched ("the capital of Kazakhstan" → the talks in
   * Kazakhstan), most shared weight first, then the briefing's: up to three different ones.
   */
  function suggestionsFor(query: Query, lang: Lang, article?: Article): string[] {
    const closest = [...index.candidates(query.terms)]
      .filter((doc) => doc.entry.kind === 'fact' && (!article || doc.entry.article === article))
      .map((doc) => ({ doc, shared: index.shared(query.terms, doc) }))
      .sort((a, b) => b.shared - a.shared)
      .map(({ doc }) => doc.questions[lang][0]!);
    return [...new Set([...closest, ...defaultSuggestions(lang, article)])].slice(0, MAX_SUGGESTIONS);
  }

  /**
   * The best answers of one article. When two articles answer about as well, the conversation's article wins;
   * with none, the reader is asked which one (undefined is returned with the articles to choose from).
   */
  function route(ranked: Scored[], current: Article | undefined): { ranked: Scored[] } | { choose: Article[] } {
    const eligible = ranked.filter((s) => s.coverage >= MIN_COVERAGE);
    const best = eligible[0];
    if (!best) return { ranked };
    const close = [...new Set(eligible.filter((s) => s.score >= best.score - ROUTE_MARGIN).map((s) => s.doc.entry.article))];
    const chosen = close.length === 1 ? close[0]! : current && close.includes(current) ? current : undefined;
    if (!chosen) return { choose: close };
    return { ranked: ranked.filter((s) => s.doc.entry.article === chosen) };
  }

  /** "What is the article about?": the conversation's article, or every article when the conversation is on none. */
  function summaryOf(query: Query, current: Article | undefined): PartResult {
    const articles = current ? [current] : knowledge.articles.slice(0, MAX_SUMMARIES);
    const article = articles.length === 1 ? articles[0]!.id : undefined;
    return { status: 'summary', query, articles, topic: { terms: [], type: undefined, lang: query.lang, article } };
  }

  function answerPart(text: string, context: Topic | undefined, fallbackLang: Lang, laterPart: boolean, trace?: string[]): PartResult {
    const query = analyze(text, vocabulary, context?.lang ?? fallbackLang);
    const current = articleOf(context);
    trace?.push(describeQuery(text, query, index));
    if (query.wantsSummary && query.terms.length === 0) return summaryOf(query, current);
    const standalone = rank(query, index);
    let used = query;
    let ranked = standalone;
    let picked = pick(ranked, query);
    // A word of its own that no entry holds ("How tall is Lavrov?", "the weather in Ankara") makes a new
    // question: it is judged on its own words, never answered from the last topic.
    const uncovered = query.terms.filter((term) => !index.knows(term));
    // "And Erdogan?", "What did he say?", the second half of "When…, and in which city?": short questions that
    // lean on the last topic. The topic is kept when it explains the question at least as well as the question alone.
    // A question of two words or more that nothing answers has a subject of its own ("Lavrov est ministre depuis
    // quand ?"): the last topic would only lend it someone else's answer.
    const leansOnContext = query.followUp || query.usesPronoun || laterPart || (picked.length === 0 && query.terms.length <= 1);
    if (context && leansOnContext && uncovered.length === 0 && query.terms.length <= MAX_FOLLOW_UP_TERMS) {
      const merged = withContext(query, context);
      const mergedRanked = rank(merged, index, { article: context.article });
      const mergedPicked = pick(mergedRanked, merged);
      trace?.push(`  context: ${context.terms.map((t) => t.text).join(' ') || '-'} (${context.article ?? 'no article'}) → ${mergedPicked.length ? 'leaned on' : 'no help'}`);
      if (mergedPicked.length > 0 && (picked.length === 0 || mergedPicked[0]!.coverage >= picked[0]!.coverage)) {
        used = merged;
        ranked = mergedRanked;
        picked = mergedPicked;
      }
    } else if (context) {
      trace?.push(`  context: not used (${uncovered.length ? `own words no entry holds: ${uncovered.map((t) => t.text).join(', ')}` : 'a question of its own'})`);
    }
    // "How many days?" names nothing, but only one fact gives a duration: that one is meant.
    if (picked.length === 0 && query.terms.length === 0 && query.type) {
      const ofType = docs.filter((doc) => doc.entry.kind === 'fact' && doc.answers.has(query.type!) && (!current || doc.entry.article === current));
      ranked = ofType.map((doc) => ({ doc, coverage: 1, score: 1 }));
      if (ofType.length === 1) picked = ranked;
    }
    trace?.push(...ranked.slice(0, 6).map((s) => `  ${s.score.toFixed(3)} cov ${s.coverage.toFixed(2)}  ${s.doc.entry.kind} ${s.doc.id}`));
    if (picked.length > 0 && used === query) {
      const routed = route(ranked, current);
      if ('choose' in routed) {
        trace?.push(`  articles about as close: ${routed.choose.map((a) => a.id).join(', ')}`);
        return { status: 'choose', query, articles: routed.choose };
      }
      ranked = routed.ranked;
      picked = pick(ranked, query);
    }
    if (picked.length === 0) {
      if (query.wantsSummary) return summaryOf(query, current);
      return { status: 'refused', query, ranked };
    }
    trace?.push(`  answer: ${picked.map((s) => s.doc.id).join(', ')}`);
    const article = picked[0]!.doc.entry.article.id;
    return { status: 'answered', query, ranked, standalone, docs: picked.map((s) => s.doc), topic: { terms: used.terms, type: used.type, lang: query.lang, article } };
  }

  return {
    answer(question: string, options: AskOptions = {}): Answer {
      const { trace } = options;
      let context = options.context;
      const fallbackLang = context?.lang ?? options.lang ?? 'en';
      const parts = splitQuestion(question);
      // Small talk is read off the whole line, before any search: "ok thanks" is never a question.
      const act = smallTalkOf(vocabulary.expand(tokenize(question)));
      if (act) {
        const lang = detectLanguage(question, fallbackLang);
        trace?.push(`small talk: ${act}`);
        const suggestions = act === 'greeting' || act === 'empty' || act === 'identity' ? defaultSuggestions(lang, articleOf(context)) : [];
        return { kind: 'small-talk', act, suggestions, lang, topic: context };
      }
      const results: PartResult[] = [];
      for (const [i, part] of parts.entries()) {
        const result = answerPart(part, context, fallbackLang, i > 0, trace);
        results.push(result);
        if (result.status === 'answered' || result.status === 'summary') context = result.topic;
        // "When was the Red Cross founded, and by who?": the second half leans on the first, never on an older topic.
        else if (parts.length > 1) context = undefined;
      }
      const first = results[0]!;
      const lang = results.find((r) => !r.query.langGuessed)?.query.lang ?? (first.query.langGuessed ? fallbackLang : first.query.lang);
      const topic = context && { ...context, lang };
      const summary = results.find((r) => r.status === 'summary');
      if (summary?.status === 'summary' && results.every((r) => r.status !== 'answered')) return { kind: 'summary', articles: summary.articles, lang, topic };
      const groups = entryGroups(results);
      if (groups.length > 0) return { kind: 'entries', groups, lang, topic };
      const choose = results.find((r) => r.status === 'choose');
      if (choose?.status === 'choose') {
        const choices = choose.articles.map((article) => ({ article, question: suggestionsFor(choose.query, lang, article)[0]! }));
        return { kind: 'choose-article', choices, lang, topic };
      }
      const current = articleOf(topic);
      const suggestions = suggestionsFor(first.query, lang, current);
      return { kind: 'refusal', suggestions, articles: current ? [current] : knowledge.articles, lang, topic };
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

/** Each answered part's entries; an entry already given for an earlier part is not repeated. */
function entryGroups(results: readonly PartResult[]): DocEntry[][] {
  const given = new Set<string>();
  const groups: DocEntry[][] = [];
  for (const result of results) {
    if (result.status !== 'answered') continue;
    let fresh = result.docs.filter((doc) => !given.has(doc.id));
    // "What did they call it, and what did Putin say?": when a part's best entry was already given,
    // its next best one that still answers it is given instead.
    // (Not after a gap: "…and in which city?" is answered by the same "does not say".)
    if (fresh.length === 0 && result.docs[0]?.entry.kind !== 'gap') {
      const next = [...result.ranked, ...result.standalone].find((s) => s.coverage >= MIN_COVERAGE && !given.has(s.doc.id) && s.doc.entry.kind !== 'gap');
      fresh = next ? [next.doc] : [];
    }
    for (const doc of fresh) given.add(doc.id);
    if (fresh.length > 0) groups.push(fresh.map((doc) => doc.entry));
  }
  return groups;
}

/** "And Erdogan?" after "What did Putin say?": Erdogan takes Putin's place; "What did he say?" keeps him. */
function withContext(query: Query, context: Topic): Query {
  const namesSomeone = query.terms.some((term) => term.actors.length > 0);
  const kept = context.terms.filter((term) => !(namesSomeone && term.actors.length > 0));
  const own = new Set(query.terms.map((term) => term.text));
  return { ...query, terms: [...kept.filter((term) => !own.has(term.text)), ...query.terms], type: query.type ?? context.type };
}

function describeQuery(text: string, query: Query, index: DocIndex): string {
  const terms = query.terms.map((t) => `${t.text}[${t.concepts.join('|') || '?'}]=${index.weight(t).toFixed(2)}`).join('  ');
  const flags = [
    query.followUp && 'follow-up',
    query.usesPronoun && 'pronoun',
    query.broad && 'broad',
    query.wantsSummary && 'summary',
    query.wantsKind && `wants ${query.wantsKind}`,
    query.attributes.length > 0 && `asks ${query.attributes.join(', ')}`,
  ].filter(Boolean);
  return `part "${text}"\n  lang: ${query.lang}${query.langGuessed ? ' (no cue)' : ''}  type: ${query.type ?? '-'}  ${flags.join('  ')}\n  terms: ${terms || '-'}`;
}

function buildQuestionIndex(docs: readonly Doc[]): Fuse<{ text: string; lang: Lang }> {
  const questions = docs.flatMap((doc) => [
    ...doc.questions.en.map((text) => ({ text, lang: 'en' as const })),
    ...doc.questions.fr.map((text) => ({ text, lang: 'fr' as const })),
  ]);
  return new Fuse(questions, { keys: ['text'], includeScore: true, ignoreDiacritics: true, ignoreLocation: true, threshold: 0.45 });
}
