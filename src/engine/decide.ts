/**
 * The deciding stage: from scored entries to what answers — which article, which entries (the best and those tied with
 * it, every fact of a broad ask, one gap), and how the asks of one line come together in order.
 */
import type { Article } from '../knowledge/types.ts';
import type { Doc } from './article-index.ts';
import type { EngineParams } from './params.ts';
import type { Ask } from './read.ts';
import { STRICT_TYPES, type Scored } from './score.ts';
import type { Entry, PartAnswer, Topic } from './types.ts';

/** What one ask of a line came to. */
export type AskResult =
  | { status: 'answered'; ask: Ask; parts: PartAnswer[]; topic: Topic; docs?: Doc[]; ranked?: Scored[]; standalone?: Scored[] }
  | { status: 'choose'; ask: Ask; articles: Article[] }
  | { status: 'refused'; ask: Ask; ranked: Scored[] };

/**
 * The entries to answer with, all of one article and one kind (facts, or one gap): the best and those tied with it;
 * for a broad ask ("what did the three countries commit to?"), every fact that covers it about as well.
 */
export function pick(ranked: readonly Scored[], ask: Pick<Ask, 'broad' | 'type' | 'wantsKind'>, params: Readonly<EngineParams>): Scored[] {
  const first = ranked[0];
  if (!first || first.coverage < params.minCoverage) return [];
  // "Ceasefire?", "what's this about an ambassador being killed?" ask about the topic, not about a detail the article
  // lacks: a fact that covers it as well wins.
  const asFact = !ask.type && first.doc.entry.kind === 'gap' ? ranked.find((s) => s.doc.entry.kind === 'fact' && s.coverage >= first.coverage) : undefined;
  const top = asFact ?? first;
  if (top.doc.entry.kind === 'gap') return [top];
  // "Where…?" answered by a place: an entry beside it that gives no place does not answer it.
  const strict = ask.type && STRICT_TYPES.has(ask.type) && top.doc.answers.has(ask.type) ? ask.type : undefined;
  const sameArticle = (s: Scored) => s.doc.entry.article === top.doc.entry.article && s.doc.entry.kind !== 'gap' && (!strict || s.doc.answers.has(strict));
  if (ask.broad && top.doc.entry.kind === 'fact') {
    const composed = ranked.filter(
      (s) =>
        sameArticle(s) &&
        s.doc.entry.kind === 'fact' &&
        s.coverage >= Math.max(params.minCoverage, top.coverage - params.broadCoverageMargin) &&
        s.score >= top.score - params.broadScoreMargin,
    );
    if (composed.length > 1) return composed.slice(0, params.maxComposed);
  }
  // "Which countries back Assad?" names what it wants: the best entry answers it, those beside it only add noise.
  if (ask.wantsKind) return [top];
  return ranked.filter((s) => sameArticle(s) && s.coverage >= params.minCoverage && s.score >= top.score - params.tieMargin).slice(0, params.maxAnswers);
}

/**
 * The best answers of one article. When two articles answer about as well, the one whose entry holds more of the ask's
 * rarer words (`strength`, weighed over every article) wins; then the conversation's article; with neither, the reader is
 * asked which one.
 */
export function route(
  ranked: Scored[],
  current: Article | undefined,
  params: Readonly<EngineParams>,
  strength: (scored: Scored) => number,
): { ranked: Scored[] } | { choose: Article[] } {
  const eligible = ranked.filter((s) => s.coverage >= params.minCoverage);
  const best = eligible[0];
  if (!best) return { ranked };
  let close = [...new Set(eligible.filter((s) => s.score >= best.score - params.routeMargin).map((s) => s.doc.entry.article))];
  if (close.length > 1) {
    const strongest = new Map(close.map((article) => [article, Math.max(...eligible.filter((s) => s.doc.entry.article === article).map(strength))]));
    const top = Math.max(...strongest.values());
    close = close.filter((article) => strongest.get(article)! >= top * (1 - params.routeMargin));
  }
  const chosen = close.length === 1 ? close[0]! : current && close.includes(current) ? current : undefined;
  if (!chosen) return { choose: close };
  return { ranked: ranked.filter((s) => s.doc.entry.article === chosen) };
}

/**
 * The parts of a line's answer, in the order asked: each answered ask's part, and, in a line of several asks, a refused
 * one said in its place. An entry already given for an earlier ask is not repeated: that ask gets its next best entry.
 */
export function entryGroups(results: readonly AskResult[], params: Readonly<EngineParams>): PartAnswer[] {
  const given = new Set<Doc>();
  const seen = new Set<string>();
  const parts: PartAnswer[] = [];
  const several = results.length > 1;
  for (const result of results) {
    if (result.status !== 'answered') {
      if (several) parts.push({ kind: 'not-covered', text: result.ask.text });
      continue;
    }
    if (!result.docs) {
      // "/numbers ? /numbers ?": the same view or role asked twice in a line is given once.
      for (const part of result.parts) {
        const key = partKey(part);
        if (seen.has(key)) continue;
        seen.add(key);
        parts.push(part);
      }
      continue;
    }
    let fresh = result.docs.filter((doc) => !given.has(doc));
    // "What did they call it, and what did Putin say?": when an ask's best entry was already given, its next best one
    // that still answers it is given instead. (Not after a gap: "…and in which city?" is answered by the same "does not say".)
    if (fresh.length === 0 && result.docs[0]?.entry.kind !== 'gap') {
      const next = [...(result.ranked ?? []), ...(result.standalone ?? [])].find((s) => s.coverage >= params.minCoverage && !given.has(s.doc) && s.doc.entry.kind !== 'gap');
      fresh = next ? [next.doc] : [];
    }
    for (const doc of fresh) given.add(doc);
    if (fresh.length > 0) parts.push({ kind: 'entries', entries: fresh.map((doc) => doc.entry) });
  }
  return parts;
}

/** What tells two parts of a line apart: the same whole view, role or gap of the same claim is one part. */
function partKey(part: PartAnswer): string {
  switch (part.kind) {
    case 'whole':
      return `whole:${part.article.id}:${part.view}:${part.speaker?.id ?? ''}`;
    case 'role':
    case 'missing-role':
      return `${part.kind}:${part.article.id}:${part.fact.id}:${part.role}`;
    case 'missing-measure':
      return `measure:${part.article.id}:${part.fact.id}:${part.measure}`;
    case 'unnamed':
      return `unnamed:${part.article.id}:${part.actor.id}`;
    case 'not-covered':
      return `not-covered:${part.text}`;
    case 'entries':
      return `entries:${part.entries.map(entryKey).join(',')}`;
  }
}

const entryKey = (entry: Entry): string => {
  const id = entry.kind === 'fact' ? entry.fact.id : entry.kind === 'actor' ? entry.actor.id : entry.gap.id;
  return `${entry.article.id}/${entry.kind}:${id}`;
};
