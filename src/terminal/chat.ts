import { createInterface } from 'node:readline';
import { answerLine } from '../core/answer-line.ts';
import type { Depeche, Requester } from '../core/depeche.ts';
import { messages } from '../core/messages.ts';
import type { Lang } from '../shared/types.ts';
import { findTerminalCommand } from './commands.ts';
import { quoteLanguage } from './quotes.ts';
import { renderText } from './render.ts';
import type { TerminalSession } from './session.ts';
import { terminalStyle } from './style.ts';
import { layout } from './wrap.ts';

export interface TerminalChatOptions {
  depeche: Depeche;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; hasColors?: () => boolean };
  /** Wrap at this many columns. Default: the output's width when it is a terminal (read for each answer, so a resize counts); no wrapping otherwise. */
  columns?: number;
  /** Colours. Default: what the output says it supports (a terminal's hasColors(): false under NO_COLOR, and for pipes and files). */
  color?: boolean;
  /** Line editing and history (↑ recalls earlier lines). Default: when the output is a terminal. */
  terminal?: boolean;
}

const PROMPT = 'you> ';

/**
 * The shell adapter: one conversation on stdin/stdout, as Hubot's shell does. A line starting with "/" runs a
 * command of the terminal (/help, /clear, /good, /bad, /quit) or of the registry; a number picks a suggestion of the last
 * reply; any other line is a question. Resolves when the user types /quit or leaves (Ctrl-D, Ctrl-C).
 */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { depeche, output } = options;
  const style = terminalStyle(options.color ?? output.hasColors?.() === true);
  const width = () => options.columns ?? (output.isTTY ? output.columns : undefined);
  const terminal = options.terminal ?? Boolean(output.isTTY);
  const lines = createInterface({ input: options.input, output, terminal, prompt: style.prompt(PROMPT), historySize: 1000, removeHistoryDuplicates: true });
  const write = (text: string) => output.write(`${text}\n`);

  let conversation = 0;
  let lang: Lang = 'en';
  let last: TerminalSession['last'];
  let offered: readonly string[] = [];
  const session: TerminalSession = {
    depeche,
    get who(): Requester {
      return { conversationKey: conversation === 0 ? 'terminal' : `terminal:${conversation}`, userKey: 'terminal', lang };
    },
    get lang() {
      return lang;
    },
    get last() {
      return last;
    },
    get offered() {
      return offered;
    },
    async ask(line) {
      const reply = await answerLine(depeche, line, session.who);
      lang = reply.lang;
      last = { line, reply };
      session.print(reply);
    },
    print(reply) {
      offered = reply.suggestions;
      write(`${renderText(reply, { style, width: width(), quoteLanguage: (source) => quoteLanguage(depeche.knowledge(), source) })}\n`);
    },
    notice: (text) => write(`${layout([{ text, paint: style.notice }], width())}\n`),
    newConversation: () => {
      conversation += 1;
      last = undefined;
      offered = [];
    },
  };

  const { articles } = depeche.knowledge();
  const about = articles.length === 1 ? articles[0]!.title.en : `${articles.length} articles, the newest: ${articles[0]!.title.en} (/articles lists them)`;
  write(
    layout(
      [
        { text: `${style.bold('Depeche')} — ask about the articles, in English or French. /help lists the commands, /quit leaves.` },
        { text: about, paint: style.credit },
      ],
      width(),
    ),
  );
  lines.prompt();
  let quit = false;
  for await (const raw of lines) {
    // Without line editing nothing echoes what was read (a pipe, a file): echo it, so the output reads as a chat.
    if (!terminal) output.write(`${raw}\n`);
    const line = raw.trim();
    if (line && (await handleLine(session, line)) === 'quit') {
      quit = true;
      break;
    }
    lines.prompt();
  }
  lines.close();
  // Ctrl-C, Ctrl-D or the end of a pipe leave the cursor after the prompt: the shell's own prompt goes below it.
  if (!quit || !terminal) output.write('\n');
}

/** Everything a typed line can be, in one place: a command of the terminal, a suggestion's number, or a line for Depeche. */
async function handleLine(session: TerminalSession, line: string): Promise<'quit' | void> {
  const own = findTerminalCommand(line);
  if (own) return own.command.run(session, own.args);
  if (!/^\d+$/.test(line)) return session.ask(line);
  // The numbers on screen are picked, whichever reply showed them (/help offers questions too).
  const suggestions = session.offered;
  const picked = Number(line);
  const chosen = suggestions[picked - 1];
  return chosen ? session.ask(chosen) : session.notice(messages[session.lang].noSuggestion(picked, suggestions.length));
}
