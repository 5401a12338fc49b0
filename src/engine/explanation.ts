/**
 * How the engine read and decided a line, as data: what `npm run explain`, the trace and `knowledge:check` render.
 * Filled only when a caller asks for it (AskOptions.explain); answering builds none of it.
 */
import type { Scored } from './score.ts';

export interface RankedEntry {
  /** `<article>/<entry id>`. */
  entry: string;
  kind: 'fact' | 'gap' | 'actor';
  coverage: number;
  score: number;
  why: Scored['why'];
}

export interface AskExplanation {
  text: string;
  lang: string;
  type: string | undefined;
  /** "follow-up", "pronoun", "broad", "whole article: timeline", "role: when"… */
  flags: string[];
  /** Each term and what it means (concept labels); none for a word no article uses. */
  terms: { text: string; meanings: string[] }[];
  /** How the conversation's topic was used, if it was looked at. */
  context?: string;
  /** Entries a rule ruled out before any word was weighed, and the rule. */
  ruledOut: { entry: string; rule: string }[];
  /** The best entries, before routing to one article, with their reasons. */
  ranked: RankedEntry[];
  /** What came of it: "answered from …", "refused: …", "asked which article: …". */
  decision: string;
}

export interface Explanation {
  /** Read off the whole line: small talk, an instruction. */
  line?: string;
  asks: AskExplanation[];
}

export const rankedEntry = (scored: Scored): RankedEntry => ({
  entry: scored.doc.label,
  kind: scored.doc.entry.kind,
  coverage: scored.coverage,
  score: scored.score,
  why: scored.why,
});

const reasonText = (reason: Scored['why'][number]): string =>
  `${reason.term ? `${reason.term}: ` : ''}${reason.rule} ${reason.value >= 0 ? '+' : ''}${reason.value.toFixed(2)}`;

/** The explanation as lines for people. */
export function explanationLines(explanation: Explanation, maxRanked = 6): string[] {
  const lines: string[] = [];
  if (explanation.line) lines.push(explanation.line);
  for (const ask of explanation.asks) {
    lines.push(`ask "${ask.text}"`);
    lines.push(`  lang: ${ask.lang}  type: ${ask.type ?? '-'}${ask.flags.length ? `  ${ask.flags.join('  ')}` : ''}`);
    lines.push(`  terms: ${ask.terms.map((t) => `${t.text}[${t.meanings.join('|') || 'unknown'}]`).join('  ') || '-'}`);
    if (ask.context) lines.push(`  context: ${ask.context}`);
    for (const { entry, rule } of ask.ruledOut.slice(0, 8)) lines.push(`  ruled out ${entry}: ${rule}`);
    if (ask.ruledOut.length > 8) lines.push(`  … and ${ask.ruledOut.length - 8} more ruled out`);
    for (const r of ask.ranked.slice(0, maxRanked)) lines.push(`  ${r.score.toFixed(3)} cov ${r.coverage.toFixed(2)}  ${r.kind} ${r.entry}  ${r.why.map(reasonText).join(', ')}`);
    lines.push(`  => ${ask.decision}`);
  }
  return lines;
}
