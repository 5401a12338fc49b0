// npm run bench:load: bursts of slash commands against Depeche and against the bare libraries, on loopback fakes.
//
// Per platform, one after the other (never in parallel: on a 2-core machine the load generator, the fake and the
// target already share the cores), and each target in a fresh child process and against a fresh fake:
//  - depeche: the real adapter (src/discord/start.ts, src/slack/start.ts in HTTP mode) with the real knowledge,
//    engine and default config (each request comes from a different user, so the per-user rate limit holds);
//  - bare: a discord.js Client that replies a constant on interactionCreate, a Bolt App whose
//    `app.command('/depeche')` acks with a constant: the floor that the libraries themselves set on this machine.
// Each target first gets an uncounted warm-up, then TOTAL requests, CONCURRENCY in flight at a time, /ask and
// /numbers mixed (see test/load/burst.ts for what "ack", "answer" and "error" mean on each platform).
// This is repeated ROUNDS times, depeche and bare taking turns to go first; the table sums the counts over the
// rounds and gives the median of the rounds' latency figures, since one round on a shared 2-core machine is
// noisy (other processes steal a core now and then): the ratio is of the median p99s, each round's also shown.
//
// Options: --total N (1000), --concurrency N (200), --rounds N (3), --platform discord|slack (both),
// --cpu-prof DIR (a V8 CPU profile of each target process, written to DIR/<platform>-<target>-<round>.cpuprofile).
// Exit code 1 when a request was lost or acked after 3 s; the p99 ratio is printed, not enforced (it is noisy).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startFakeDiscord } from '../test/fakes/discord/index.ts';
import { startFakeSlack } from '../test/fakes/slack/index.ts';
import { ACK_DEADLINE_MS, discordBurst, slackBurst, type BurstOptions, type BurstResult } from '../test/load/burst.ts';
import type { Platform, TargetKind, TargetSpec } from '../test/load/targets.ts';
import type { FromTarget, ToTarget } from './load-target.ts';

