// npm run bench:hostile: what hostile input costs the bot (issue 16's table), on the real Slack adapter in HTTP mode
// against a fake Slack, and through the `ask` CLI:
//  - the delay another user's DM answer takes while one user sends eight 40 KB DMs of apostrophes;
//  - the `ask` CLI on 1 MB of apostrophes, and on 1 MB of "tl ", beside a plain question;
//  - the bot's RSS before, at the peak of, and after 200 unsigned 4 MB uploads sent at once.
// Each figure is printed; nothing is asserted (the tests do that, with generous deadlines).
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { directMessage, eventCallback } from '../test/fakes/slack/index.ts';

const TARGET = fileURLToPath(new URL('./hostile-target.ts', import.meta.url));

function post(url: string, body: Buffer | string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

function signed(url: string, secret: string, payload: Record<string, unknown>): Promise<number> {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return post(url, body, { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature });
}

function next<T>(child: ChildProcess, kind: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: { kind: string }) => {
      if (message.kind !== kind) return;
      child.off('message', listener);
      resolve(message as T);
    };
    child.on('message', listener);
  });
}

async function withTarget<T>(run: (child: ChildProcess, url: string, secret: string) => Promise<T>): Promise<T> {
  const child = fork(TARGET, { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  child.setMaxListeners(0);
  const { url, secret } = await next<{ url: string; secret: string }>(child, 'ready');
  try {
    return await run(child, url, secret);
  } finally {
    child.send({ kind: 'stop' });
  }
}

/** How long user B waits for an answer to a plain DM, alone or behind eight 40 KB DMs from user A. */
async function answerDelay(child: ChildProcess, url: string, secret: string, flood: boolean, round: number): Promise<number> {
  const channel = `D0B${round}${flood ? 'F' : 'Q'}`;
  const posted = next(child, 'posted');
  child.send({ kind: 'await-post', channel });
  const big = `a${"'".repeat(39_998)}b`;
  const floods = flood ? Array.from({ length: 8 }, (_, i) => signed(url, secret, eventCallback(directMessage({ text: big, channel: `D0A${round}${i}`, user: 'U0ATTACKER' })))) : [];
  const started = performance.now();
  await signed(url, secret, eventCallback(directMessage({ text: 'How many people left Aleppo?', channel, user: `U0B${round}` })));
  await posted;
  await Promise.all(floods);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const delays = await withTarget(async (child, url, secret) => {
    const quiet: number[] = [];
    const flooded: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      quiet.push(await answerDelay(child, url, secret, false, round));
      flooded.push(await answerDelay(child, url, secret, true, round));
    }
    return { quiet: median(quiet), flooded: median(flooded) };
  });
  console.log(`40 KB DMs: another user's answer in ${delays.quiet.toFixed(0)} ms alone, ${delays.flooded.toFixed(0)} ms behind eight 40 KB DMs (delay ${(delays.flooded - delays.quiet).toFixed(0)} ms; median of 5)`);

  const cli = (input: string) => {
    const started = performance.now();
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts'], { input, stdio: ['pipe', 'ignore', 'ignore'] });
    return performance.now() - started;
  };
  const plain = cli('How many people left Aleppo?\n');
  const apostrophes = cli(`a${"'".repeat(1_000_000)}b\n`);
  const tl = cli(`${'tl '.repeat(340_000)}\n`);
  console.log(`ask CLI: plain question ${plain.toFixed(0)} ms; 1 MB of apostrophes ${apostrophes.toFixed(0)} ms (+${(apostrophes - plain).toFixed(0)}); 1 MB of "tl " ${tl.toFixed(0)} ms (+${(tl - plain).toFixed(0)})`);

  const rss = await withTarget(async (child, url) => {
    const read = async () => (child.send({ kind: 'rss' }), (await next<{ rss: number }>(child, 'rss')).rss / 2 ** 20);
    const before = await read();
    const upload = Buffer.alloc(4 * 2 ** 20, 'x');
    let peak = before;
    const sampler = setInterval(() => void read().then((mb) => (peak = Math.max(peak, mb))), 50);
    const statuses = await Promise.all(Array.from({ length: 200 }, () => post(url, upload, { 'content-type': 'application/json', 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=unsigned' })));
    clearInterval(sampler);
    peak = Math.max(peak, await read());
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await read();
    const byStatus = new Map<number, number>();
    for (const status of statuses) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    return { before, peak, after, byStatus };
  });
  const answers = [...rss.byStatus].map(([status, count]) => `${count}× ${status === 0 ? 'connection closed' : status}`).join(', ');
  console.log(`200 unsigned 4 MB uploads: RSS ${rss.before.toFixed(0)} MB before, ${rss.peak.toFixed(0)} MB at the peak (+${(rss.peak - rss.before).toFixed(0)}), ${rss.after.toFixed(0)} MB after (${answers})`);
}

await main();
