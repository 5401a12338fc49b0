import type { AskExplanation, Explanation } from '../engine/explanation.ts';

/** What an editor should look at for each rule that rules an entry out (score.ts). */
const ADVICE: Record<string, string> = {
  'does not state the attribute asked':
    "the question asks an attribute (a height, a cost, a distance…) the entry does not state: give the fact a figure with its unit (m for a height, km for a distance, euros for a cost), or the attribute's word in its text",
  'only names match':
    'the question shares only names with it: put one of its other words in the text, the keywords or a synonym group',
  'nothing of the ask': 'no word of the question is in it: add the reader\'s words as keywords',
  'gives no duration': 'it gives no duration: if it does, add how_long to its answers',
};

/**
 * Why a sample question missed its own entry, and what to change, from the engine's explanation of how it was read.
 * `entry` is `<article>/<entry id>`.
 */
export function whyMissed(entry: string, explanation: Explanation): string {
  const ask = explanation.asks.find((a) => a.ruledOut.some((r) => r.entry === entry) || a.ranked.some((r) => r.entry === entry)) ?? explanation.asks[0];
  if (!ask) return explanation.line ? `read as ${explanation.line}: a question should not look like small talk or an instruction` : 'not read as a question';
  const ruled = ask.ruledOut.find((r) => r.entry === entry);
  if (ruled) return `ruled out: ${ruled.rule}. ${adviceFor(ruled.rule)}`;
  const own = ask.ranked.find((r) => r.entry === entry);
  const winner = ask.ranked[0];
  if (!own) return `no word of it is in the entry (${termsText(ask)}): add the reader's words to the entry's text, keywords or a synonym group`;
  const missing = missingWords(ask, own);
  const lacking = missing.length ? `; not in it: ${missing.map((w) => `"${w}"`).join(', ')} (add them as keywords or to a synonym group)` : '';
  if (ask.decision.startsWith('refused')) return `refused: it covers ${Math.round(100 * own.coverage)}% of the question${lacking}`;
  if (winner && winner.entry !== entry) {
    const shared = winner.why.filter((r) => r.term && r.value > 0).map((r) => `"${r.term}"`);
    return `${winner.entry} won (${winner.score.toFixed(2)} against ${own.score.toFixed(2)}) by ${shared.join(', ') || 'its sample questions'}${lacking}; make the question more particular to its entry, or look for a synonym group that puts both together`;
  }
  return `${ask.decision}${lacking}`;
}

function adviceFor(rule: string): string {
  if (ADVICE[rule]) return ADVICE[rule]!;
  const role = /does not answer (\w+)/.exec(rule)?.[1];
  if (role) return `the question asks ${role}: if the entry says that, add ${role} to its answers`;
  return '';
}

/** The words of the ask that the entry holds nothing of. */
function missingWords(ask: AskExplanation, own: AskExplanation['ranked'][number]): string[] {
  const hit = new Set(own.why.flatMap((reason) => (reason.term && reason.value > 0 ? [reason.term] : [])));
  return ask.terms.map((term) => term.text).filter((text) => !hit.has(text));
}

const termsText = (ask: AskExplanation): string => ask.terms.map((t) => `"${t.text}"`).join(', ') || 'it has no word the engine weighs';
