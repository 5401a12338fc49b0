import { percentile } from '../../bench/percentile.ts';
import type { FakeDiscord, RestRequest } from '../fakes/discord/index.ts';
import { slashCommand, type FakeSlack, type ResponseUrlPost } from '../fakes/slack/index.ts';
import { loadPublicSet } from '../eval/public-set.ts';

/**
 * Bursts of slash commands against a target through the loopback fakes, `concurrency` in flight at a time,
 * each from a different user (rate limits are per user). What is measured:
 * - ack: Discord, dispatch of INTERACTION_CREATE → the fake receives the first callback (reply or defer);
 *   Slack, the signed POST is sent → Bolt's HTTP answer is read (the fake's own timing);
 * - answer delivered: Discord, a reply callback, or the edit / follow-up after a defer; Slack, the post to the
 *   command's response_url (Depeche) or the ack's own body (a bare app answers in its ack);
 * - errors: every non-2xx answer the fake gave or got, and every request not acked within `ackTimeoutMs`.
 */

/** Discord and Slack drop what is not acknowledged within this. */
export const ACK_DEADLINE_MS = 3000;

export interface BurstOptions {
  total: number;
  concurrency: number;
  /** A prefix keeping users, response_url ids and conversations of one burst apart from another's. */
  runId: string;
  /** How long one request may wait for its ack before it counts as lost (bounded whatever the target does). */
  ackTimeoutMs?: number;
  /** How long after the last ack the answers may take to arrive. */
  answerTimeoutMs?: number;
  /** Slack: whether the answer is the ack's body (bare app) rather than a response_url post (Depeche). */
  answerInAck?: boolean;
}

export interface BurstResult {
  sent: number;
  acked: number;
  /** Acks that came later than Discord's and Slack's 3 seconds. */
  late: number;
  answers: number;
  errors: number;
  errorSamples: string[];
  /** Ack latencies of the acked requests, ascending. */
  ackMs: number[];
  p50: number;
  p99: number;
  max: number;
  /** From sending the request to its answer being delivered (what the user waits for), ascending. */
  answerMs: number[];
  answerP50: number;
  answerP99: number;
  wallMs: number;
}

/** Questions from the public set (English and French, answerable and not), every fourth request the figures. */
const QUESTIONS = loadPublicSet().map((item) => item.question);

export function requestAt(index: number): { command: 'ask'; question: string } | { command: 'numbers' } {
  return index % 4 === 3 ? { command: 'numbers' } : { command: 'ask', question: QUESTIONS[index % QUESTIONS.length]! };
}


interface Tally {
  sent: number;
  acked: number;
  late: number;
  answers: number;
  errors: number;
  errorSamples: string[];
  ackMs: number[];
  answerMs: number[];
}

function newTally(): Tally {
  return { sent: 0, acked: 0, late: 0, answers: 0, errors: 0, errorSamples: [], ackMs: [], answerMs: [] };
}

function error(tally: Tally, message: string): void {
  tally.errors++;
  if (tally.errorSamples.length < 5) tally.errorSamples.push(message);
}

function result(tally: Tally, wallMs: number): BurstResult {
  const ackMs = [...tally.ackMs].sort((a, b) => a - b);
  const answerMs = [...tally.answerMs].sort((a, b) => a - b);
  return {
    ...tally,
    ackMs,
    p50: percentile(ackMs, 0.5),
    p99: percentile(ackMs, 0.99),
    max: ackMs.at(-1) ?? NaN,
    answerMs,
    answerP50: percentile(answerMs, 0.5),
    answerP99: percentile(answerMs, 0.99),
    wallMs,
  };
}

/** Runs `work(i)` for i in [0, total), at most `concurrency` at a time. */
async function pool(total: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < total) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
}

/** A promise resolved by `settle()`, or by itself after `ms`; `timedOut` says which. */
function deadline(ms: number) {
  let settle!: () => void;
  let timer: NodeJS.Timeout | undefined;
  const state = { timedOut: false };
  const promise = new Promise<void>((resolve) => {
    settle = resolve;
    timer = setTimeout(() => {
      state.timedOut = true;
      resolve();
    }, ms);
  });
  return { promise: promise.finally(() => clearTimeout(timer)), settle, state };
}

interface DiscordPending {
  sentAt: number;
  acked?: boolean;
  deferred?: boolean;
  answered?: boolean;
  failed?: boolean;
  onAck: () => void;
}

