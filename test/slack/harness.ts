import { commands as registry } from '../../commands/index.ts';
import { Writable } from 'node:stream';
import { parseConfig } from '../../src/config.ts';
import { createDepeche, type Depeche, type Requester } from '../../src/core/depeche.ts';
import type { FeedbackStore } from '../../src/core/feedback.ts';
import type { Reply } from '../../src/core/reply.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createLogger } from '../../src/logger.ts';
import { startSlack, type SlackAdapter } from '../../src/slack/start.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/index.ts';
import { Recorder } from '../fakes/recorder.ts';
import { syrianArticleKnowledge } from '../fixtures/two-articles.ts';

const knowledge = loadKnowledge(syrianArticleKnowledge());

/** A call from the Slack adapter into the core, as the adapter made it. */
export interface CoreCall {
  name: string;
  args: Record<string, string | undefined>;
  who: Requester;
  reply: Reply;
}

export interface LogLine {
  level: number;
  msg?: string;
  raw: string;
  [key: string]: unknown;
}

export interface Harness {
  fake: FakeSlack;
  adapter: SlackAdapter;
  /** The request URL of the app (HTTP mode). */
  appUrl: string;
  depeche: Depeche;
  core: Recorder<CoreCall>;
  logs: Recorder<LogLine>;
  close(): Promise<void>;
}

/**
 * The real Depeche core and the real Bolt app, started by the real startSlack against a fake Slack on
 * 127.0.0.1. The core is only wrapped to record what the adapter asks it (who, which command).
 */
export async function startHarness(options: { mode: 'http' | 'socket'; env?: Record<string, string>; failOn?: string; knowledgeDir?: string; store?: FeedbackStore }): Promise<Harness> {
  const fake = await startFakeSlack();
  const env = {
    SLACK_BOT_TOKEN: fake.botToken,
    ...(options.mode === 'http' ? { SLACK_SIGNING_SECRET: fake.signingSecret } : { SLACK_APP_TOKEN: fake.appToken }),
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    RATE_LIMIT_COUNT: '1000',
    ...options.env,
  };
  const config = parseConfig(env);
  const logs = new Recorder<LogLine>('bot log', (line) => String(line.msg));
  const logger = createLogger({
    level: 'debug',
    secrets: [fake.botToken, fake.appToken, fake.signingSecret],
    destination: new Writable({
      write(chunk: Buffer, _encoding, callback) {
        for (const raw of String(chunk).split('\n').filter(Boolean)) logs.push({ ...(JSON.parse(raw) as LogLine), raw });
        callback();
      },
    }),
  });
  const core = new Recorder<CoreCall>('core calls', (call) => `${call.name} from ${call.who.userKey}`);
  const served = options.knowledgeDir ? loadKnowledge(options.knowledgeDir) : knowledge;
  const feedback = options.store && { store: options.store };
  const depeche = recording(createDepeche({ commands: registry, knowledge: served, config, feedback }), core, options.failOn);
  const adapter = await startSlack({
    config: config.slack!,
    depeche,
    logger,
    clientOptions: { retryConfig: { retries: 0 }, timeout: 2000 },
    listen: { port: 0, host: '127.0.0.1' },
  });
  return {
    fake,
    adapter,
    appUrl: `http://127.0.0.1:${adapter.port}/slack/events`,
    depeche,
    core,
    logs,
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}

/** `failOn`: a question on which the core throws, to see what the user gets when it breaks. */
function recording(depeche: Depeche, core: Recorder<CoreCall>, failOn?: string): Depeche {
  return {
    ...depeche,
    async run(name, args, who) {
      const reply = await depeche.run(name, args, who);
      core.push({ name, args, who, reply });
      return reply;
    },
    async ask(question, who) {
      if (question === failOn) throw new Error('the core broke');
      const reply = await depeche.ask(question, who);
      core.push({ name: 'ask', args: { question }, who, reply });
      return reply;
    },
  };
}

/** Every string in a posted message (text, blocks, nested elements): what Slack would parse. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** The blocks of a message, with just what tests look at. */
export function blocksOf(message: Record<string, unknown>): { type: string; text: string; buttons: { text: string; value: string }[] }[] {
  const blocks = (message.blocks ?? []) as Record<string, unknown>[];
  return blocks.map((block) => {
    const text = block.text as { text?: string } | undefined;
    const elements = (block.elements ?? []) as Record<string, unknown>[];
    return {
      type: String(block.type),
      text: text?.text ?? elements.map((element) => String(element.text ?? '')).join(' '),
      buttons: block.type === 'actions' ? elements.map((element) => ({ text: (element.text as { text: string }).text, value: String(element.value) })) : [],
    };
  });
}
