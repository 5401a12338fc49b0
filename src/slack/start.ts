import type { Server } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, webApi, type CustomRoute } from '@slack/bolt';
import type { Depeche } from '../core/depeche.ts';
import { ConfigError, type SlackConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { RunningAdapter } from '../core/adapter.ts';
import type { PlatformState } from '../ops/health.ts';
import type { InFlight } from '../ops/in-flight.ts';
import { describeNetworkError, UnreachableError } from '../core/unreachable.ts';
import { boltLogger } from './bolt-logger.ts';
import { SeenEvents, skipRepeatedEvents, type SharedDeliveries } from './dedupe.ts';
import { registerListeners } from './listeners/index.ts';
import { DEFAULT_REQUEST_LIMITS, guardRequests, type RequestLimits } from './request-guard.ts';
import { slackPoster } from './poster.ts';

export interface StartSlackOptions {
  config: SlackConfig;
  depeche: Depeche;
  logger: Logger;
  /** Web API client options over Depeche's defaults; tests pass `{ retryConfig: { retries: 0 }, timeout: 2000 }`. */
  clientOptions?: webApi.WebClientOptions;
  /** HTTP mode: where to listen (default: all interfaces, on config.port). Port 0 picks a free port. */
  listen?: { port?: number; host?: string };
  /** Told when the connection comes and goes (/healthz): Socket Mode's WebSocket, or HTTP mode's listening server. */
  onState?: (state: PlatformState) => void;
  /** Counts each event's whole handling (answer and post), so that a shutdown can wait for the replies in flight. */
  inFlight?: InFlight;
  /** HTTP mode: more routes on the same server (`/healthz`). */
  customRoutes?: CustomRoute[];
  /** The store's record of handled events, so that a retry reaching another instance is not answered twice. */
  sharedDeliveries?: SharedDeliveries;
  /** HTTP mode: what a request may cost before its signature is checked (src/slack/request-guard.ts). */
  requestLimits?: Partial<RequestLimits>;
}

export interface SlackAdapter extends RunningAdapter {
  app: App;
  /** HTTP mode: the port the request URL must reach. */
  port?: number;
}

/**
 * Chat answers are worth little after a minute: a few quick retries instead of the client's default
 * (ten retries over about thirty minutes). Setting it also stops the Socket Mode client from writing its own
 * `{ retries: 100 }` into these shared options.
 */
const defaultClientOptions: webApi.WebClientOptions = { retryConfig: { retries: 3, factor: 2 }, timeout: 10_000 };

/** Serves Depeche on Slack, over HTTP (signing secret) or Socket Mode (app token), and resolves once connected. */
export async function startSlack(options: StartSlackOptions): Promise<SlackAdapter> {
  const { config, logger } = options;
  const clientOptions: webApi.WebClientOptions = { ...defaultClientOptions, ...options.clientOptions, slackApiUrl: config.apiUrl };
  const log = boltLogger(logger);
  // Its retries' warnings would say "fetch failed" several times before the one line that says why: debug only.
  const bot = await verifyBotToken(config, { ...clientOptions, logger: { ...log, warn: log.debug } });
  const shared = {
    token: config.botToken,
    // Known ids spare Bolt its own auth.test in the constructor, whose failure nothing could catch.
    botId: bot.botId,
    botUserId: bot.botUserId,
    logger: log,
    clientOptions,
    convoStore: false as const,
  };
  // Until it has connected, the Socket Mode client's errors repeat what the one line of a failed start says.
  let connecting = true;
  const socketLog = { ...log, error: (...args: unknown[]) => (connecting ? log.debug : log.error)(...args) };
  const socketReceiver =
    config.mode === 'socket'
      ? new SocketModeReceiver({ appToken: appToken(config), logger: socketLog, installerOptions: { clientOptions: socketClientOptions(clientOptions, options.clientOptions) } })
      : undefined;
  const receiver = socketReceiver ?? httpReceiver(config, log, options);
  const app = new App({ ...shared, receiver });
  const report = options.onState ?? (() => {});
  if (socketReceiver) {
    // The client reconnects by itself; until it has, Slack cannot reach Depeche.
    socketReceiver.client.on('connected', () => report('up'));
    for (const event of ['close', 'reconnecting', 'disconnected']) socketReceiver.client.on(event, () => report('down'));
  }
  const inFlight = options.inFlight;
  // First of all middleware: next() resolves once the listeners are done, posts included.
  if (inFlight) app.use(async ({ next }) => void (await inFlight.track(next())));

  app.use(skipRepeatedEvents({ seen: new SeenEvents(), shared: options.sharedDeliveries, logger }));
  registerListeners(app, { depeche: options.depeche, logger, adminUserIds: config.adminUserIds });
  // Slack has no channel permission Depeche can read: without this list, every member manages every channel's briefings.
  if (config.adminUserIds.length === 0) logger.info('slack: SLACK_ADMIN_USER_IDS is not set, so any member of a channel may change its scheduled briefings; set it to the user ids of your admins');
  app.error(async (error) => {
    // The Error itself as first argument: the logger's secret scrubbing keeps an Error's message and stack.
    logger.error(error, 'slack: a listener failed (%s)', error.code);
  });

  if (config.mode === 'socket') {
    await app.start().catch((error: unknown) => {
      const code = (error as { data?: { error?: string } }).data?.error;
      throw code ? new ConfigError(`SLACK_APP_TOKEN: Slack refused it (${code})`) : error;
    });
    connecting = false;
    logger.info({ team: bot.team, mode: 'socket' }, 'slack: connected in Socket Mode');
    return { name: 'slack', app, stop: () => app.stop() as Promise<void>, poster: slackPoster(app.client) };
  }
  const listenPort = options.listen?.port ?? config.port;
  const server = (await app.start({ port: listenPort, host: options.listen?.host }).catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    throw code === 'EADDRINUSE' || code === 'EACCES' ? new ConfigError(`PORT: cannot listen on ${listenPort} (${code})`) : error;
  })) as Server;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : undefined;
  logger.info({ team: bot.team, mode: 'http', port }, 'slack: listening for Slack requests on /slack/events');
  report('up');
  return { name: 'slack', app, port, stop: () => app.stop() as Promise<void>, poster: slackPoster(app.client) };
}

