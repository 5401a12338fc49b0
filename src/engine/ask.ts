/**
 * Answering one ask of a line: a view of the whole article, a role of the last answer, or entries found by scoring
 * every article (leaning on the conversation's topic when the ask is a follow-up), routed to one article.
 */
import type { ActorEntry, Article, QuestionType } from '../knowledge/types.ts';
import { pick, route, type AskResult } from './decide.ts';
import { fold } from './normalize.ts';
import type { Ask } from './read.ts';
import { claimOf, resolveRole } from './roles.ts';
import { rankedEntry, type AskExplanation, type Explanation } from './explanation.ts';
import { scoreArticle, type Excluded, type Query, type Scored } from './score.ts';
import { articleById, type EngineState } from './state.ts';
import { partEntryKeys, topicEntries } from './topic.ts';
import type { PartAnswer, Topic } from './types.ts';
import type { Term } from './vocabulary.ts';
import { wholeArticle } from './whole.ts';
import type { Attribute, Role, WholeView } from './words/index.ts';

/** Roles whose absence from the best fact is itself the answer: "why Kazakhstan?" of talks the article gives no reason for. */
const ROLE_TYPES: ReadonlyMap<QuestionType, Role> = new Map([['when', 'when'], ['where', 'where'], ['why', 'why'], ['how_many', 'how_many'], ['who', 'who']]);

export function answerAsk(state: EngineState, ask: Ask, context: Topic | undefined, laterPart: boolean, explain?: Explanation): AskResult {
  const { params } = state;
  const current = articleById(state, context?.article);
  const x = explain ? describeAsk(state, ask) : undefined;
  if (x) explain!.asks.push(x);
  const result = answer();
  if (x && !x.decision) x.decision = decisionOf(result, x);
  return result;

  function answer(): AskResult {
  if (ask.whole) return wholeOf(state, ask.whole, ask, current);
  // "When was that?", "who said it?": a role of the last answer (of each article's part, when it was about several).
  if (ask.role && context) {
    const entries = topicEntries(context, state.indexOf);
    const articles = [...new Set(entries.map((entry) => entry.article))];
    const claims = articles.flatMap((article) => claimOf(entries.filter((entry) => entry.article === article), ask.role) ?? []);
    if (claims.length > 0) {
      if (x) x.decision = `role ${ask.role} of ${claims.map((claim) => `${claim.article.id}/${claim.fact.id}`).join(', ')}`;
      const parts = claims.map((claim) => roleAnswer(ask, ask.role!, claim.article, claim.fact));
      return { status: 'answered', ask, parts, topic: { ...context, lang: ask.lang, view: undefined, entries: partEntryKeys(parts) } };
    }
  }
  if (ask.wantsSummary && ask.terms.length === 0) return wholeOf(state, 'summary', ask, current);
  // "What did he say?", "elle est de quel parti ?": the pronoun stands for the person (or the actors) last spoken of,
  // and the ask is about them or nothing.
  const standsFor = context ? pronounActors(state, ask, context) : [];
  if (standsFor.length > 0) {
    const about: Query = { ...ask, terms: [...ask.terms, ...standsFor], type: ask.type ?? context!.type };
    if (x) x.context = `"${ask.pronoun}" stands for ${standsFor.map((term) => term.text).join(', ')}`;
    const ranked = rank(state, about, context!.article, x);
    return decided(state, ask, about, ranked, pick(ranked, ask, params), undefined, x);
  }
  const standalone = rank(state, ask, undefined, x);
  let used: Query = ask;
  let ranked = standalone;
  let picked = pick(ranked, ask, params);
  // A word of its own that no entry holds ("How tall is Lavrov?", "the weather in Ankara") makes a new question: it is
  // judged on its own words, never answered from the last topic.
  const uncovered = ask.terms.filter((term) => !state.indexes.some((index) => index.knows(index.view(term))));
  // "And Erdogan?", "What did he say?", the second half of "When…, and in which city?": short asks that lean on the last
  // topic. The topic is kept when it explains the ask at least as well as the ask alone. An ask of two words or more
  // that nothing answers has a subject of its own ("Lavrov est ministre depuis quand ?").
  const leansOnContext = ask.followUp || ask.usesPronoun || laterPart || (picked.length === 0 && ask.terms.length <= 1);
  if (context && context.words.length > 0 && leansOnContext && uncovered.length === 0 && ask.terms.length <= params.maxFollowUpTerms) {
    const merged = withContext(ask, state.vocabulary.terms(context.words), context);
    const mergedRanked = rank(state, merged, context.article);
    const mergedPicked = pick(mergedRanked, { ...ask, type: merged.type }, params);
    if (x) x.context = `${context.words.join(' ')} (${context.article ?? 'no article'}) → ${mergedPicked.length ? 'leaned on' : 'no help'}`;
    if (mergedPicked.length > 0 && (picked.length === 0 || mergedPicked[0]!.coverage >= picked[0]!.coverage)) {
      used = merged;
      ranked = mergedRanked;
      picked = mergedPicked;
    }
  } else if (context) {
    if (x) x.context = `not used (${uncovered.length ? `own words no entry holds: ${uncovered.map((t) => t.text).join(', ')}` : 'an ask of its own'})`;
  }
  // "How many days?" names nothing, but only one fact gives a duration: that one is meant.
  if (picked.length === 0 && ask.terms.length === 0 && ask.type) {
    const ofType = state.indexes
      .filter((index) => !current || index.article === current)
      .flatMap((index) => index.docs.filter((doc) => doc.entry.kind === 'fact' && doc.answers.has(ask.type!)));
    ranked = ofType.map((doc) => ({ doc, coverage: 1, score: 1, why: [{ rule: `the one fact that answers ${ask.type}`, value: 1 }] }));
    if (ofType.length === 1) picked = ranked;
  }
  if (picked.length > 0 && used === ask) {
    const routed = route(ranked, current, params, (scored) => askStrength(state, ask, scored));
    if ('choose' in routed) {
      if (x) {
        x.ranked = ranked.slice(0, RANKED).map(rankedEntry);
        x.decision = `asked which article: ${routed.choose.map((a) => a.id).join(', ')} answer about as well`;
      }
      return { status: 'choose', ask, articles: routed.choose };
    }
    ranked = routed.ranked;
    picked = pick(ranked, ask, params);
  }
  if (picked.length === 0 && ask.wantsSummary) return wholeOf(state, 'summary', ask, current);
  if (picked.length === 0 && ask.attributes.length > 0) {
    const missing = missingMeasure(state, ask, current, x);
    if (missing) return missing;
  }
  return decided(state, ask, used, ranked, picked, standalone, x);
  }
}

