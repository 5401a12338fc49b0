/**
 * The engine, as stages: read the line (read.ts) → for each ask, find the candidate entries and score them in each
 * article (score.ts) → decide (decide.ts): which article, which entries, a view of the whole article (whole.ts), a role
 * of the last answer (roles.ts), or a refusal. Everything costly is built here once per knowledge; the engine keeps no
 * state between questions: the caller hands back the topic of the last answer.
 */
import Fuse from 'fuse.js';
import type { Article, Knowledge } from '../knowledge/types.ts';
import type { Lang } from '../shared/types.ts';
import { ArticleIndex, articleTexts, type Doc } from './article-index.ts';
import { Concepts } from './concepts.ts';
import { entryGroups, pick, route, type AskResult } from './decide.ts';
import { detectLanguage } from './language.ts';
import { fold } from './normalize.ts';
import { DEFAULT_PARAMS, type EngineParams } from './params.ts';
import { readAsk, readQuestion, type Ask } from './read.ts';
import { claimOf, resolveRole } from './roles.ts';
import { scoreArticle, type Excluded, type Query, type Scored } from './score.ts';
import type { Answer, AskOptions, Engine, EngineOptions, Entry, PartAnswer, Topic } from './types.ts';
import { Vocabulary, type Term } from './vocabulary.ts';
import { wholeArticle } from './whole.ts';
import type { Instruction, WholeView } from './words/index.ts';

export type { Answer, AskOptions, Engine, EngineOptions, Entry, PartAnswer, Topic } from './types.ts';

