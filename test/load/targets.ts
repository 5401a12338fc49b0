import { commands as registry } from '../../commands/index.ts';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, LogLevel } from '@slack/bolt';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { parseConfig } from '../../src/config.ts';
import { createDepeche, type Depeche } from '../../src/core/depeche.ts';
import { startDiscord } from '../../src/discord/start.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import { startSlack } from '../../src/slack/start.ts';
import { KNOWLEDGE_DIR } from '../discord/harness.ts';

/**
 * What a load burst is aimed at: Depeche's real adapter (real knowledge, real engine, default config, so the
 * default per-user rate limit too), or a bare library client that acks with a constant, the libraries' floor.
 */
export type Platform = 'discord' | 'slack';
export type TargetKind = 'depeche' | 'bare';

/** Where the fake listens: plain data, so that the bench can hand it to a child process. */
export type TargetSpec =
  | { platform: 'discord'; kind: TargetKind; token: string; applicationId: string; apiUrl: string }
  | { platform: 'slack'; kind: TargetKind; apiUrl: string; botToken: string; signingSecret: string };

export interface RunningTarget {
  /** Slack HTTP mode: the request URL the fake posts slash commands to. */
  appUrl?: string;
  /** Error-level log lines (Depeche) or failed constant replies (bare) so far, with the first few messages. */
  errors(): { count: number; samples: string[] };
  stop(): Promise<void>;
}

/** The constant a bare client answers with: the ack is the whole answer. */
export const BARE_REPLY = 'ok';

export async function startTarget(spec: TargetSpec): Promise<RunningTarget> {
  const errors = errorLog();
  if (spec.platform === 'discord') return spec.kind === 'depeche' ? depecheOnDiscord(spec, errors) : bareDiscord(spec, errors);
  return spec.kind === 'depeche' ? depecheOnSlack(spec, errors) : bareBolt(spec, errors);
}

type ErrorLog = ReturnType<typeof errorLog>;

function errorLog() {
  let count = 0;
  const samples: string[] = [];
  return {
    add(message: string) {
      count++;
      if (samples.length < 5) samples.push(message);
    },
    read: () => ({ count, samples: [...samples] }),
  };
}

/** Warnings and errors only (a burst would otherwise write thousands of lines); errors are counted. */
function countingLogger(secrets: string[], errors: ErrorLog): Logger {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as { level: number; msg?: string; err?: { message?: string } };
        if (entry.level >= 50) errors.add(`${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`);
      }
      done();
    },
  });
  return createLogger({ level: 'warn', secrets, destination: destination as never });
}

function realDepeche(): Depeche {
  return createDepeche({ commands: registry, knowledge: loadKnowledge(KNOWLEDGE_DIR), config: parseConfig({}) });
}

async function depecheOnDiscord(spec: Extract<TargetSpec, { platform: 'discord' }>, errors: ErrorLog): Promise<RunningTarget> {
  const running = await startDiscord({
    config: { token: spec.token, applicationId: spec.applicationId, apiUrl: spec.apiUrl },
    depeche: realDepeche(),
    logger: countingLogger([spec.token], errors),
  });
  return { errors: errors.read, stop: () => running.stop() };
}

async function bareDiscord(spec: Extract<TargetSpec, { platform: 'discord' }>, errors: ErrorLog): Promise<RunningTarget> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: spec.apiUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    interaction.reply({ content: BARE_REPLY }).catch((error: unknown) => errors.add(String(error)));
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(spec.token);
  await ready;
  return { errors: errors.read, stop: () => client.destroy() };
}

async function depecheOnSlack(spec: Extract<TargetSpec, { platform: 'slack' }>, errors: ErrorLog): Promise<RunningTarget> {
  const config = parseConfig({ SLACK_BOT_TOKEN: spec.botToken, SLACK_SIGNING_SECRET: spec.signingSecret, SLACK_API_URL: spec.apiUrl, PORT: '0' });
  const adapter = await startSlack({
    config: config.slack!,
    depeche: realDepeche(),
    logger: countingLogger([spec.botToken, spec.signingSecret], errors),
    listen: { port: 0, host: '127.0.0.1' },
  });
  return { appUrl: `http://127.0.0.1:${adapter.port}/slack/events`, errors: errors.read, stop: () => adapter.stop() };
}

async function bareBolt(spec: Extract<TargetSpec, { platform: 'slack' }>, errors: ErrorLog): Promise<RunningTarget> {
  const app = new App({
    token: spec.botToken,
    signingSecret: spec.signingSecret,
    // Known ids: no auth.test in the constructor.
    botId: 'B0BARE',
    botUserId: 'U0BARE',
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: spec.apiUrl },
  });
  app.command('/depeche', async ({ ack }) => {
    await ack({ text: BARE_REPLY });
  });
  app.error(async (error) => errors.add(error.message));
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const { port } = server.address() as AddressInfo;
  return { appUrl: `http://127.0.0.1:${port}/slack/events`, errors: errors.read, stop: () => app.stop() as Promise<void> };
}