/** From scored entries to the ask's answer: the entries picked, or the role the best fact lacks, or a refusal. */
function decided(state: EngineState, ask: Ask, used: Query, ranked: Scored[], picked: Scored[], standalone: Scored[] | undefined, x?: AskExplanation): AskResult {
  if (x) x.ranked = ranked.slice(0, RANKED).map(rankedEntry);
  if (picked.length === 0) return { status: 'refused', ask, ranked };
  const words = used.terms.flatMap((term) => term.text.split(' '));
  const top = picked[0]!.doc;
  const article = top.entry.article.id;
  const topic: Topic = { lang: ask.lang, article, words, type: used.type, entries: [] };
  // "Why Kazakhstan?", "elle arrive quand l'aide ?": the fact is found, and it does not say the role asked.
  const role = ask.type ? ROLE_TYPES.get(ask.type) : undefined;
  // (Who did something is told only where the editor gave the claim its roles: "who" is too often in the text alone.)
  const lacks =
    role && ask.type && top.entry.kind === 'fact' && !top.answers.has(ask.type) && (role !== 'who' || (hasRoles(top.entry.fact) && !top.entry.fact.who && !top.entry.fact.said_by));
  if (role && lacks && top.entry.kind === 'fact') {
    const part = roleAnswer(ask, role, top.entry.article, top.entry.fact);
    if (x) x.decision = `${top.label} is the claim; it does not give the ${role} asked`;
    return { status: 'answered', ask, parts: [part], topic: { ...topic, entries: partEntryKeys([part]) } };
  }
  // "What's the nuncio's name?": an actor the article calls only by a title or a description has no name to give.
  if (top.entry.kind === 'actor' && asksName(state, used) && !hasProperName(top.entry.actor)) {
    // The editor's own gap about the name ("the name of the ambassador") says it best.
    const nameGap = ranked.find((s) => s.doc.entry.kind === 'gap' && s.coverage >= state.params.minCoverage && [...s.doc.concepts].some((id) => state.concepts.is(id, 'name')));
    if (nameGap) return { status: 'answered', ask, parts: [{ kind: 'entries', entries: [nameGap.doc.entry] }], docs: [nameGap.doc], ranked, standalone: standalone ?? ranked, topic: { ...topic, entries: partEntryKeys([{ kind: 'entries', entries: [nameGap.doc.entry] }]) } };
    const part: PartAnswer = { kind: 'unnamed', article: top.entry.article, actor: top.entry.actor };
    return { status: 'answered', ask, parts: [part], topic: { ...topic, entries: partEntryKeys([{ kind: 'entries', entries: [top.entry] }]) } };
  }
  const parts: PartAnswer[] = [{ kind: 'entries', entries: picked.map((s) => s.doc.entry) }];
  return { status: 'answered', ask, parts, docs: picked.map((s) => s.doc), ranked, standalone: standalone ?? ranked, topic: { ...topic, entries: partEntryKeys(parts) } };
}

