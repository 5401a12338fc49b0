// npm run bench: Depeche against plain retrieval baselines on the public evaluation set.
//
// One run prints, for each system: accuracy judged by test/eval/judge.ts (overall and per expected
// kind), p50/p99 latency per answer and answers per second (after a warm-up pass, over PASSES timed
// passes), process RSS after that system's runs, and how long it took to be ready.
//
// `npm run bench` compiles the project first (npm run build) and runs the compiled JavaScript, as
// production does; each system runs in its own Node process (this file with --system NAME), so that
// its memory and its start-up are its own. "ready" is the time from that process's start
// (performance.timeOrigin) to its first answer: Node, the modules, loading and checking the knowledge
// and building the engine for Depeche; splitting the article and building the index (or training) for
// the baselines.
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
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { score, fold, type EvalAnswer, type EvalItem, type Score } from '../test/eval/judge.ts';
import { findArticleText, loadPublicSet } from '../test/eval/public-set.ts';
import { percentile } from './percentile.ts';

const PASSES = 20;
const FUSE_MAX_SCORE = 0.6;
const MINISEARCH_MIN_SCORE = 3;
const NLPJS_MIN_SCORE = 0.5;
const ARTICLE_LANG = 'fr';
const SYSTEMS = ['Depeche', 'fuse.js', 'MiniSearch BM25', 'NLP.js (node-nlp)'] as const;
type SystemName = (typeof SYSTEMS)[number];

type AnswerFn = (item: EvalItem, key: string) => EvalAnswer | Promise<EvalAnswer>;

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
const article = findArticleText();
const systemArg = process.argv.indexOf('--system');

if (systemArg >= 0) {
  // One system in this process: its RSS and its start-up are its own.
  const name = process.argv[systemArg + 1] as SystemName;
  let row: Row;
  try {
    const answerFn = await prepare(name);
    await answerFn(items[0]!, 'bench-first');
    const readyMs = performance.now();
    row = { ...(await measure(name, answerFn)), readyMs };
  } catch (e) {
    row = { name, error: e instanceof Error ? e.message : String(e) };
  }
  process.stdout.write(JSON.stringify(row));
} else {
  const self = fileURLToPath(import.meta.url);
  const rows = SYSTEMS.map((name): Row => {
    const child = spawnSync(process.execPath, [...process.execArgv, self, '--system', name], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    try {
      return JSON.parse(child.stdout) as Row;
    } catch {
      return { name, error: `exit ${child.status}: ${child.stderr.trim().split('\n').pop() ?? ''}` };
    }
  });
  print(rows);
}

/** Builds a system (imports included, so that "ready" counts them) and returns its answer function. */
async function prepare(name: SystemName): Promise<AnswerFn> {
  if (name === 'Depeche') {
    const { createEngine } = await import('../src/engine/engine.ts');
    const { loadKnowledge } = await import('../src/knowledge/load.ts');
    const { answerOnce } = await import('../src/core/answer-session.ts');
    const engine = createEngine(loadKnowledge('knowledge'));
    return (item) => answerOnce(engine, item.question);
  }
  if (!article) throw new Error('no knowledge/<article>/article.txt found');
  const sentences = splitSentences(article.text);
  if (name === 'fuse.js') {
    const { default: Fuse } = await import('fuse.js');
    const fuse = new Fuse(
      sentences.map((text) => ({ text })),
      { keys: ['text'], includeScore: true, ignoreDiacritics: true, ignoreLocation: true, useTokenSearch: true, threshold: FUSE_MAX_SCORE },
    );
    return (item) => {
      const best = fuse.search(item.question, { limit: 1 })[0];
      return best && (best.score ?? 1) <= FUSE_MAX_SCORE ? sentenceAnswer(item, best.item.text) : refusal(item);
    };
  }
  if (name === 'MiniSearch BM25') {
    const { default: MiniSearch } = await import('minisearch');
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
    return (item) => {
      const best = mini.search(item.question)[0];
      return best && best.score >= MINISEARCH_MIN_SCORE ? sentenceAnswer(item, String(best.text)) : refusal(item);
    };
  }
  const { NlpManager } = (await import('node-nlp')).default;
  const manager = new NlpManager({ languages: [ARTICLE_LANG], autoSave: false, autoLoad: false, nlu: { log: false } });
  sentences.forEach((text, index) => manager.addDocument(ARTICLE_LANG, text, `sentence-${index}`));
  await manager.train();
  return async (item) => {
    const best = await manager.process(ARTICLE_LANG, item.question);
    const index = /^sentence-(\d+)$/.exec(best.intent)?.[1];
    return index !== undefined && best.score >= NLPJS_MIN_SCORE ? sentenceAnswer(item, sentences[Number(index)]!) : refusal(item);
  };
}

// ---------------------------------------------------------------------------------------------

/** Scores one (untimed) warm-up pass, then times PASSES passes, one answer at a time (each awaited). */
async function measure(name: string, answerFn: AnswerFn): Promise<Row> {
  const warmup = new Map<string, EvalAnswer>();
  for (const item of items) warmup.set(item.id, await answerFn(item, `bench-warmup-${item.id}`));
  const result = score(items, (item) => warmup.get(item.id)!);
  const durations: number[] = [];
  const start = performance.now();
  for (let pass = 0; pass < PASSES; pass++) {
    for (const item of items) {
      const t0 = performance.now();
      await answerFn(item, `bench-${pass}-${item.id}`);
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
  console.log('Each system runs in its own Node process (compiled JavaScript, as in production): "ready" is the');
  console.log('time from process start to its first answer (modules, knowledge or index, training); RSS is that');
  console.log('process after its runs.');
  for (const r of table) {
    if (r.score && r.score.answeredRefusals > 0) console.log(`${r.name}: answered ${r.score.answeredRefusals} out-of-scope question(s).`);
  }
}
