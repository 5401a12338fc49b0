import type { IncomingMessage, ServerResponse } from 'node:http';
import { messageObject, snowflake, userObject, type FakeUser } from './payloads.ts';
import { Recorder } from '../recorder.ts';

/** Discord's first-response deadline for an interaction. */
export const INTERACTION_DEADLINE_MS = 3000;

export interface RestRequest {
  method: string;
  /** Decoded path after `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: string;
  /** Parsed JSON body, if any. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read Discord's JSON freely
  authorization?: string;
  status: number;
  at: number;
}

export interface TrackedInteraction {
  id: string;
  token: string;
  channelId: string;
  guildId?: string;
  /** When the fake dispatched it (backdated to play a slow bot). */
  sentAt: number;
  acknowledged: boolean;
}

export interface Failure {
  status: number;
  code: number;
  message: string;
  /** Seconds, for a 429: sent as `Retry-After` and `retry_after`. */
  retryAfter?: number;
}

interface Route {
  method: string;
  pattern: RegExp;
  handle(match: string[], body: any, auth: string | undefined): { status: number; body?: unknown }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The REST routes the bot uses, with Discord's rules: bot auth, the 3-second rule, acknowledged-once. */
export class FakeRest {
  readonly requests = new Recorder<RestRequest>('fake Discord REST', (r) => `${r.status} ${r.method} ${r.path} ${JSON.stringify(r.body)?.slice(0, 200)}`);
  readonly interactions = new Map<string, TrackedInteraction>();
  readonly registered = new Map<string, unknown[]>();
  /** 401 on every authenticated route: a revoked token as REST sees it. */
  rejectToken = false;
  private failures: { method: string; path: RegExp; failure: Failure }[] = [];
  private holds: { method: string; path: RegExp; arrive: () => void; released: Promise<void> }[] = [];
  private readonly routes: Route[];