/**
 * The actors of the last topic a pronoun of the ask stands for: people for "he", "elle", any actor for "they"; those
 * the last question named, else those of the claim it was answered with ("c'est qui qui avait proposé ça ?" → Dati,
 * then "elle est de quel parti ?").
 */
function pronounActors(state: EngineState, ask: Ask, context: Topic): Term[] {
  if (ask.pronoun !== 'person' && ask.pronoun !== 'plural') return [];
  const fits = (actor: ActorEntry) => ask.pronoun === 'plural' || actor.kind === 'person';
  const actorOfConcept = (id: number): ActorEntry | undefined => {
    const concept = state.concepts.get(id);
    return concept.kind === 'actor' ? state.indexOf.get(concept.article)?.article.actors.find((actor) => actor.id === concept.actor) : undefined;
  };
  const named = state.vocabulary.terms(context.words).filter((term) => term.actors.some((id) => fits(actorOfConcept(id)!)));
  if (named.length > 0) return named;
  const claim = claimOf(topicEntries(context, state.indexOf));
  if (!claim) return [];
  const { article, fact } = claim;
  const ids = [...new Set([...(fact.who ?? []), ...(fact.said_by ? [fact.said_by] : []), ...(fact.target ?? []), ...fact.actors])];
  return article.actors
    .filter((actor) => ids.includes(actor.id) && fits(actor))
    .map((actor): Term => {
      const id = state.concepts.id({ kind: 'actor', article: article.id, actor: actor.id });
      return { text: actor.names[0]!, concepts: [id], secondary: [], actors: [id], mended: false };
    });
}

/** How much of the ask an entry holds, in weights over every article: which article an ask is about, when two answer alike. */
function askStrength(state: EngineState, ask: Ask, scored: Scored): number {
  const index = state.indexOf.get(scored.doc.entry.article.id)!;
  let strength = 0;
  for (const term of ask.terms) {
    const view = index.view(term);
    if (view.some((id) => scored.doc.concepts.has(id))) strength += Math.max(0, ...view.map((id) => state.globalWeight(id)));
  }
  return strength;
}

const asksName = (state: EngineState, query: Query): boolean => query.terms.some((term) => term.concepts.some((id) => state.concepts.is(id, 'name')));
/** A name with a capital after its first letter's word ("Sergueï Lavrov", "CICR"), not a title ("le nonce apostolique"). */
const hasProperName = (actor: ActorEntry): boolean => actor.names.some((name) => name.split(/\s+/).some((word) => /^\p{Lu}/u.test(word)));

const hasRoles = (fact: Article['facts'][number]): boolean =>
  fact.who !== undefined || fact.action !== undefined || fact.target !== undefined || fact.where !== undefined || fact.when !== undefined || fact.said_by !== undefined;

/** What a thing of the article measures: the article may leave it out ("How much does the spire weigh?"). */
const MEASURES: ReadonlySet<Attribute> = new Set(['height', 'weight', 'price', 'distance', 'area']);

