import { basename } from 'node:path';
import { commonWords } from '../engine/common-words.ts';
import { createEngine } from '../engine/engine.ts';
import { answerEntries } from '../engine/answer-entries.ts';
import type { Explanation } from '../engine/explanation.ts';
import type { Answer } from '../engine/types.ts';
import { fold } from '../engine/normalize.ts';
import { KnowledgeError, loadArticle } from '../knowledge/load.ts';
import type { Article, Knowledge } from '../knowledge/types.ts';
import type { Lang } from '../shared/types.ts';
import { isInformative, splitArticle, type Piece } from './sentences.ts';
import { synonymClashes, type SynonymClash } from './synonym-clashes.ts';
import { whyMissed } from './why-missed.ts';

/** A name among this many most common words of a language takes questions over ("UN" is French "un"). */
export const COMMON_RANK = 200;

export interface SampleMiss {
  entry: string;
  lang: Lang;
  question: string;
  /** What answered instead: entry ids, "refused", or "the same answer without this entry". */
  got: string;
  /** Why, and what to change (from the engine's explanation of how it read the question). */
  why?: string;
}

export interface CommonName {
  actor: string;
  name: string;
  word: string;
  lang: Lang;
  rank: number;
}

export interface ArticleCheck {
  /** The folder name (the article id, when they agree). */
  folder: string;
  /** Why the article cannot load: then nothing else is filled in. */
  error?: string;
  id?: string;
  facts?: number;
  actors?: number;
  gaps?: number;
  /** The article's informative sentences, and those that no fact quotes. */
  sentences?: number;
  uncovered?: Piece[];
  questions?: number;
  misses?: SampleMiss[];
  /** Made-up questions the article does not answer (src/engine/self-test.ts), and those that were answered. */
  negatives?: { total: number; answered: SampleMiss[] };
  commonNames?: CommonName[];
  /** Synonym words in two groups, or used by the article as a verb (src/authoring/synonym-clashes.ts). */
  synonymClashes?: SynonymClash[];
  /** The lean summary (one sample question per language, no keywords, no synonyms) on all the sample questions. */
  lean?: { total: number; correct: number };
  ms: number;
}

/** What knowledge:check can run on top of the basics, when the engine provides it. */
export interface CheckTools {
  hardNegatives?: (article: Article) => { lang: Lang; question: string }[];
  leanArticle?: (article: Article) => Article;
}

const only = (article: Article): Knowledge => ({ articles: [article], newest: article });

/** Loads one article folder on its own and measures it: coverage, sample questions, names, negatives, lean score. */
export function checkArticle(dir: string, tools: CheckTools = {}): ArticleCheck {
  const started = performance.now();
  const folder = basename(dir);
  let article: Article;
  try {
    article = loadArticle(dir);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    return { folder, error: error.message, ms: performance.now() - started };
  }
  const { sentences, uncovered } = coverage(article);
  const samples = sampleQuestions(article);
  const engine = createEngine(only(article));
  const misses = samples
    .map((sample) => {
      const explain: Explanation = { asks: [] };
      return { sample, explain, answer: engine.answer(sample.question, { lang: sample.lang, explain }) };
    })
    .filter(({ sample, answer }) => !answeredBy(answer, sample))
    .map(({ sample, answer, explain }) => ({
      entry: sample.entry,
      lang: sample.lang,
      question: sample.question,
      got: describe(answer),
      why: whyMissed(`${article.id}/${sample.entry}`, explain),
    }));
  const result: ArticleCheck = {
    folder,
    id: article.id,
    facts: article.facts.length,
    actors: article.actors.length,
    gaps: article.gaps.length,
    sentences,
    uncovered,
    questions: samples.length,
    misses,
    commonNames: commonNames(article),
    synonymClashes: synonymClashes(article),
    ms: 0,
  };
  if (tools.hardNegatives) {
    const negatives = tools.hardNegatives(article);
    const answered = negatives
      .map((negative) => ({ negative, answer: engine.answer(negative.question, { lang: negative.lang }) }))
      .filter(({ answer }) => answer.kind === 'answer')
      .map(({ negative, answer }) => ({ entry: '', lang: negative.lang, question: negative.question, got: describe(answer) }));
    result.negatives = { total: negatives.length, answered };
  }
  if (tools.leanArticle) {
    const lean = createEngine(only(tools.leanArticle(article)));
    result.lean = { total: samples.length, correct: samples.filter((sample) => answeredBy(lean.answer(sample.question, { lang: sample.lang }), sample)).length };
  }
  result.ms = performance.now() - started;
  return result;
}

interface Sample {
  entry: string;
  kind: 'fact' | 'gap';
  lang: Lang;
  question: string;
}

function sampleQuestions(article: Article): Sample[] {
  const samples: Sample[] = [];
  for (const lang of ['en', 'fr'] as const) {
    for (const fact of article.facts) for (const question of fact.questions[lang]) samples.push({ entry: fact.id, kind: 'fact', lang, question });
    for (const gap of article.gaps) for (const question of gap.questions[lang]) samples.push({ entry: gap.id, kind: 'gap', lang, question });
  }
  return samples;
}