const { values } = parseArgs({
  options: {
    total: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    platform: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const TOTAL = Number(values.total);
const CONCURRENCY = Number(values.concurrency);
const ROUNDS = Number(values.rounds);
const PLATFORMS: Platform[] = values.platform ? [values.platform as Platform] : ['discord', 'slack'];
const WARMUP = { total: 40, concurrency: 10 };
const START_TIMEOUT_MS = 30_000;
/** The whole bench, whatever happens: it always ends. */
const BENCH_TIMEOUT_MS = 10 * 60_000;

interface Row extends BurstResult {
  platform: Platform;
  target: TargetKind;
  round: number;
  peakRssMb: number;
  targetErrors: number;
  /** CPU time (user + system) per request of the load burst: the target's process, and this one (generator and fake). */
  targetCpuMs: number;
  generatorCpuMs: number;
}

setTimeout(() => {
  console.error(`bench:load: gave up after ${BENCH_TIMEOUT_MS / 60_000} minutes`);
  process.exit(2);
}, BENCH_TIMEOUT_MS).unref();

const rows: Row[] = [];
for (const platform of PLATFORMS) {
  for (let round = 1; round <= ROUNDS; round++) {
    const order: TargetKind[] = round % 2 === 1 ? ['depeche', 'bare'] : ['bare', 'depeche'];
    for (const target of order) rows.push(await runOne(platform, target, round));
  }
}
print(rows);
process.exit(rows.some((row) => row.answers < row.sent || row.late > 0) ? 1 : 0);

// ---------------------------------------------------------------------------------------------

async function runOne(platform: Platform, target: TargetKind, round: number): Promise<Row> {
  process.stderr.write(`${platform} ${target} round ${round}: starting… `);
  const burst = (options: Pick<BurstOptions, 'total' | 'concurrency' | 'runId'>) => ({ ...options, answerInAck: target === 'bare' });
  let result: BurstResult;
  let stopped: Extract<FromTarget, { type: 'stopped' }>;
  let generatorCpu: NodeJS.CpuUsage = { user: NaN, system: NaN };
  if (platform === 'discord') {
    const fake = await startFakeDiscord({ heartbeatIntervalMs: 5000 });
    const child = await startChild({ platform, kind: target, token: fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl }, round);
    try {
      await discordBurst(fake, burst({ ...WARMUP, runId: 'warmup' }));
      process.stderr.write('burst… ');
      await nextMessage(child.process, START_TIMEOUT_MS, { type: 'mark' });
      const cpu = process.cpuUsage();
      result = await discordBurst(fake, burst({ total: TOTAL, concurrency: CONCURRENCY, runId: 'load' }));
      generatorCpu = process.cpuUsage(cpu);
    } finally {
      stopped = await stopChild(child.process);
      await fake.close();
    }
  } else {
    const fake = await startFakeSlack();
    const child = await startChild({ platform, kind: target, apiUrl: fake.apiUrl, botToken: fake.botToken, signingSecret: fake.signingSecret }, round);
    try {
      await slackBurst(fake, child.appUrl!, burst({ ...WARMUP, runId: 'warmup' }));
      process.stderr.write('burst… ');
      await nextMessage(child.process, START_TIMEOUT_MS, { type: 'mark' });
      const cpu = process.cpuUsage();
      result = await slackBurst(fake, child.appUrl!, burst({ total: TOTAL, concurrency: CONCURRENCY, runId: 'load' }));
      generatorCpu = process.cpuUsage(cpu);
    } finally {
      stopped = await stopChild(child.process);
      await fake.close();
    }
  }
  process.stderr.write(`done in ${(result.wallMs / 1000).toFixed(1)} s\n`);
  const perRequest = (ms: number) => ms / result.sent;
  return {
    ...result,
    errorSamples: [...result.errorSamples, ...stopped.errorSamples],
    platform,
    target,
    round,
    peakRssMb: stopped.peakRssMb,
    targetErrors: stopped.errors,
    // The target's count runs until it is told to stop, so it includes the last answers; both are per burst request.
    targetCpuMs: perRequest(stopped.cpuMs),
    generatorCpuMs: perRequest((generatorCpu.user + generatorCpu.system) / 1000),
  };
}

async function startChild(spec: TargetSpec, round: number): Promise<{ process: ChildProcess; appUrl?: string }> {
  const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`, `--cpu-prof-name=${spec.platform}-${spec.kind}-${round}.cpuprofile`] : [];
  const execArgv = ['--import', 'tsx', ...profile];
  const child = fork(fileURLToPath(new URL('./load-target.ts', import.meta.url)), [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await nextMessage(child, START_TIMEOUT_MS, { type: 'start', spec });
  if (ready.type !== 'ready') {
    child.kill();
    throw new Error(`${spec.platform} ${spec.kind}: the target did not start: ${ready.type === 'failed' ? ready.message : ready.type}`);
  }
  return { process: child, appUrl: ready.appUrl };
}

async function stopChild(child: ChildProcess): Promise<Extract<FromTarget, { type: 'stopped' }>> {
  try {
    const message = await nextMessage(child, 15_000, { type: 'stop' });
    if (message.type === 'stopped') return message;
  } catch (error) {
    process.stderr.write(`\n  ${(error as Error).message}\n`);
  }
  child.kill('SIGKILL');
  return { type: 'stopped', peakRssMb: NaN, cpuMs: NaN, errors: 0, errorSamples: [] };
}

/** Sends `message` and resolves with the child's next message; rejects if it exits or stays silent for `timeoutMs`. */
function nextMessage(child: ChildProcess, timeoutMs: number, message: ToTarget): Promise<FromTarget> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new Error(`the target said nothing within ${timeoutMs} ms`))), timeoutMs);
    const onMessage = (reply: FromTarget) => finish(() => resolve(reply));
    const onExit = (code: number | null) => finish(() => reject(new Error(`the target exited (code ${code})`)));
    const finish = (then: () => void) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      then();
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send(message);
  });
}

interface Summary {
  platform: Platform;
  target: TargetKind;
  rounds: Row[];
  sent: number;
  acked: number;
  late: number;
  answers: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  answerP50: number;
  answerP99: number;
  peakRssMb: number;
  targetCpuMs: number;
  generatorCpuMs: number;
}

function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function summarize(table: Row[]): Summary[] {
  const summaries: Summary[] = [];
  for (const platform of PLATFORMS) {
    for (const target of ['depeche', 'bare'] as const) {
      const rounds = table.filter((row) => row.platform === platform && row.target === target);
      if (rounds.length === 0) continue;
      const sum = (pick: (row: Row) => number) => rounds.reduce((total, row) => total + pick(row), 0);
      summaries.push({
        platform,
        target,
        rounds,
        sent: sum((row) => row.sent),
        acked: sum((row) => row.acked),
        late: sum((row) => row.late),
        answers: sum((row) => row.answers),
        errors: sum((row) => row.errors + row.targetErrors),
        p50: median(rounds.map((row) => row.p50)),
        p99: median(rounds.map((row) => row.p99)),
        max: median(rounds.map((row) => row.max)),
        answerP50: median(rounds.map((row) => row.answerP50)),
        answerP99: median(rounds.map((row) => row.answerP99)),
        peakRssMb: Math.max(...rounds.map((row) => row.peakRssMb)),
        targetCpuMs: median(rounds.map((row) => row.targetCpuMs)),
        generatorCpuMs: median(rounds.map((row) => row.generatorCpuMs)),
      });
    }
  }
  return summaries;
}

function print(table: Row[]): void {
  const summaries = summarize(table);
  const ms = (n: number) => (Number.isNaN(n) ? '-' : Math.round(n).toString());
  const bareOf = (row: Summary) => summaries.find((other) => other.platform === row.platform && other.target === 'bare');
  const ratio = (row: Summary) => {
    const bare = bareOf(row);
    return row.target === 'depeche' && bare ? `${(row.p99 / bare.p99).toFixed(2)}x` : '';
  };
  const header = ['platform', 'target', 'sent', 'acked', 'answers', 'errors', 'p50 ms', 'p99 ms', 'max ms', 'p99 vs bare', 'answer p50', 'answer p99', 'CPU ms/req', 'load CPU ms/req', 'peak RSS MB'];
  const body = summaries.map((row) => [
    row.platform,
    row.target,
    String(row.sent),
    String(row.acked),
    String(row.answers),
    String(row.errors),
    ms(row.p50),
    ms(row.p99),
    ms(row.max),
    ratio(row),
    ms(row.answerP50),
    ms(row.answerP99),
    row.targetCpuMs.toFixed(2),
    row.generatorCpuMs.toFixed(2),
    Number.isNaN(row.peakRssMb) ? '-' : row.peakRssMb.toFixed(1),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((cells) => cells[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(
    `Load: ${ROUNDS} round(s) of ${TOTAL} slash commands per target, ${CONCURRENCY} in flight, each after a warm-up of ${WARMUP.total}; ` +
      'each target in its own process. Counts are summed over the rounds; latencies are the median of the rounds\' figures.',
  );
  console.log('Ack = Discord: dispatch → first callback (reply or defer); Slack: signed POST sent → HTTP 200 read.');
  console.log('Answer = request sent → answer delivered (Discord: the reply, or the edit after a defer; Slack: the response_url post,');
  console.log('or the ack itself for a bare app, whose constant reply is its answer). All times in ms; p50/p99/max are of the acks.');
  console.log("CPU ms/req = the target process's CPU time (user + system) over the burst, per request; load CPU ms/req = the same for");
  console.log('the process that runs the load generator and the fake (if it nears the wall time per request, it is the bottleneck).');
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const cells of body) console.log(line(cells));
  console.log('');
  for (const row of summaries.filter((r) => r.target === 'depeche')) {
    const lost = row.sent - row.answers;
    const bare = bareOf(row);
    const perRound = row.rounds
      .map((mine) => {
        const theirs = bare?.rounds.find((other) => other.round === mine.round);
        return theirs ? `${(mine.p99 / theirs.p99).toFixed(2)}x` : '-';
      })
      .join(', ');
    const verdicts = [
      row.late === 0 && row.acked === row.sent ? `every ack within ${ACK_DEADLINE_MS / 1000} s` : `${row.sent - row.acked} not acked, ${row.late} acked after ${ACK_DEADLINE_MS / 1000} s`,
      lost === 0 ? 'none lost' : `${lost} lost`,
      bare ? `p99 ${ratio(row)} of bare (aim ≤ 1.20x: ${row.p99 <= 1.2 * bare.p99 ? 'met' : 'not met'}; per round ${perRound})` : 'no bare run to compare',
    ];
    console.log(`${row.platform}: ${verdicts.join('; ')}.`);
  }
  for (const row of table) {
    for (const sample of row.errorSamples) console.log(`${row.platform} ${row.target} round ${row.round} error: ${sample}`);
  }
}
