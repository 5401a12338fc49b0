// `npm run -s ask -- [--json] ["question"]`: one answer for a person, or JSON for scripts (the contract is in
// README.md). With no question, every line of stdin is asked in one conversation, in order.
import { commands as registry } from '../../commands/index.ts';
import { createInterface } from 'node:readline';
import { answerLine } from '../core/answer-line.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createDepeche, type Requester } from '../core/depeche.ts';
import type { Reply } from '../core/reply.ts';
import { KnowledgeError, loadKnowledge } from '../knowledge/load.ts';
import { exitQuietlyOnBrokenPipe } from '../terminal/pipe.ts';
import { renderText } from '../terminal/render.ts';

const WHO: Requester = { conversationKey: 'cli', userKey: 'cli' };

function toJson(reply: Reply): string {
  const { answered, text, lang, sources } = reply;
  return JSON.stringify({ answered, text, lang, sources: sources.map(({ quote, factId, article }) => ({ quote, factId, article })) });
}

async function main(argv: string[]): Promise<void> {
  exitQuietlyOnBrokenPipe();
  const json = argv.includes('--json');
  const question = argv.filter((arg) => arg !== '--json').join(' ').trim();
  const config = loadConfig();
  const knowledge = loadKnowledge(config.knowledgeDir);
  // No rate limit: one person piping a file of questions is not a flood.
  const depeche = createDepeche({ commands: registry, knowledge, config: { conversationTtlMs: config.conversationTtlMs, maxQuestionLength: config.maxQuestionLength } });
  const print = (reply: Reply) => process.stdout.write(`${json ? toJson(reply) : `${renderText(reply)}\n`}\n`);

  if (question) {
    print(await answerLine(depeche, question, WHO));
    return;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    print(await answerLine(depeche, line.trim(), WHO));
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof KnowledgeError || error instanceof ConfigError;
  process.stderr.write(`ask: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(known ? 2 : 1);
});
