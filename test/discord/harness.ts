import { commands as registry } from '../../commands/index.ts';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../src/config.ts';
import { createDepeche, type Depeche } from '../../src/core/depeche.ts';
import { startDiscord, type StartDiscordOptions } from '../../src/discord/start.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createLogger } from '../../src/logger.ts';
import type { FakeDiscord } from '../fakes/discord/index.ts';
import { Recorder } from '../fakes/recorder.ts';
import { syrianArticleKnowledge } from '../fixtures/two-articles.ts';

/** The Syrian article alone (a copy): tests assert what its figures and its French say. */
export const KNOWLEDGE_DIR = syrianArticleKnowledge();
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface LogLine {
  level: number;
  msg: string;
  code?: number;
  [key: string]: unknown;
}

/** pino writes JSON lines here, so that tests can wait for "this error was logged". */
export function captureLogs(secrets: string[]) {
  const lines = new Recorder<LogLine>('bot log', (line) => `${line.level} ${line.msg}`);
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const text of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(text) as LogLine);
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', secrets, destination: destination as never }) };
}

/** A Depeche on the real knowledge, with a rate limit loose enough for a test file's many questions. */
export function testDepeche(): Depeche {
  const config = parseConfig({ RATE_LIMIT_COUNT: '1000', MAX_QUESTION_LENGTH: '500' });
  return createDepeche({ commands: registry, knowledge: loadKnowledge(KNOWLEDGE_DIR), config });
}

/** The real bot module, started against the fake as `npm start` would start it. */
export async function startBot(fake: FakeDiscord, extra: Partial<StartDiscordOptions> = {}) {
  const { lines, logger } = captureLogs([fake.token]);
  const depeche = extra.depeche ?? testDepeche();
  const startedAt = performance.now();
  const running = await startDiscord({
    config: { token: fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl },
    depeche,
    logger,
    rest: { timeout: 5000, retries: 0 },
    ...extra,
  });
  return { running, logs: lines, readyMs: performance.now() - startedAt };
}
