import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../../src/logger.ts';
import { Recorder } from '../fakes/recorder.ts';
import { syrianArticleKnowledge } from '../fixtures/two-articles.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The Syrian article alone (a copy): tests assert its figures whatever other articles knowledge/ holds. */
export const KNOWLEDGE_DIR = syrianArticleKnowledge();
export const ARTICLE = 'syria-ceasefire-talks';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A logger writing pino's JSON lines into a Recorder, so that tests wait for "this was logged" instead of sleeping. */
export function captureLogs(secrets: string[] = []) {
  const lines = new Recorder<LogLine>('log', (line) => `${line.level} ${line.msg}`);
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const text of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(text) as LogLine);
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', secrets, destination: destination as never }) };
}

/** A copy of the real knowledge folder that a test may edit. */
export function knowledgeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-knowledge-'));
  cpSync(join(KNOWLEDGE_DIR, ARTICLE), join(dir, ARTICLE), { recursive: true });
  return dir;
}

/** GET /healthz as a load balancer or an orchestrator would. */
export async function getHealth(port: number): Promise<{ status: number; body: { status: string; platforms: Record<string, string> } }> {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { connection: 'close' } });
  return { status: response.status, body: (await response.json()) as { status: string; platforms: Record<string, string> } };
}