/**
 * "Combien pèse la flèche ?": a measure of something the article is about (its own word, not a name: "How tall is
 * Lavrov?" stays refused), which no fact gives. Said missing, from the fact about that thing.
 */
function missingMeasure(state: EngineState, ask: Ask, current: Article | undefined, x?: AskExplanation): AskResult | undefined {
  const asked = ask.attributes.map((id) => state.concepts.get(id)).flatMap((concept) => (concept.kind === 'attribute' ? [concept.name] : []));
  if (asked.length !== ask.attributes.length || !asked.every((name) => MEASURES.has(name))) return undefined;
  const terms = ask.terms.filter((term) => !term.concepts.some((id) => state.concepts.is(id, 'attribute')));
  const own = (term: Term) => term.actors.length === 0 && term.concepts.some((id) => state.concepts.is(id, 'word') || state.concepts.is(id, 'synonym'));
  if (!terms.some(own)) return undefined;
  const ranked = rank(state, { ...ask, terms, attributes: [] }, current?.id);
  const best = ranked[0];
  if (!best || best.doc.entry.kind !== 'fact' || best.coverage < state.params.minCoverage) return undefined;
  const subject = terms.filter((term) => own(term) && best.doc.core.has(state.indexOf.get(best.doc.entry.article.id)!.view(term).find((id) => best.doc.concepts.has(id)) ?? -1));
  if (subject.length === 0) return undefined;
  if (x) x.decision = `${best.doc.label} is about ${subject.map((t) => t.text).join(' ')}; it gives no ${asked.join(', ')}`;
  const part: PartAnswer = { kind: 'missing-measure', measure: asked[0]!, subject: asWritten(ask.text, subject.map((t) => t.text)), article: best.doc.entry.article, fact: best.doc.entry.fact };
  return { status: 'answered', ask, parts: [part], topic: { lang: ask.lang, article: best.doc.entry.article.id, words: terms.flatMap((t) => t.text.split(' ')), entries: partEntryKeys([part]) } };
}

/** The words as the reader wrote them ("flèche", not the folded "fleche"). */
function asWritten(text: string, folded: readonly string[]): string {
  const wanted = new Set(folded.flatMap((words) => words.split(' ')));
  const written = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match[0]).filter((word) => wanted.has(fold(word)));
  return written.length > 0 ? written.join(' ') : folded.join(' ');
}

/** A role of a claim; "which city?" of a claim placed in a country is a place less precise than asked. */
function roleAnswer(ask: Ask, role: Role, article: Article, fact: Article['facts'][number]): PartAnswer {
  const part = resolveRole(role, article, fact);
  if (part.kind === 'role' && role === 'where' && ask.wantsCity) {
    // A gap the editor wrote for the place ("nor in which city") says it; else a country is no city.
    const gap = article.gaps.find((g) => g.related?.includes(fact.id) && g.answers.includes('where'));
    if (gap) return { kind: 'entries', entries: [{ kind: 'gap', article, gap }] };
    const place = article.actors.find((actor) => actor.id === fact.where);
    if (place?.kind === 'country') return { kind: 'missing-role', role, article, fact, coarse: true };
  }
  // "What time?" of a mass "on Sunday": the day is known, not the hour.
  if (part.kind === 'role' && role === 'when' && ask.wantsTime && !/\d\s*[hH:]/.test(fact.when!.text)) return { kind: 'missing-role', role, article, fact, coarse: true };
  return part;
}

/** Every article's entries for a query, best first; `only` keeps one article (a follow-up stays on its article). */
export function rank(state: EngineState, query: Query, only?: string, x?: AskExplanation): Scored[] {
  const { concepts } = state;
  // Names belong to their article: "the weather in Moscow" is about the article that names Moscow, whatever another
  // article says of the weather. (Only a word that is nothing but a name, as typed: a typo mended into a name names
  // no one for sure.)
  const named = new Set(
    query.terms
      .filter((term) => !term.mended && term.concepts.length > 0 && term.concepts.every((id) => concepts.is(id, 'actor')))
      .flatMap((term) => term.actors.map((id) => concepts.articleOf(id)!)),
  );
  const ranked: Scored[] = [];
  for (const index of state.indexes) {
    if (only && index.article.id !== only) continue;
    if (named.size > 0 && !named.has(index.article.id)) continue;
    const excluded: Excluded[] | undefined = x ? [] : undefined;
    ranked.push(...scoreArticle(query, index, concepts, state.params, excluded));
    if (x) x.ruledOut = [...x.ruledOut.filter((r) => !excluded!.some((e) => e.doc.label === r.entry)), ...excluded!.map(({ doc, rule }) => ({ entry: doc.label, rule }))];
  }
  return ranked.sort((a, b) => b.score - a.score);
}

