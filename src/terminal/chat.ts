import { createInterface } from 'node:readline';
import { answerLine } from '../core/answer-line.ts';
import type { Depeche, Requester } from '../core/depeche.ts';
import type { Reply } from '../core/reply.ts';
import { ansiStyle, plainStyle, renderText } from './render.ts';

export interface TerminalChatOptions {
  depeche: Depeche;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean };
}

const WHO: Requester = { conversationKey: 'terminal', userKey: 'terminal' };
const QUIT = new Set(['/quit', '/exit', '/q']);

/**
 * The shell adapter: one conversation on stdin/stdout, as Hubot's shell does. A line starting with "/"
 * runs a command of the registry, any other line is a question; a number picks a suggestion of the last
 * reply. Resolves when the user types /quit or closes the input (Ctrl-D).
 */
export async function runTerminalChat({ depeche, input, output }: TerminalChatOptions): Promise<void> {
  const style = output.isTTY ? ansiStyle : plainStyle;
  const terminal = Boolean(output.isTTY);
  const lines = createInterface({ input, output, terminal, prompt: 'you> ' });
  const write = (text: string) => output.write(`${text}\n`);
  const { articles } = depeche.knowledge();
  const about = articles.length === 1 ? articles[0]!.title.en : `${articles.length} articles, the newest: ${articles[0]!.title.en} (/articles lists them)`;
  write(`${style.bold('Depeche')} — ask about the articles, in English or French. /help lists the commands, /quit leaves.\n${style.dim(about)}`);
  lines.prompt();
  let last: Reply | undefined;
  for await (const raw of lines) {
    const line = raw.trim();
    if (QUIT.has(line.toLowerCase())) break;
    if (line) {
      const picked = /^\d$/.test(line) ? last?.suggestions[Number(line) - 1] : undefined;
      last = await answerLine(depeche, picked ?? line, WHO);
      write(`${renderText(last, style)}\n`);
    }
    lines.prompt();
  }
  lines.close();
}
