import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { blockKitProblem } from './block-kit.ts';
import { Recorder } from '../recorder.ts';
import { slackSignature, unixNow } from './sign.ts';

/**
 * A loopback Slack for end-to-end tests of the real @slack/bolt (see shared/notes/fake-slack.md):
 * - the Web API at `${apiUrl}<method>` (auth.test, chat.postMessage, chat.postEphemeral, views.publish,
 *   apps.connections.open), recording every call;
 * - response_url receivers (`responseUrl(id)`), recording what the app posts to them;
 * - Slack's side of HTTP mode: signed slash commands, events and interactions sent to the app;
 * - a Socket Mode WebSocket server: hello, envelopes, acks, disconnect.
 */

export const FAKE_IDS = {
  teamId: 'T0FAKE',
  teamDomain: 'fake',
  appId: 'A0DEPECHE',
  botId: 'B0DEPECHE',
  botUserId: 'U0DEPECHE',
} as const;

export interface ApiCall {
  method: string;
  /** The bearer token (or `token` field) the call carried. */
  token?: string;
  args: Record<string, unknown>;
  at: number;
  /** The error the fake answered with, if it refused the call. */
  error?: string;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  at: number;
  error?: string;
}

export interface SentRequest {
  status: number;
  text: string;
  /** Milliseconds from sending the request to the end of the app's answer: the ack latency. */
  ms: number;
}

export interface Ack {
  envelopeId: string;
  payload?: Record<string, unknown>;
  ms: number;
}

export interface FakeSlackOptions {
  botToken?: string;
  appToken?: string;
  signingSecret?: string;
}