/** A sample question must be answered with its own entry (a fact, or the gap's "does not say") among those given. */
function answeredBy(answer: Answer, sample: Sample): boolean {
  return answerEntries(answer).some((entry) => entry.kind === sample.kind && (entry.kind === 'fact' ? entry.fact.id : entry.kind === 'gap' ? entry.gap.id : '') === sample.entry);
}

/** What the engine gave instead, in a few words: the entries it answered from, or the kind of reply. */
function describe(answer: Answer): string {
  switch (answer.kind) {
    case 'answer': {
      const ids = answerEntries(answer).map((entry) => (entry.kind === 'fact' ? entry.fact.id : entry.kind === 'gap' ? `${entry.gap.id} (not said)` : entry.actor.id));
      return ids.length ? `answered from ${[...new Set(ids)].join(', ')}` : 'answered with a view of the whole article';
    }
    case 'refusal':
      return 'refused';
    case 'choose-article':
      return 'asked which article';
    case 'small-talk':
      return `taken for small talk (${answer.act})`;
  }
}

/** Informative sentences, and those no fact quotes (a quote covers every sentence it overlaps). */
function coverage(article: Article): { sentences: number; uncovered: Piece[] } {
  const sentences = splitArticle(article.source).filter(isInformative);
  const ranges: [number, number][] = [];
  for (const fact of article.facts) {
    for (let at = article.source.indexOf(fact.quote); at >= 0; at = article.source.indexOf(fact.quote, at + 1)) ranges.push([at, at + fact.quote.length]);
  }
  const uncovered = sentences.filter((sentence) => !ranges.some(([start, end]) => start < sentence.end && end > sentence.start));
  return { sentences: sentences.length, uncovered };
}

const ranks = new Map<Lang, Map<string, number>>();
function rankIn(lang: Lang, word: string): number | undefined {
  let table = ranks.get(lang);
  if (!table) {
    table = new Map([...commonWords(lang)].map((common, i) => [common, i + 1]));
    ranks.set(lang, table);
  }
  return table.get(word);
}

/** Single-word names that are among the most common words of English or French ("UN" / "un", "l'Est" / "est"). */
function commonNames(article: Article): CommonName[] {
  const found: CommonName[] = [];
  for (const actor of article.actors) {
    for (const name of actor.names) {
      const word = fold(name).replace(/^(?:[ldjmnstc]|qu)'/, '');
      if (/[\s-]/.test(word)) continue;
      for (const lang of ['en', 'fr'] as const) {
        const rank = rankIn(lang, word);
        if (rank !== undefined && rank <= COMMON_RANK) found.push({ actor: actor.id, name, word, lang, rank });
      }
    }
  }
  return found;
}

const pct = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '—');

/** `<id>: N facts, coverage X% of sentences, …`: the one line per article. */
export function summaryLine(check: ArticleCheck): string {
  if (check.error) return `${check.folder}: ERROR ${check.error}`;
  const parts = [
    `${check.facts} facts, ${check.actors} actors, ${check.gaps} gaps`,
    `coverage ${pct(check.sentences! - check.uncovered!.length, check.sentences!)} of sentences`,
    `${check.questions! - check.misses!.length}/${check.questions} sample questions answered by their own entry`,
  ];
  if (check.negatives) parts.push(`${check.negatives.total - check.negatives.answered.length}/${check.negatives.total} hard negatives refused`);
  const names = check.commonNames!.length;
  parts.push(`${names} common-word name${names === 1 ? '' : 's'}`);
  if (check.lean) parts.push(`lean summary ${pct(check.lean.correct, check.lean.total)}`);
  parts.push(`${(check.ms / 1000).toFixed(1)} s`);
  return `${check.id}: ${parts.join(', ')}`;
}

/** The details under the summary lines: what to look at, article by article. */
export function detailLines(check: ArticleCheck): string[] {
  if (check.error) return [];
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push(`  ${title} (${items.length}):`, ...items.map((item) => `    - ${item}`));
  };
  section('sentences no fact quotes', check.uncovered!.map((piece) => `"${piece.text}"`));
  section('sample questions not answered by their own entry', check.misses!.map((m) => `${m.entry} [${m.lang}] "${m.question}": ${m.got}${m.why ? `\n        why: ${m.why}` : ''}`));
  if (check.negatives) section('hard negatives not refused', check.negatives.answered.map((m) => `[${m.lang}] "${m.question}": ${m.got}`));
  section(
    `names that are common words (among the ${COMMON_RANK} most common): they can take over questions that use the word`,
    check.commonNames!.map((c) => `actor ${c.actor}, name "${c.name}": the ${c.lang === 'fr' ? 'French' : 'English'} word "${c.word}" (#${c.rank})`),
  );
  section('synonyms that will mislead', (check.synonymClashes ?? []).map((c) => `"${c.word}": ${c.problem}`));
  if (check.lean) lines.push(`  lean summary (one sample question per language, no keywords, no synonyms): ${check.lean.correct}/${check.lean.total} sample questions answered by their own entry`);
  return lines.length ? [`${check.id}:`, ...lines] : [];
}
