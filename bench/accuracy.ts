// npm run bench: Depeche against two plain retrieval baselines on the public evaluation set.
//
// One run prints, for each system: accuracy judged by test/eval/judge.ts (overall and per expected
// kind), p50/p99 latency per answer and answers per second (after a warm-up pass, over PASSES timed
// passes), process RSS after that system's runs, and how long it took to be ready.
//
// "ready" for Depeche is the time from process start (performance.timeOrigin) to the moment its
// first answer returns: it includes starting Node and tsx, loading every module, loading and
// checking the knowledge, and building the engine. For the baselines it is the time to split the
// article and build their index, plus their first answer (they start after Depeche, in the same
// process). RSS is the whole process after that system's runs, so the baselines' figures include
// what Depeche left in memory.
//
// The baselines answer with the best-matching sentence of the article (a sentence is an honest
// source: it is verbatim). They cannot translate, so English questions needing English words
// mostly fail; they are given the question's language for free, so they are judged on retrieval
// alone. Their thresholds were picked once, from the libraries' own scales, not per question:
//  - Fuse.js 7 in token mode (useTokenSearch: each word of the question is matched fuzzily and the
//    matches are weighted TF-IDF style; matching the whole question as one pattern finds almost
//    nothing): a sentence is given when its score (0 = exact, 1 = nothing in common) is <=
//    FUSE_MAX_SCORE = 0.6, Fuse's own default threshold, its notion of "a match at all"; else refuse.
//  - MiniSearch 7 (BM25, fuzzy 0.2, prefix, terms folded like the judge folds text): a sentence is
//    given when its score is >= MINISEARCH_MIN_SCORE = 3, about what one distinctive word of the
//    article scores on its own ("Kazakhstan": 3.3), else refuse.
//  - NLP.js (node-nlp 4.27, NlpManager, its neural intent classifier): one intent per sentence of the
//    article, the sentence itself as the only utterance, trained in the article's language (French) and
//    asked every question in that language (a model per question language would need English training
//    text, which the article does not have). The top intent's sentence is given when its score is >=
//    NLPJS_MIN_SCORE = 0.5, NLP.js's own default threshold (below it NLP.js answers the intent "None"),
//    else refuse.
// None of them can tell "the article does not say" from an answer, so they fail every not_said item.
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { createEngine } from '../src/engine/engine.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { fold, score, type EvalAnswer, type EvalItem, type Score } from '../test/eval/judge.ts';
import { findArticleText, loadPublicSet } from '../test/eval/public-set.ts';

const PASSES = 20;
const FUSE_MAX_SCORE = 0.6;
const MINISEARCH_MIN_SCORE = 3;
const NLPJS_MIN_SCORE = 0.5;
const ARTICLE_LANG = 'fr';

type AnswerFn = (item: EvalItem, key: string) => EvalAnswer;
type AsyncAnswerFn = (item: EvalItem) => Promise<EvalAnswer>;

interface Row {
  name: string;
  score?: Score;
  p50Ms?: number;
  p99Ms?: number;
  perSecond?: number;
  rssMb?: number;
  readyMs?: number;
  error?: string;
}

const items = loadPublicSet();
const first = items[0]!;