  constructor(private readonly options: { token: string; applicationId: string; bot: FakeUser; gatewayUrl: () => string; shards: number; maxConcurrency: number }) {
    const bot = userObject({ ...options.bot, bot: true });
    const app = options.applicationId;
    const unknownWebhook = { status: 404, body: { code: 10015, message: 'Unknown Webhook' } };
    const webhookMessage = (token: string, body: any) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const interaction = this.byToken(token);
      if (!interaction?.acknowledged) return unknownWebhook;
      return { status: 200, body: messageObject({ channelId: interaction.channelId, author: bot, content: body?.content, embeds: body?.embeds, components: body?.components, flags: body?.flags }) };
    };
    this.routes = [
      {
        method: 'GET',
        pattern: /^\/gateway\/bot$/,
        handle: () => ({
          status: 200,
          body: { url: options.gatewayUrl(), shards: options.shards, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: options.maxConcurrency } },
        }),
      },
      { method: 'POST', pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/, handle: ([id, token], body) => this.callback(id!, token!, body) },
      { method: 'PATCH', pattern: new RegExp(`^/webhooks/${app}/([^/]+)/messages/@original$`), handle: ([token], body) => webhookMessage(token!, body) },
      { method: 'DELETE', pattern: new RegExp(`^/webhooks/${app}/([^/]+)/messages/@original$`), handle: ([token]) => (this.byToken(token!)?.acknowledged ? { status: 204 } : unknownWebhook) },
      { method: 'POST', pattern: new RegExp(`^/webhooks/${app}/([^/]+)$`), handle: ([token], body) => webhookMessage(token!, body) },
      {
        method: 'POST',
        pattern: /^\/channels\/(\d+)\/messages$/,
        handle: ([channelId], body) => ({
          status: 200,
          body: messageObject({ channelId: channelId!, author: bot, content: body?.content, embeds: body?.embeds, components: body?.components, reference: body?.message_reference }),
        }),
      },
      {
        method: 'POST',
        pattern: /^\/users\/@me\/channels$/,
        handle: (_, body) => ({ status: 200, body: { id: `9${String(body?.recipient_id ?? '0').slice(1)}`, type: 1, recipients: [userObject({ id: body?.recipient_id, username: 'someone' })] } }),
      },
      { method: 'PUT', pattern: new RegExp(`^/applications/${app}/commands$`), handle: (_, body) => this.register('global', body) },
      { method: 'PUT', pattern: new RegExp(`^/applications/${app}/guilds/(\\d+)/commands$`), handle: ([guildId], body) => this.register(`guild:${guildId}`, body) },
    ];
  }

  /** Makes the next request matching method and path fail once (a 429, a 50013 Missing Permissions...). */
  failNext(method: string, path: RegExp, failure: Failure): void {
    this.failures.push({ method, path, failure });
  }

  /**
   * Holds the next request matching method and path until `release()`: a slow Discord, so that a reply stays
   * in flight (graceful shutdown tests). `arrived` resolves when the bot has sent it.
   */
  holdNext(method: string, path: RegExp): { arrived: Promise<void>; release(): void } {
    let arrive!: () => void;
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ method, path, arrive, released });
    return { arrived, release };
  }

  track(interaction: TrackedInteraction): void {
    this.interactions.set(interaction.id, interaction);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text && String(req.headers['content-type']).includes('json') ? JSON.parse(text) : text || undefined;
    const authorization = req.headers.authorization;
    const holdIndex = this.holds.findIndex((h) => h.method === method && h.path.test(path));
    if (holdIndex >= 0) {
      const [hold] = this.holds.splice(holdIndex, 1);
      hold!.arrive();
      await hold!.released;
    }
    const answer = this.answer(method, path, body, authorization);
    this.requests.push({ method, path, query: url.search, body, authorization, status: answer.status, at: Date.now() });
    // A 204 carries no body and no content type: @discordjs/rest parses any JSON-typed body.
    const headers: Record<string, string> = { ...(answer.body === undefined ? {} : { 'content-type': 'application/json' }), ...(answer.headers ?? {}) };
    res.writeHead(answer.status, headers);
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  }

  private answer(method: string, path: string, body: unknown, auth: string | undefined): { status: number; body?: unknown; headers?: Record<string, string> } {
    const failureIndex = this.failures.findIndex((f) => f.method === method && f.path.test(path));
    if (failureIndex >= 0) {
      const { failure } = this.failures.splice(failureIndex, 1)[0]!;
      const retry: Record<string, string> = failure.retryAfter === undefined ? {} : { 'retry-after': String(failure.retryAfter) };
      return { status: failure.status, headers: retry, body: { code: failure.code, message: failure.message, ...(failure.retryAfter === undefined ? {} : { retry_after: failure.retryAfter, global: false }) } };
    }
    const route = this.routes.find((r) => r.method === method && r.pattern.test(path));
    if (!route) return { status: 404, body: { code: 0, message: `404: Not Found (${method} ${path})` } };
    // Interaction callbacks and webhooks authenticate with the interaction token; everything else needs the bot token.
    const tokenAuthenticated = /^\/(interactions|webhooks)\//.test(path);
    if (!tokenAuthenticated && (this.rejectToken || auth !== `Bot ${this.options.token}`)) return { status: 401, body: { code: 0, message: '401: Unauthorized' } };
    return route.handle(route.pattern.exec(path)!.slice(1), body, auth);
  }

  private callback(id: string, token: string, _body: unknown) {
    const interaction = this.interactions.get(id);
    if (!interaction || interaction.token !== token || Date.now() - interaction.sentAt > INTERACTION_DEADLINE_MS) {
      return { status: 404, body: { code: 10062, message: 'Unknown interaction' } };
    }
    if (interaction.acknowledged) return { status: 400, body: { code: 40060, message: 'Interaction has already been acknowledged.' } };
    interaction.acknowledged = true;
    return { status: 204 };
  }

  private byToken(token: string): TrackedInteraction | undefined {
    return [...this.interactions.values()].find((i) => i.token === token);
  }

  private register(scope: string, body: unknown) {
    if (!Array.isArray(body)) return { status: 400, body: { code: 50035, message: 'Invalid Form Body' } };
    const saved = body.map((command: Record<string, unknown>) => ({ ...command, id: snowflake(), application_id: this.options.applicationId, version: snowflake() }));
    this.registered.set(scope, saved);
    return { status: 200, body: saved };
  }
}
