// `npm run eval [-- --failures <set name>]`: every evaluation set in every mode (fresh, one conversation, primed,
// lean, its article alone), beside its first run. The eval test asserts the bars; this prints the table.
import { argsOrExit } from '../src/cli/args.ts';
import { percent } from '../test/eval/report.ts';
import { evalEngines, loadSets, MODES, runSet } from '../test/eval/run-sets.ts';

const args = argsOrExit({
  name: 'eval',
  synopsis: 'npm run eval [-- --failures <set name>]',
  about: 'Every evaluation set in every mode (fresh, one conversation, primed, lean, its article alone), beside its first run.',
  flags: { failures: { description: "then list the failures of the set named by the words that follow (its fresh run)" } },
});
const failuresOf = args.flags.has('failures') ? args.words.join(' ').toLowerCase() : undefined;
const engines = evalEngines();
console.log(`${'set'.padEnd(26)} ${'lines'.padStart(5)}  ${MODES.map((m) => m.padStart(12)).join('')}  ${'first run'.padStart(9)}`);
for (const set of loadSets()) {
  const scores = MODES.map((mode) => runSet(set, mode, engines));
  const oos = scores.reduce((sum, s) => sum + s.answeredRefusals, 0);
  const cells = scores.map((s) => `${percent(s)}`.padStart(12)).join('');
  console.log(`${set.name.padEnd(26)} ${String(scores[0]!.total).padStart(5)}  ${cells}  ${set.firstRun === undefined ? '        -' : `${set.firstRun.toFixed(1)}%`.padStart(9)}${oos ? `  out-of-scope answered: ${oos}` : ''}`);
  // An out-of-scope question answered is the worst failure: always shown, in every mode.
  scores.forEach((s, m) => {
    for (const f of s.failures.filter((failure) => failure.item.expect === 'refuse')) console.log(`  ${MODES[m]}: [${f.item.id}] ${f.item.question} → ${f.answer.text.replace(/\s+/g, ' ').slice(0, 120)}`);
  });
  if (failuresOf && set.name.toLowerCase() === failuresOf) {
    for (const f of scores[0]!.failures) {
      console.log(`  [${f.item.id}] (${f.item.expect}/${f.item.lang}) ${f.item.question}\n      why: ${f.reason}\n      got: ${f.answer.text.replace(/\s+/g, ' ').slice(0, 240)}`);
    }
  }
}
