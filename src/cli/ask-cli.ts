import { createInterface } from 'node:readline';
import { ConfigError, loadConfig } from '../config.ts';
import { answerLine } from '../core/answer-line.ts';
import { createApp } from '../app.ts';
import type { Requester } from '../core/depeche.ts';
import type { Reply } from '../core/reply.ts';
import { KnowledgeError } from '../knowledge/load.ts';
import { createLogger } from '../logger.ts';
import { quoteLanguage } from '../terminal/quotes.ts';
import { renderText } from '../terminal/render.ts';
import { parseCliArgs, usageError, writeExit, type CliSpec } from './args.ts';

export const askSpec: CliSpec = {
  name: 'ask',
  synopsis: 'npm run -s ask -- [--json] ["question"]',
  about: [
    'Answers one question about the article, or, with no question, every line of stdin in turn, in one',
    'conversation (follow-ups work). A line starting with / runs that command: /numbers, /ask ….',
    'Exit code 0 when it answered or refused, 2 for a usage mistake or a broken configuration or knowledge folder.',
  ].join('\n'),
  flags: { json: { description: 'print one JSON object per answer: {"answered", "text", "lang", "sources"}' } },
};

export interface AskCliOptions {
  argv: readonly string[];
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** The environment to configure from, alone (default: process.env over .env). */
  env?: NodeJS.ProcessEnv;
}

const WHO: Requester = { conversationKey: 'cli', userKey: 'cli' };

/** `npm run -s ask`: resolves with the exit code; only unexpected failures reject. */
export async function runAskCli(options: AskCliOptions): Promise<number> {
  const { stdin, stdout, stderr } = options;
  const args = parseCliArgs(askSpec, options.argv);
  if (args.kind === 'exit') return writeExit(args, options);
  const json = args.flags.has('json');
  const question = args.words.join(' ').trim();
  if (args.words.length > 0 && !question) return writeExit(usageError(askSpec, 'the question is empty'), options);

  let depeche;
  try {
    // The platforms' variables are not read: a half-set Discord configuration must not stop a question.
    const config = loadConfig({ platforms: false, ...(options.env ? { env: options.env, envFile: null } : {}) });
    // No rate limit: one person piping a file of questions is not a flood. Nothing is recorded.
    depeche = (await createApp(config, { logger: createLogger({ level: 'silent' }), store: 'none', rateLimited: false })).depeche;
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof KnowledgeError)) throw error;
    stderr.write(`ask: ${error.message}\n`);
    return 2;
  }
  const text = (reply: Reply) => renderText(reply, { quoteLanguage: (source) => quoteLanguage(depeche.knowledge(), source) });
  const print = (reply: Reply) => stdout.write(`${json ? toJson(reply) : `${text(reply)}\n`}\n`);

  if (question) {
    print(await answerLine(depeche, question, WHO));
    return 0;
  }
  // Someone at a keyboard, not a pipe: say what is awaited rather than wait in silence.
  if (stdin.isTTY) stderr.write('ask: type a question and press Enter, one per line; Ctrl-D ends (--help for more)\n');
  for await (const line of createInterface({ input: stdin, crlfDelay: Infinity })) {
    print(await answerLine(depeche, line.trim(), WHO));
  }
  return 0;
}

function toJson(reply: Reply): string {
  const { answered, text, lang, sources } = reply;
  return JSON.stringify({ answered, text, lang, sources: sources.map(({ quote, factId, article }) => ({ quote, factId, article })) });
}
