// Text rendering of a Score, shared by the eval test and the bench.
import { EXPECTS, LANGS, type Score, type Tally } from './judge.ts';

export function percent(t: Tally): string {
  return t.total === 0 ? '   -  ' : `${(100 * t.accuracy).toFixed(1).padStart(5)}%`;
}

export function formatScore(title: string, s: Score, options: { failures?: boolean } = {}): string {
  const rows: [string, Tally][] = [
    ['overall', s],
    ...EXPECTS.map((e): [string, Tally] => [`expect ${e}`, s.byExpect[e]]),
    ...LANGS.map((l): [string, Tally] => [`lang ${l}`, s.byLang[l]]),
  ];
  const lines = [title, ...rows.map(([name, t]) => `  ${name.padEnd(16)} ${String(t.passed).padStart(4)} / ${String(t.total).padEnd(4)} ${percent(t)}`)];
  lines.push(`  out-of-scope questions answered: ${s.answeredRefusals}`);
  if (options.failures && s.failures.length > 0) {
    lines.push('', `Failures (${s.failures.length}):`);
    for (const f of s.failures) {
      lines.push(`  [${f.item.id}] (${f.item.expect}) ${f.item.question}`);
      lines.push(`      why: ${f.reason}`);
      lines.push(`      got: answered=${f.answer.answered} lang=${f.answer.lang} sources=${f.answer.sources.length} text=${JSON.stringify(oneLine(f.answer.text, 300))}`);
    }
  }
  return lines.join('\n');
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