/** Slash commands over the fake gateway; the target must be connected to `fake`. */
export async function discordBurst(fake: FakeDiscord, options: BurstOptions): Promise<BurstResult> {
  const { ackTimeoutMs = 10_000, answerTimeoutMs = 30_000 } = options;
  const tally = newTally();
  const byToken = new Map<string, DiscordPending>();
  let unsettled = 0;
  let allSettled: (() => void) | undefined;
  const settle = (pending: DiscordPending, how: 'answered' | 'failed', at = Date.now()) => {
    if (pending.answered || pending.failed) return;
    pending[how] = true;
    if (how === 'answered') {
      tally.answers++;
      tally.answerMs.push(at - pending.sentAt);
    }
    if (--unsettled === 0 && allSettled) allSettled();
  };
  const callback = /^\/interactions\/\d+\/([^/]+)\/callback$/;
  const webhook = new RegExp(`^/webhooks/${fake.applicationId}/([^/]+)(/messages/@original)?$`);

  const unsubscribe = fake.requests.subscribe((request: RestRequest) => {
    const onCallback = callback.exec(request.path);
    const onWebhook = onCallback ? undefined : webhook.exec(request.path);
    const pending = byToken.get(onCallback?.[1] ?? onWebhook?.[1] ?? '');
    if (!pending) return;
    if (request.status >= 300) {
      error(tally, `${request.status} ${request.method} ${request.path.replace(/\/[^/]{40,}/, '/<token>')}: ${JSON.stringify(request.body)?.slice(0, 80)} → ${request.status}`);
      if (onCallback) pending.onAck();
      settle(pending, 'failed');
      return;
    }
    if (onCallback) {
      if (pending.acked) return;
      pending.acked = true;
      const ms = request.at - pending.sentAt;
      tally.acked++;
      tally.ackMs.push(ms);
      if (ms > ACK_DEADLINE_MS) tally.late++;
      pending.onAck();
      if (request.body?.type === 5) pending.deferred = true;
      else settle(pending, 'answered', request.at);
    } else if (request.method !== 'DELETE') {
      // The edit of the deferred reply, or the follow-up that replaces it.
      settle(pending, 'answered', request.at);
    }
  });

  const started = Date.now();
  try {
    await pool(options.total, options.concurrency, async (index) => {
      const request = requestAt(index);
      const user = { id: `5${String(index).padStart(17, '0')}`, username: `${options.runId}-user-${index}` };
      const acked = deadline(ackTimeoutMs);
      const sent = fake.slashCommand(
        request.command === 'ask' ? { name: 'ask', options: { question: request.question }, user } : { name: 'numbers', user },
      );
      tally.sent++;
      unsettled++;
      const pending: DiscordPending = { sentAt: fake.rest.interactions.get(sent.id)!.sentAt, onAck: acked.settle };
      byToken.set(sent.token, pending);
      await acked.promise;
      if (acked.state.timedOut && !pending.acked) {
        error(tally, `interaction ${index} (/${request.command}) not acknowledged within ${ackTimeoutMs} ms`);
        settle(pending, 'failed');
      }
    });
    if (unsettled > 0) {
      const answers = deadline(answerTimeoutMs);
      allSettled = answers.settle;
      await answers.promise;
      if (answers.state.timedOut) error(tally, `${unsettled} answer(s) not delivered within ${answerTimeoutMs} ms of the last ack`);
    }
  } finally {
    unsubscribe();
  }
  return result(tally, Date.now() - started);
}

/** Signed `/depeche …` POSTs to a Bolt app in HTTP mode at `appUrl`. */
export async function slackBurst(fake: FakeSlack, appUrl: string, options: BurstOptions): Promise<BurstResult> {
  const { ackTimeoutMs = 10_000, answerTimeoutMs = 30_000 } = options;
  const tally = newTally();
  const prefix = `${options.runId}-`;
  const waiting = new Set<string>();
  const sentAt = new Map<string, number>();
  let allAnswered: (() => void) | undefined;

  const unsubscribe = fake.responses.subscribe((post: ResponseUrlPost) => {
    if (!post.id.startsWith(prefix) || !waiting.delete(post.id)) return;
    if (post.error) error(tally, `response_url ${post.id} refused: ${post.error}`);
    else {
      tally.answers++;
      tally.answerMs.push(post.at - sentAt.get(post.id)!);
    }
    if (waiting.size === 0 && allAnswered) allAnswered();
  });

  const started = Date.now();
  try {
    await pool(options.total, options.concurrency, async (index) => {
      const request = requestAt(index);
      const id = `${prefix}${index}`;
      const fields = slashCommand({
        text: request.command === 'ask' ? request.question : 'numbers',
        responseUrl: fake.responseUrl(id),
        user: `U${options.runId.toUpperCase().replace(/[^A-Z0-9]/g, '')}${index}`,
        channel: 'C0LOAD',
      });
      if (!options.answerInAck) waiting.add(id);
      sentAt.set(id, Date.now());
      tally.sent++;
      const timeout = deadline(ackTimeoutMs);
      const sent = await Promise.race([fake.http.command(appUrl, fields).catch((e: unknown) => e as Error), timeout.promise.then(() => undefined)]);
      timeout.settle();
      if (sent === undefined || sent instanceof Error) {
        error(tally, `/depeche ${index}: ${sent ? sent.message : `no HTTP answer within ${ackTimeoutMs} ms`}`);
        waiting.delete(id);
        return;
      }
      if (sent.status !== 200) {
        error(tally, `/depeche ${index}: HTTP ${sent.status} ${sent.text.slice(0, 80)}`);
        waiting.delete(id);
        return;
      }
      tally.acked++;
      tally.ackMs.push(sent.ms);
      if (sent.ms > ACK_DEADLINE_MS) tally.late++;
      if (options.answerInAck) {
        if (sent.text.length > 0) {
          tally.answers++;
          tally.answerMs.push(sent.ms);
        } else error(tally, `/depeche ${index}: empty ack from a target expected to answer in it`);
      }
    });
    if (waiting.size > 0) {
      const answers = deadline(answerTimeoutMs);
      allAnswered = answers.settle;
      await answers.promise;
      if (answers.state.timedOut) error(tally, `${waiting.size} response_url post(s) not received within ${answerTimeoutMs} ms of the last ack`);
    }
  } finally {
    unsubscribe();
  }
  return result(tally, Date.now() - started);
}