export function createEngine(knowledge: Knowledge, options: EngineOptions = {}): Engine {
  const params: Readonly<EngineParams> = { ...DEFAULT_PARAMS, ...options.params };
  const concepts = new Concepts();
  const vocabulary = new Vocabulary(knowledge.articles, concepts, articleTexts);
  const indexes = knowledge.articles.map((article) => new ArticleIndex(article, concepts, vocabulary, params));
  const indexOf = new Map(indexes.map((index) => [index.article.id, index]));
  const questionIndex = buildQuestionIndex(indexes);
  const articleOf = (topic?: Topic) => (topic?.article ? indexOf.get(topic.article)?.article : undefined);

  function defaultSuggestions(lang: Lang, article: Article = knowledge.newest): string[] {
    return article.briefing.map((fact) => fact.questions[lang][0]!).slice(0, params.maxSuggestions);
  }

  /**
   * Questions about what the refused question touched ("the capital of Kazakhstan" → the talks in Kazakhstan), most
   * shared weight first, then the briefing's: up to three, never the question just asked.
   */
  function suggestionsFor(ask: Ask, lang: Lang, article?: Article): string[] {
    const asked = fold(ask.text).replace(/[^a-z0-9]+/g, ' ').trim();
    const closest: { question: string; shared: number }[] = [];
    for (const index of indexes) {
      if (article && index.article !== article) continue;
      const views = ask.terms.map((term) => index.view(term));
      for (const doc of index.candidates(views, [])) {
        if (doc.entry.kind !== 'fact') continue;
        let shared = 0;
        views.forEach((view) => {
          if (view.some((id) => doc.concepts.has(id))) shared += index.weight(view);
        });
        closest.push({ question: doc.questions[lang][0]!, shared });
      }
    }
    closest.sort((a, b) => b.shared - a.shared);
    const all = [...closest.map((c) => c.question), ...defaultSuggestions(lang, article)];
    return [...new Set(all)].filter((q) => fold(q).replace(/[^a-z0-9]+/g, ' ').trim() !== asked).slice(0, params.maxSuggestions);
  }

  /** Every article's entries for a query, best first; `only` keeps one article (a follow-up stays on its article). */
  function rank(query: Query, only?: string, trace?: string[]): Scored[] {
    // Names belong to their article: "the weather in Moscow" is about the article that names Moscow, whatever another
    // article says of the weather. (Only a word that is nothing but a name, as typed: a typo mended into a name names
    // no one for sure.)
    const named = new Set(
      query.terms
        .filter((term) => !term.mended && term.concepts.length > 0 && term.concepts.every((id) => concepts.is(id, 'actor')))
        .flatMap((term) => term.actors.map((id) => concepts.articleOf(id)!)),
    );
    const ranked: Scored[] = [];
    for (const index of indexes) {
      if (only && index.article.id !== only) continue;
      if (named.size > 0 && !named.has(index.article.id)) continue;
      const excluded: Excluded[] | undefined = trace ? [] : undefined;
      ranked.push(...scoreArticle(query, index, concepts, params, excluded));
      for (const { doc, rule } of (excluded ?? []).slice(0, 4)) trace!.push(`  ruled out ${doc.label}: ${rule}`);
    }
    return ranked.sort((a, b) => b.score - a.score);
  }

  /** "What is the article about?", "the timeline": the conversation's article, a named one, or every article (up to a few). */
  function wholeOf(view: WholeView, ask: Ask, current: Article | undefined): AskResult {
    const named = [...new Set(ask.terms.flatMap((term) => term.actors))];
    const namedArticles = [...new Set(named.map((id) => concepts.articleOf(id)!))];
    const articles = current && (namedArticles.length === 0 || namedArticles.includes(current.id))
      ? [current]
      : namedArticles.length > 0
        ? knowledge.articles.filter((a) => namedArticles.includes(a.id))
        : knowledge.articles.slice(0, params.maxSummaries);
    const parts = articles.map((article) => {
      const speakerId = view === 'quotes' ? named.find((id) => concepts.articleOf(id) === article.id) : undefined;
      const concept = speakerId === undefined ? undefined : concepts.get(speakerId);
      const speaker = concept?.kind === 'actor' ? article.actors.find((actor) => actor.id === concept.actor) : undefined;
      return wholeArticle(view, article, { speaker, maxListed: params.maxListed });
    });
    const article = articles.length === 1 ? articles[0]!.id : undefined;
    const entries = parts.length === 1 && parts[0]!.kind === 'whole' ? parts[0]!.entries.map(entryId) : [];
    return { status: 'answered', ask, parts, topic: { lang: ask.lang, article, words: [], entries, view } };
  }

  function answerAsk(ask: Ask, context: Topic | undefined, laterPart: boolean, trace?: string[]): AskResult {
    const current = articleOf(context);
    trace?.push(describeAsk(ask));
    if (ask.whole) return wholeOf(ask.whole, ask, current);
    // "When was that?", "who said it?": a role of the last answer.
    if (ask.role && context && current) {
      const index = indexOf.get(current.id)!;
      const claim = claimOf(context.entries.flatMap((id) => entryOf(index, id)));
      if (claim) {
        trace?.push(`  role ${ask.role} of ${claim.article.id}/${claim.fact.id}`);
        const part = resolveRole(ask.role, claim.article, claim.fact);
        return { status: 'answered', ask, parts: [part], topic: { ...context, lang: ask.lang } };
      }
    }
    if (ask.wantsSummary && ask.terms.length === 0) return wholeOf('summary', ask, current);
    const standalone = rank(ask, undefined, trace);
    let used: Query & { words?: string[] } = ask;
    let ranked = standalone;
    let picked = pick(ranked, ask, params);
    // A word of its own that no entry holds ("How tall is Lavrov?", "the weather in Ankara") makes a new question: it is
    // judged on its own words, never answered from the last topic.
    const uncovered = ask.terms.filter((term) => !indexes.some((index) => index.knows(index.view(term))));
    // "And Erdogan?", "What did he say?", the second half of "When…, and in which city?": short asks that lean on the last
    // topic. The topic is kept when it explains the ask at least as well as the ask alone. An ask of two words or more that
    // nothing answers has a subject of its own ("Lavrov est ministre depuis quand ?").
    const leansOnContext = ask.followUp || ask.usesPronoun || laterPart || (picked.length === 0 && ask.terms.length <= 1);
    if (context && leansOnContext && uncovered.length === 0 && ask.terms.length <= params.maxFollowUpTerms) {
      const merged = withContext(ask, vocabulary.terms(context.words), context);
      const mergedRanked = rank(merged, context.article);
      const mergedPicked = pick(mergedRanked, { ...ask, type: merged.type }, params);
      trace?.push(`  context: ${context.words.join(' ') || '-'} (${context.article ?? 'no article'}) → ${mergedPicked.length ? 'leaned on' : 'no help'}`);
      if (mergedPicked.length > 0 && (picked.length === 0 || mergedPicked[0]!.coverage >= picked[0]!.coverage)) {
        used = merged;
        ranked = mergedRanked;
        picked = mergedPicked;
      }
    } else if (context) {
      trace?.push(`  context: not used (${uncovered.length ? `own words no entry holds: ${uncovered.map((t) => t.text).join(', ')}` : 'an ask of its own'})`);
    }
    // "How many days?" names nothing, but only one fact gives a duration: that one is meant.
    if (picked.length === 0 && ask.terms.length === 0 && ask.type) {
      const ofType = indexes
        .filter((index) => !current || index.article === current)
        .flatMap((index) => index.docs.filter((doc) => doc.entry.kind === 'fact' && doc.answers.has(ask.type!)));
      ranked = ofType.map((doc) => ({ doc, coverage: 1, score: 1, why: [{ rule: `the one fact that answers ${ask.type}`, value: 1 }] }));
      if (ofType.length === 1) picked = ranked;
    }
    trace?.push(...ranked.slice(0, 6).map((s) => `  ${s.score.toFixed(3)} cov ${s.coverage.toFixed(2)}  ${s.doc.entry.kind} ${s.doc.label}  ${s.why.map(formatReason).join(', ')}`));
    if (picked.length > 0 && used === ask) {
      const routed = route(ranked, current, params);
      if ('choose' in routed) {
        trace?.push(`  articles about as close: ${routed.choose.map((a) => a.id).join(', ')}`);
        return { status: 'choose', ask, articles: routed.choose };
      }
      ranked = routed.ranked;
      picked = pick(ranked, ask, params);
    }
    if (picked.length === 0) {
      if (ask.wantsSummary) return wholeOf('summary', ask, current);
      return { status: 'refused', ask, ranked };
    }
    trace?.push(`  answer: ${picked.map((s) => s.doc.label).join(', ')}`);
    const article = picked[0]!.doc.entry.article.id;
    const words = used.terms.flatMap((term) => term.text.split(' '));
    return {
      status: 'answered',
      ask,
      parts: [{ kind: 'entries', entries: picked.map((s) => s.doc.entry) }],
      docs: picked.map((s) => s.doc),
      ranked,
      standalone,
      topic: { lang: ask.lang, article, words, type: used.type, entries: picked.map((s) => s.doc.id) },
    };
  }

  /** "Shorter", "more detail", "in French", "sources?": the last answer again, changed. */
  function instructed(instruction: Instruction, context: Topic): Answer | undefined {
    const index = context.article ? indexOf.get(context.article) : undefined;
    if (!index) return undefined;
    const entries = context.entries.flatMap((id) => entryOf(index, id));
    if (entries.length === 0 && !context.view) return undefined;
    const lang: Lang = instruction === 'french' ? 'fr' : instruction === 'english' ? 'en' : context.lang;
    const article = index.article;
    const whole = (view: WholeView) => wholeArticle(view, article, { maxListed: params.maxListed });
    let part: PartAnswer;
    switch (instruction) {
      case 'shorter':
        part = context.view ? whole('gist') : { kind: 'entries', entries: entries.slice(0, 1) };
        break;
      case 'longer':
        part = context.view ? whole(context.view === 'gist' || context.view === 'summary' ? 'full' : context.view) : { kind: 'entries', entries: [...entries, ...neighbours(index, entries)] };
        break;
      case 'sources':
        part = { kind: 'whole', view: 'quotes', article, entries: entries.length > 0 ? entries : whole(context.view ?? 'summary').kind === 'whole' ? (whole(context.view ?? 'summary') as { entries: Entry[] }).entries : [] };
        break;
      default:
        part = context.view ? whole(context.view) : { kind: 'entries', entries };
    }
    const view = part.kind === 'whole' ? part.view : undefined;
    const given = part.kind === 'whole' || part.kind === 'entries' ? part.entries.map(entryId) : context.entries;
    return { kind: 'answer', parts: [part], lang, topic: { ...context, lang, entries: given, ...(view ? { view } : { view: undefined }) } };
  }

  /** More detail on entries: the facts of the article that share most with them. */
  function neighbours(index: ArticleIndex, entries: readonly Entry[]): Entry[] {
    const given = new Set(entries.map(entryId));
    const docs = entries.flatMap((entry) => entryOf(index, entryId(entry)).length ? [index.doc(entryId(entry))!] : []);
    const shared = (doc: Doc) => docs.reduce((sum, d) => sum + [...d.core].filter((id) => doc.core.has(id)).reduce((w, id) => w + index.conceptWeight(id), 0), 0);
    return index.docs
      .filter((doc) => doc.entry.kind === 'fact' && !given.has(doc.id))
      .map((doc) => ({ doc, weight: shared(doc) }))
      .filter((d) => d.weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, Math.max(0, params.maxComposed - entries.length))
      .map((d) => d.doc.entry);
  }

  return {
    answer(question: string, options: AskOptions = {}): Answer {
      const { trace } = options;
      let context = usableTopic(options.context);
      const fallbackLang = context?.lang ?? options.lang ?? 'en';
      const reading = readQuestion(question, vocabulary, concepts, fallbackLang, params);
      // Small talk is read off the whole line, before any search: "ok thanks" is never a question.
      if (reading.act) {
        const lang = detectLanguage(question.slice(0, params.maxQuestionChars), fallbackLang);
        trace?.push(`small talk: ${reading.act}`);
        const suggestions = reading.act === 'greeting' || reading.act === 'empty' || reading.act === 'identity' ? defaultSuggestions(lang, articleOf(context)) : [];
        return { kind: 'small-talk', act: reading.act, suggestions, lang, topic: context };
      }
      if (reading.instruction) {
        trace?.push(`instruction: ${reading.instruction}`);
        const changed = context && instructed(reading.instruction, context);
        if (changed) return changed;
      }
      const asks = reading.asks.length > 0 ? reading.asks : [readAsk(question.slice(0, params.maxQuestionChars), vocabulary, concepts, fallbackLang)];
      const results: AskResult[] = [];
      for (const [i, ask] of asks.entries()) {
        const result = answerAsk(ask, context, i > 0, trace);
        results.push(result);
        if (result.status === 'answered') context = result.topic;
        // "When was the Red Cross founded, and by who?": the second half leans on the first, never on an older topic.
        else if (asks.length > 1) context = undefined;
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
      const current = articleOf(topic);
      const suggestions = suggestionsFor(first.ask, lang, current);
      return { kind: 'refusal', suggestions, articles: current ? [current] : knowledge.articles, lang, topic };
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
}

const entryId = (entry: Entry): string => `${entry.kind}:${entry.kind === 'fact' ? entry.fact.id : entry.kind === 'gap' ? entry.gap.id : entry.actor.id}`;

function entryOf(index: ArticleIndex, id: string): Entry[] {
  const doc = index.doc(id);
  return doc ? [doc.entry] : [];
}

/** A topic as kept by a conversation store: anything else (an older shape, a broken row) starts afresh. */
function usableTopic(topic: Topic | undefined): Topic | undefined {
  if (!topic || typeof topic !== 'object') return undefined;
  if (!Array.isArray(topic.words) || !Array.isArray(topic.entries) || (topic.lang !== 'en' && topic.lang !== 'fr')) return undefined;
  return topic;
}

/** "And Erdogan?" after "What did Putin say?": Erdogan takes Putin's place; "What did he say?" keeps him. */
function withContext(ask: Ask, contextTerms: readonly Term[], context: Topic): Query & { terms: Term[] } {
  const namesSomeone = ask.terms.some((term) => term.actors.length > 0);
  const kept = contextTerms.filter((term) => !(namesSomeone && term.actors.length > 0));
  const own = new Set(ask.terms.map((term) => term.text));
  return { ...ask, terms: [...kept.filter((term) => !own.has(term.text)), ...ask.terms], type: ask.type ?? context.type };
}

function formatReason(reason: { rule: string; value: number; term?: string }): string {
  return `${reason.term ? `${reason.term}: ` : ''}${reason.rule} ${reason.value >= 0 ? '+' : ''}${reason.value.toFixed(2)}`;
}

function describeAsk(ask: Ask): string {
  const terms = ask.terms.map((t) => `${t.text}${t.concepts.length ? '' : '?'}`).join('  ');
  const flags = [
    ask.followUp && 'follow-up',
    ask.usesPronoun && 'pronoun',
    ask.broad && 'broad',
    ask.wantsSummary && 'summary',
    ask.whole && `whole article: ${ask.whole}`,
    ask.role && `role: ${ask.role}`,
    ask.wantsKind && `wants ${ask.wantsKind}`,
    ask.attributes.length > 0 && 'asks an attribute',
  ].filter(Boolean);
  return `ask "${ask.text}"\n  lang: ${ask.lang}${ask.langGuessed ? ' (no cue)' : ''}  type: ${ask.type ?? '-'}  ${flags.join('  ')}\n  terms: ${terms || '-'}`;
}

function buildQuestionIndex(indexes: readonly ArticleIndex[]): Fuse<{ text: string; lang: Lang }> {
  const questions = indexes.flatMap((index) =>
    index.docs.flatMap((doc) => [...doc.questions.en.map((text) => ({ text, lang: 'en' as const })), ...doc.questions.fr.map((text) => ({ text, lang: 'fr' as const }))]),
  );
  return new Fuse(questions, { keys: ['text'], includeScore: true, ignoreDiacritics: true, ignoreLocation: true, threshold: 0.45 });
}