/**
 * "What is the article about?", "the timeline": the conversation's article, or the one the ask names; with neither,
 * every article (newest first, up to a few), each with its own view.
 */
function wholeOf(state: EngineState, view: WholeView, ask: Ask, current: Article | undefined): AskResult {
  const { concepts, knowledge, params } = state;
  const named = [...new Set(ask.terms.flatMap((term) => term.actors))];
  const namedArticles = [...new Set(named.map((id) => concepts.articleOf(id)!))];
  const articles =
    current && (namedArticles.length === 0 || namedArticles.includes(current.id))
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
  const topic: Topic = {
    lang: ask.lang,
    ...(articles.length === 1 ? { article: articles[0]!.id } : {}),
    // "Lavrov's exact words", then "what's his job?": the speaker stays the topic.
    words: ask.terms.flatMap((term) => term.text.split(' ')),
    entries: partEntryKeys(parts),
    view,
    articles: articles.map((article) => article.id),
  };
  return { status: 'answered', ask, parts, topic };
}

/** "And Erdogan?" after "What did Putin say?": Erdogan takes Putin's place; "What did he say?" keeps him. */
function withContext(ask: Ask, contextTerms: readonly Term[], context: Topic): Query {
  const namesSomeone = ask.terms.some((term) => term.actors.length > 0);
  const kept = contextTerms.filter((term) => !(namesSomeone && term.actors.length > 0));
  const own = new Set(ask.terms.map((term) => term.text));
  return { ...ask, terms: [...kept.filter((term) => !own.has(term.text)), ...ask.terms], type: ask.type ?? context.type };
}

/** The best entries an explanation keeps. */
const RANKED = 8;

function describeAsk(state: EngineState, ask: Ask): AskExplanation {
  const flags = [
    ask.followUp && 'follow-up',
    ask.pronoun && `pronoun (${ask.pronoun})`,
    ask.broad && 'broad',
    ask.wantsSummary && 'summary',
    ask.whole && `whole article: ${ask.whole}`,
    ask.role && `role: ${ask.role}`,
    ask.wantsKind && `wants a ${ask.wantsKind}`,
    ask.attributes.length > 0 && `asks ${ask.attributes.map((id) => state.concepts.label(id)).join(', ')}`,
  ].filter((flag): flag is string => typeof flag === 'string');
  const terms = ask.terms.map((term) => ({ text: term.text, meanings: [...term.concepts, ...(term.word === undefined ? [] : [term.word])].map((id) => state.concepts.label(id)) }));
  return { text: ask.text, lang: `${ask.lang}${ask.langGuessed ? ' (no cue)' : ''}`, type: ask.type, flags, terms, ruledOut: [], ranked: [], decision: '' };
}

function decisionOf(result: AskResult, x: AskExplanation): string {
  switch (result.status) {
    case 'refused': {
      const best = result.ranked[0];
      if (best) return `refused: the best entry, ${best.doc.label}, covers ${Math.round(100 * best.coverage)}% of the ask`;
      if (x.ruledOut.length === 0) return 'refused: no entry shares a word with the ask';
      const rules = new Map<string, number>();
      for (const { rule } of x.ruledOut) rules.set(rule, (rules.get(rule) ?? 0) + 1);
      const [rule] = [...rules].sort((a, b) => b[1] - a[1])[0]!;
      return `refused: ${x.ruledOut.length} entries share words with it, and each was ruled out (most: ${rule})`;
    }
    case 'choose':
      return `asked which article: ${result.articles.map((a) => a.id).join(', ')}`;
    case 'answered':
      return result.docs ? `answered from ${result.docs.map((doc) => doc.label).join(', ')}` : `answered with ${result.parts.map((part) => part.kind === 'whole' ? `the ${part.view} of ${part.article.id}` : part.kind).join(', ')}`;
  }
}