export interface FakeSlack {
  readonly apiUrl: string;
  readonly botToken: string;
  readonly appToken: string;
  readonly signingSecret: string;
  readonly ids: typeof FAKE_IDS;
  readonly calls: Recorder<ApiCall>;
  readonly responses: Recorder<ResponseUrlPost>;
  /** A response_url for one slash command or interaction; what the app posts there is recorded under `id`. */
  responseUrl(id: string): string;
  waitForCall(method: string, match?: (args: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<ApiCall>;
  /** Resolves once `count` successful calls of `method` match, with all of them. */
  waitForCalls(method: string, match: (args: Record<string, unknown>) => boolean, count: number, timeoutMs?: number): Promise<ApiCall[]>;
  waitForResponse(id: string, timeoutMs?: number): Promise<ResponseUrlPost>;
  /** Makes the next call of `method` fail with a Slack error code such as `ratelimited` or `channel_not_found`. */
  failNext(method: string, error: string): void;
  http: HttpSide;
  socket: SocketSide;
  close(): Promise<void>;
}

/** Slack's side of HTTP mode: requests signed with the signing secret, POSTed to the app's request URL. */
export interface HttpSide {
  /** Any signed POST; `timestamp`, `secret` or `signature` override the correct ones to test rejection. */
  post(url: string, options: { body: string; contentType: string; timestamp?: number; secret?: string; signature?: string; headers?: Record<string, string> }): Promise<SentRequest>;
  command(url: string, fields: Record<string, string>, overrides?: { timestamp?: number; secret?: string }): Promise<SentRequest>;
  event(url: string, body: Record<string, unknown>, options?: { retryNum?: number; retryReason?: string; timestamp?: number; secret?: string }): Promise<SentRequest>;
  interaction(url: string, payload: Record<string, unknown>): Promise<SentRequest>;
}

/** Slack's side of Socket Mode. */
export interface SocketSide {
  /** How many WebSocket connections the app has opened so far. */
  readonly connections: number;
  /** Resolves once the app has opened its `count`-th connection (and has been sent hello). */
  waitForConnection(count: number, timeoutMs?: number): Promise<void>;
  /**
   * Sends an envelope on the newest open connection and resolves with the app's ack; rejects when the ack
   * does not come within Slack's 3 seconds (Bolt has no timer of its own in Socket Mode).
   */
  send(envelope: { type: string; payload: Record<string, unknown>; accepts_response_payload?: boolean; retry_attempt?: number; retry_reason?: string }, deadlineMs?: number): Promise<Ack>;
  /** Asks the app to reconnect, as Slack does when it recycles a server. */
  disconnect(reason?: string): void;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const botToken = options.botToken ?? 'xoxb-fake-bot-token-0000';
  const appToken = options.appToken ?? 'xapp-1-fake-app-token-0000';
  const signingSecret = options.signingSecret ?? 'fake-signing-secret-0000';
  const calls = new Recorder<ApiCall>('fake Slack Web API', (call) => (call.error ? `${call.method} (${call.error})` : call.method));
  const responses = new Recorder<ResponseUrlPost>('fake Slack response_url', (post) => `response ${post.id}`);
  const failures = new Map<string, string[]>();
  let tsCounter = 0;
  const nextTs = () => `${unixNow()}.${String(++tsCounter).padStart(6, '0')}`;

  const server: Server = createServer((req, res) => {
    readBody(req).then(
      (raw) => route(req, res, raw),
      () => send(res, 400, { ok: false, error: 'unreadable_body' }),
    );
  });
  const wss = new WebSocketServer({ noServer: true });
  const sockets: WebSocket[] = [];
  let opened = 0;
  const connections = new Recorder<number>('fake Slack Socket Mode', (n) => `connection ${n}`);
  const pendingAcks = new Map<string, (ack: Omit<Ack, 'ms'>) => void>();
  let envelopeCounter = 0;

  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/sm')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.push(ws);
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
        if (message.envelope_id) pendingAcks.get(message.envelope_id)?.({ envelopeId: message.envelope_id, payload: message.payload });
      });
      ws.on('close', () => {
        const index = sockets.indexOf(ws);
        if (index >= 0) sockets.splice(index, 1);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: sockets.length, debug_info: { host: 'fake-slack', approximate_connection_time: 3600 }, connection_info: { app_id: FAKE_IDS.appId } }));
      connections.push(++opened);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function route(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const url = new URL(req.url ?? '/', base);
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const args = parseArgs(raw, String(req.headers['content-type'] ?? ''));
      const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
      const result = answer(method, token, args);
      calls.push({ method, token, args, at: Date.now(), error: result.ok ? undefined : String(result.error) });
      send(res, 200, result);
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/response/')) {
      const body = JSON.parse(raw) as Record<string, unknown>;
      const problem = blockKitProblem(body.blocks);
      responses.push({ id: decodeURIComponent(url.pathname.slice('/response/'.length)), body, at: Date.now(), error: problem });
      // Slack answers a bad response_url payload with 400 and the reason.
      if (problem) send(res, 400, { ok: false, error: 'invalid_blocks', problem });
      else send(res, 200, { ok: true });
      return;
    }
    send(res, 404, { ok: false, error: 'not_found' });
  }

  function answer(method: string, token: string | undefined, args: Record<string, unknown>): Record<string, unknown> {
    const scripted = failures.get(method)?.shift();
    if (scripted) return { ok: false, error: scripted };
    if (method === 'apps.connections.open') {
      if (token !== appToken) return { ok: false, error: 'invalid_auth' };
      return { ok: true, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/sm?ticket=${opened + 1}` };
    }
    if (token !== botToken) return { ok: false, error: token ? 'invalid_auth' : 'not_authed' };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: `https://${FAKE_IDS.teamDomain}.slack.com/`, team: 'Fake Team', user: 'depeche', team_id: FAKE_IDS.teamId, user_id: FAKE_IDS.botUserId, bot_id: FAKE_IDS.botId, is_enterprise_install: false };
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        if (typeof args.channel !== 'string' || !args.channel) return { ok: false, error: 'channel_not_found' };
        if (method === 'chat.postEphemeral' && typeof args.user !== 'string') return { ok: false, error: 'user_not_in_channel' };
        if (!args.text && !args.blocks) return { ok: false, error: 'no_text' };
        const problem = blockKitProblem(args.blocks);
        if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
        const ts = nextTs();
        return method === 'chat.postMessage'
          ? { ok: true, channel: args.channel, ts, message: { type: 'message', text: args.text, user: FAKE_IDS.botUserId, bot_id: FAKE_IDS.botId, ts } }
          : { ok: true, message_ts: ts };
      }
      case 'views.publish': {
        const view = args.view as Record<string, unknown> | undefined;
        if (typeof args.user_id !== 'string' || view?.type !== 'home') return { ok: false, error: 'invalid_arguments' };
        const problem = blockKitProblem(view.blocks, 'home');
        if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
        return { ok: true, view: { id: 'V0HOME', type: 'home', blocks: view.blocks } };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  const http: HttpSide = {
    post(url, postOptions) {
      const timestamp = postOptions.timestamp ?? unixNow();
      const signature = postOptions.signature ?? slackSignature(postOptions.secret ?? signingSecret, timestamp, postOptions.body);
      return postRaw(url, postOptions.body, {
        // Exactly this content type: Bolt answers 400 to `application/x-www-form-urlencoded; charset=utf-8`.
        'content-type': postOptions.contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
        ...postOptions.headers,
      });
    },
    command(url, fields, overrides = {}) {
      return http.post(url, { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded', ...overrides });
    },
    event(url, body, eventOptions = {}) {
      const headers: Record<string, string> = {};
      if (eventOptions.retryNum !== undefined) {
        headers['x-slack-retry-num'] = String(eventOptions.retryNum);
        headers['x-slack-retry-reason'] = eventOptions.retryReason ?? 'http_timeout';
      }
      return http.post(url, { body: JSON.stringify(body), contentType: 'application/json', headers, timestamp: eventOptions.timestamp, secret: eventOptions.secret });
    },
    interaction(url, payload) {
      return http.post(url, { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' });
    },
  };

  const socket: SocketSide = {
    get connections() {
      return opened;
    },
    async waitForConnection(count, timeoutMs = 15_000) {
      await connections.waitFor((n) => n >= count, `Socket Mode connection #${count}`, timeoutMs);
    },
    send(envelope, deadlineMs = 3000) {
      const ws = [...sockets].reverse().find((candidate) => candidate.readyState === candidate.OPEN);
      if (!ws) return Promise.reject(new Error('fake Slack: no open Socket Mode connection'));
      const envelopeId = `envelope-${++envelopeCounter}`;
      const started = performance.now();
      return new Promise<Ack>((resolve, reject) => {
        const timer = setTimeout(() => {
          pendingAcks.delete(envelopeId);
          reject(new Error(`fake Slack: envelope ${envelopeId} (${envelope.type}) was not acknowledged within ${deadlineMs} ms`));
        }, deadlineMs);
        pendingAcks.set(envelopeId, (ack) => {
          clearTimeout(timer);
          pendingAcks.delete(envelopeId);
          resolve({ ...ack, ms: performance.now() - started });
        });
        ws.send(JSON.stringify({ envelope_id: envelopeId, accepts_response_payload: false, ...envelope }));
      });
    },
    disconnect(reason = 'refresh_requested') {
      for (const ws of sockets) ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-slack' } }));
    },
  };

  return {
    apiUrl: `${base}/api/`,
    botToken,
    appToken,
    signingSecret,
    ids: FAKE_IDS,
    calls,
    responses,
    responseUrl: (id) => `${base}/response/${encodeURIComponent(id)}`,
    waitForCall: (method, match = () => true, timeoutMs) =>
      calls.waitFor((call) => call.method === method && !call.error && match(call.args), `a ${method} call`, timeoutMs),
    async waitForCalls(method, match, count, timeoutMs) {
      const matching = (call: ApiCall) => call.method === method && !call.error && match(call.args);
      await calls.waitFor(() => calls.filter(matching).length >= count, `${count} ${method} calls`, timeoutMs);
      return calls.filter(matching);
    },
    waitForResponse: (id, timeoutMs) => responses.waitFor((post) => post.id === id, `a post to response_url ${id}`, timeoutMs),
    failNext(method, error) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    http,
    socket,
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The Web API client sends form fields, with objects (blocks, views) as JSON strings. */
function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.startsWith('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** One request on its own connection: no keep-alive pool outlives the test. */
function postRaw(url: string, body: string, headers: Record<string, string>): Promise<SentRequest> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      readBody(res).then((text) => resolve({ status: res.statusCode ?? 0, text, ms: performance.now() - started }), reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