// ---- Depeche: first answer as early as possible, so "ready" measures a cold start.
const rows: Row[] = [];
{
  let answerFn: AnswerFn | undefined;
  let readyMs: number | undefined;
  let error: string | undefined;
  try {
    const engine = createEngine(loadKnowledge('knowledge'));
    answerFn = (item, key) => engine.answer(item.question, { conversationKey: key });
    answerFn(first, 'bench-first');
    readyMs = performance.now();
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  rows.push(answerFn ? { ...measure('Depeche', answerFn), readyMs } : { name: 'Depeche', error });
}

// ---- Baselines over the article's sentences.
const article = findArticleText();
if (!article) {
  for (const name of ['fuse.js', 'MiniSearch BM25', 'NLP.js (node-nlp)']) rows.push({ name, error: 'no article.txt found' });
} else {
  const sentences = splitSentences(article.text);
  {
    const t0 = performance.now();
    const fuse = new Fuse(
      sentences.map((text) => ({ text })),
      { keys: ['text'], includeScore: true, ignoreDiacritics: true, ignoreLocation: true, useTokenSearch: true, threshold: FUSE_MAX_SCORE },
    );
    const answerFn: AnswerFn = (item) => {
      const best = fuse.search(item.question, { limit: 1 })[0];
      return best && (best.score ?? 1) <= FUSE_MAX_SCORE ? sentenceAnswer(item, best.item.text) : refusal(item);
    };
    answerFn(first, 'bench-first');
    const readyMs = performance.now() - t0;
    rows.push({ ...measure('fuse.js', answerFn), readyMs });
  }
  {
    const t0 = performance.now();
    const mini = new MiniSearch<{ id: number; text: string }>({
      fields: ['text'],
      storeFields: ['text'],
      processTerm: (term) => {
        const t = fold(term);
        return t.length >= 2 ? t : null;
      },
      searchOptions: { fuzzy: 0.2, prefix: true },
    });
    mini.addAll(sentences.map((text, id) => ({ id, text })));
    const answerFn: AnswerFn = (item) => {
      const best = mini.search(item.question)[0];
      return best && best.score >= MINISEARCH_MIN_SCORE ? sentenceAnswer(item, String(best.text)) : refusal(item);
    };
    answerFn(first, 'bench-first');
    const readyMs = performance.now() - t0;
    rows.push({ ...measure('MiniSearch BM25', answerFn), readyMs });
  }
  {
    const t0 = performance.now();
    try {
      const { NlpManager } = (await import('node-nlp')).default;
      const manager = new NlpManager({ languages: [ARTICLE_LANG], autoSave: false, autoLoad: false, nlu: { log: false } });
      sentences.forEach((text, index) => manager.addDocument(ARTICLE_LANG, text, `sentence-${index}`));
      await manager.train();
      const answerFn: AsyncAnswerFn = async (item) => {
        const best = await manager.process(ARTICLE_LANG, item.question);
        const index = /^sentence-(\d+)$/.exec(best.intent)?.[1];
        return index !== undefined && best.score >= NLPJS_MIN_SCORE ? sentenceAnswer(item, sentences[Number(index)]!) : refusal(item);
      };
      await answerFn(first);
      const readyMs = performance.now() - t0;
      rows.push({ ...(await measureAsync('NLP.js (node-nlp)', answerFn)), readyMs });
    } catch (e) {
      rows.push({ name: 'NLP.js (node-nlp)', error: e instanceof Error ? e.message : String(e) });
    }
  }
}

print(rows);

// ---------------------------------------------------------------------------------------------

/** Scores one (untimed) warm-up pass, then times PASSES passes, one answer at a time. */
function measure(name: string, answerFn: AnswerFn): Row {
  const result = score(items, (item) => answerFn(item, `bench-warmup-${item.id}`));
  const durations: number[] = [];
  const start = performance.now();
  for (let pass = 0; pass < PASSES; pass++) {
    for (const item of items) {
      const t0 = performance.now();
      answerFn(item, `bench-${pass}-${item.id}`);
      durations.push(performance.now() - t0);
    }
  }
  const wallMs = performance.now() - start;
  durations.sort((a, b) => a - b);
  return {
    name,
    score: result,
    p50Ms: percentile(durations, 0.5),
    p99Ms: percentile(durations, 0.99),
    perSecond: durations.length / (wallMs / 1000),
    rssMb: process.memoryUsage().rss / 2 ** 20,
  };
}

/** measure() for a system whose answers are promises: every answer is awaited before the next is asked. */
async function measureAsync(name: string, answerFn: AsyncAnswerFn): Promise<Row> {
  const warmup = new Map<string, EvalAnswer>();
  for (const item of items) warmup.set(item.id, await answerFn(item));
  const result = score(items, (item) => warmup.get(item.id)!);
  const durations: number[] = [];
  const start = performance.now();
  for (let pass = 0; pass < PASSES; pass++) {
    for (const item of items) {
      const t0 = performance.now();
      await answerFn(item);
      durations.push(performance.now() - t0);
    }
  }
  const wallMs = performance.now() - start;
  durations.sort((a, b) => a - b);
  return {
    name,
    score: result,
    p50Ms: percentile(durations, 0.5),
    p99Ms: percentile(durations, 0.99),
    perSecond: durations.length / (wallMs / 1000),
    rssMb: process.memoryUsage().rss / 2 ** 20,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/** Lines, then sentences (a stop followed by a capital or a quote); headings count as sentences. */
function splitSentences(text: string): string[] {
  return text
    .split(/\r?\n/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=["«>\p{Lu}])/u))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function sentenceAnswer(item: EvalItem, sentence: string): EvalAnswer {
  return { answered: true, text: sentence, lang: item.lang, sources: [{ quote: sentence }] };
}

function refusal(item: EvalItem): EvalAnswer {
  return { answered: false, text: '', lang: item.lang, sources: [] };
}

function print(table: Row[]): void {
  const pct = (n: number | undefined) => (n === undefined ? '-' : `${(100 * n).toFixed(1)}%`);
  const ms = (n: number | undefined, digits = 3) => (n === undefined ? '-' : n.toFixed(digits));
  const header = ['system', 'overall', 'answer', 'not_said', 'refuse', 'p50 ms', 'p99 ms', 'answers/s', 'RSS MB', 'ready ms'];
  const body = table.map((r) =>
    r.error
      ? [r.name, `unavailable: ${r.error}`]
      : [
          r.name,
          pct(r.score?.accuracy),
          pct(r.score?.byExpect.answer.accuracy),
          pct(r.score?.byExpect.not_said.accuracy),
          pct(r.score?.byExpect.refuse.accuracy),
          ms(r.p50Ms),
          ms(r.p99Ms),
          r.perSecond === undefined ? '-' : Math.round(r.perSecond).toLocaleString('en-US'),
          ms(r.rssMb, 1),
          ms(r.readyMs, 1),
        ],
  );
  const full = body.filter((cells) => cells.length === header.length);
  const widths = header.map((h, c) => Math.max(h.length, ...full.map((cells) => cells[c]!.length)));
  const line = (cells: string[]) =>
    cells.length === header.length
      ? cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')
      : `${cells[0]!.padEnd(widths[0]!)}  ${cells[1]}`;
  const counts = (kind: 'answer' | 'not_said' | 'refuse') => items.filter((i) => i.expect === kind).length;
  console.log(
    `Public set: ${items.length} questions (answer ${counts('answer')}, not_said ${counts('not_said')}, refuse ${counts('refuse')}; ` +
      `en ${items.filter((i) => i.lang === 'en').length}, fr ${items.filter((i) => i.lang === 'fr').length}). ` +
      `Latency over ${PASSES} timed passes after a warm-up pass.`,
  );
  if (article) console.log(`Baselines index the sentences of ${article.path}.`);
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const cells of body) console.log(line(cells));
  console.log('');
  console.log('ready: Depeche = process start to first answer (Node + tsx + modules + knowledge + engine);');
  console.log('       baselines = sentence split + index build + first answer. RSS = whole process after that row.');
  for (const r of table) {
    if (r.score && r.score.answeredRefusals > 0) console.log(`${r.name}: answered ${r.score.answeredRefusals} out-of-scope question(s).`);
  }
}
