// npm run bench:instances: 1,000 slash commands spread over two `npm start` instances on one PostgreSQL, behind a
// round-robin load balancer, as a busy Slack workspace would run Depeche (Slack HTTP mode).
//
// A throwaway PostgreSQL cluster (test/postgres/cluster.ts, fsync on), a loopback Slack (test/fakes/slack), two
// `tsx src/main.ts` processes with the same DATABASE_URL, and a small HTTP balancer in this process that hands each
// request to the next instance in turn. Then a warm-up, and TOTAL commands with CONCURRENCY in flight, each from
// another user (test/load/burst.ts: /depeche ask … and /depeche numbers, English and French).
// The same burst goes to one instance, then to both, in the same run (the machine's load changes from minute to minute).
// Prints the acks (signed POST sent → HTTP 200 read through the balancer), the answers (response_url posts), how
// many each instance took, and any answer posted twice. Exit code 1 when one was lost, late, or posted twice.
//
// Options: --total N (1000), --concurrency N (200).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startFakeSlack, type FakeSlack } from '../test/fakes/slack/index.ts';
import { ACK_DEADLINE_MS, slackBurst } from '../test/load/burst.ts';
import { createDatabase, startCluster } from '../test/postgres/cluster.ts';

const { values } = parseArgs({ options: { total: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '200' } } });
const TOTAL = Number(values.total);
const CONCURRENCY = Number(values.concurrency);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

setTimeout(() => {
  console.error('bench:instances: gave up after 10 minutes');
  process.exit(2);
}, 10 * 60_000).unref();

const cluster = await startCluster({ durable: true });
const instances: ChildProcess[] = [];
let fake: FakeSlack | undefined;
let failed = true;
try {
  const databaseUrl = await createDatabase(cluster.adminUrl);
  fake = await startFakeSlack();
  const ports = await Promise.all(['a', 'b'].map((name) => startInstance(name, fake!, databaseUrl)));
  const postsPerId = new Map<string, number>();
  fake.responses.subscribe((post) => postsPerId.set(post.id, (postsPerId.get(post.id) ?? 0) + 1));
  // Both instances warmed up (through the balancer), then the same burst to one instance and to both, in the same run:
  // on a shared 2-core machine, only figures taken side by side compare.
  await burst('warm-up', ports, 40, 10);
  const rows = [await burst('one instance', ports.slice(0, 1), TOTAL, CONCURRENCY), await burst('two instances', ports, TOTAL, CONCURRENCY)];

  const ms = (n: number) => Math.round(n).toString();
  console.log(`npm start instances on one PostgreSQL 15 behind a round-robin balancer; ${TOTAL} slash commands, ${CONCURRENCY} in flight, after a warm-up.`);
  console.log('Ack = signed POST sent → HTTP 200 read, through the balancer. Answer = sent → response_url post received. All times in ms.');
  console.log('');
  const header = ['behind the balancer', 'sent', 'acked', 'answered', 'lost', 'twice', 'taken', 'ack p50', 'ack p99', 'ack max', `over ${ACK_DEADLINE_MS / 1000} s`, 'answer p50', 'answer p99'];
  const body = rows.map(({ label, result, taken, twice }) => [
    label,
    String(result.sent),
    String(result.acked),
    String(result.answers),
    String(result.sent - result.answers),
    String(twice),
    taken.join('+'),
    ms(result.p50),
    ms(result.p99),
    ms(result.max),
    String(result.late),
    ms(result.answerP50),
    ms(result.answerP99),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((cells) => cells[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const cells of body) console.log(line(cells));
  for (const { label, result } of rows) for (const sample of result.errorSamples) console.log(`${label} error: ${sample}`);
  failed = rows.some(({ result, twice }) => result.answers < result.sent || result.late > 0 || twice > 0 || result.acked < result.sent);

  async function burst(label: string, targets: number[], total: number, concurrency: number) {
    const taken = targets.map(() => 0);
    const lb = await roundRobin(targets, taken);
    const runId = label.replace(/\W+/g, '');
    try {
      process.stderr.write(`${label}… `);
      const result = await slackBurst(fake!, `http://127.0.0.1:${(lb.address() as { port: number }).port}/slack/events`, { total, concurrency, runId });
      process.stderr.write(`done in ${(result.wallMs / 1000).toFixed(1)} s\n`);
      const twice = [...postsPerId].filter(([id, count]) => id.startsWith(`${runId}-`) && count > 1).length;
      return { label, result, taken, twice };
    } finally {
      lb.closeAllConnections();
      lb.close();
    }
  }
} finally {
  for (const child of instances) child.kill('SIGTERM');
  await Promise.all(instances.map((child) => new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)))));
  await fake?.close();
  await cluster.stop();
}
process.exit(failed ? 1 : 0);

/** `npm start` (tsx src/main.ts) on Slack in HTTP mode with DATABASE_URL; resolves with its port once it listens. */
function startInstance(name: string, slack: FakeSlack, databaseUrl: string): Promise<number> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/main.ts')], {
    cwd: mkdtempSync(join(tmpdir(), 'depeche-instance-')),
    env: {
      PATH: process.env.PATH,
      KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
      DATABASE_URL: databaseUrl,
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  instances.push(child);
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      buffered += String(chunk);
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.includes('slack: listening')) resolve((JSON.parse(line) as { port: number }).port);
        else if (/"level":(50|60)/.test(line) || !line.startsWith('{')) process.stderr.write(`\n${name}: ${line}\n`);
      }
    });
    child.once('exit', (code) => reject(new Error(`instance ${name} exited (code ${code}) before listening`)));
  });
}

/** A load balancer in a dozen lines: each request goes to the next port in turn, headers and body untouched. */
function roundRobin(ports: number[], taken: number[]): Promise<Server> {
  let next = 0;
  const server = createServer((req, res) => {
    const index = next++ % ports.length;
    taken[index]!++;
    const upstream = request({ host: '127.0.0.1', port: ports[index], method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