/** HTTP mode's receiver, behind the request guard, with Bolt's own body limit set to the guard's. */
function httpReceiver(config: SlackConfig, logger: ReturnType<typeof boltLogger>, options: StartSlackOptions): HTTPReceiver {
  const endpoints = ['/slack/events'];
  const limits = { ...DEFAULT_REQUEST_LIMITS, ...options.requestLimits };
  const receiver = new HTTPReceiver({ signingSecret: signingSecret(config), endpoints, customRoutes: options.customRoutes, logger, bodyLimit: limits.maxBytes });
  receiver.requestListener = guardRequests(receiver.requestListener, { endpoints, limits });
  return receiver;
}

/** Checks the bot token before anything listens, so that a wrong one is one clear line at startup. */
async function verifyBotToken(config: SlackConfig, clientOptions: webApi.WebClientOptions): Promise<{ botId?: string; botUserId?: string; team?: string }> {
  const client = new webApi.WebClient(config.botToken, clientOptions);
  try {
    const result = await client.auth.test();
    return { botId: result.bot_id, botUserId: result.user_id, team: result.team };
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code) throw new ConfigError(`SLACK_BOT_TOKEN: Slack refused it (${code})`);
    throw new UnreachableError(`Slack is unreachable at SLACK_API_URL (${config.apiUrl}): ${describeNetworkError(error)}`);
  }
}

/**
 * The Socket Mode client gets its own copy of the options: it must keep asking for a new connection through a long
 * Slack or network outage (a failed reconnection is not retried by anyone else), where a reply is better dropped.
 */
function socketClientOptions(clientOptions: webApi.WebClientOptions, overrides: webApi.WebClientOptions | undefined): webApi.WebClientOptions {
  return { ...clientOptions, retryConfig: overrides?.retryConfig ?? { retries: 100, factor: 1.3, maxTimeout: 60_000 } };
}

function appToken(config: SlackConfig): string {
  if (!config.appToken) throw new ConfigError('SLACK_APP_TOKEN is missing (Socket Mode)');
  return config.appToken;
}

function signingSecret(config: SlackConfig): string {
  if (!config.signingSecret) throw new ConfigError('SLACK_SIGNING_SECRET is missing (HTTP mode)');
  return config.signingSecret;
}
