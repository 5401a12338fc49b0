import { messages } from '../core/messages.ts';
import type { TerminalSession } from './session.ts';

/** A command only the terminal chat has: it acts on the chat (its conversation, its screen), not on the article. */
export interface TerminalCommand {
  name: string;
  aliases?: string[];
  description: { en: string; fr: string };
  /** Whether it works in this chat; /help lists only those that do. Always, when left out. */
  available?(session: TerminalSession): boolean;
  /** `'quit'` ends the chat. */
  run(session: TerminalSession, args: string): void | 'quit' | Promise<void | 'quit'>;
}

const help: TerminalCommand = {
  name: 'help',
  description: { en: 'What Depeche can do', fr: 'Ce que Depeche sait faire' },
  // The registry's /help, which lists what works here (no channel, no store), then the chat's own commands.
  async run(session) {
    const reply = await session.depeche.run('help', {}, session.who);
    const own = terminalCommands
      .filter((command) => command !== help && (command.available?.(session) ?? true))
      .map((command) => `- **/${command.name}**: ${command.description[reply.lang]}`);
    session.print({ ...reply, text: `${reply.text}\n${own.join('\n')}\n\n${messages[reply.lang].pickSuggestion}` });
  },
};

const clear: TerminalCommand = {
  name: 'clear',
  description: { en: 'Start a new conversation', fr: 'Commencer une nouvelle conversation' },
  run(session) {
    session.newConversation();
    session.notice(messages[session.lang].newConversation);
  },
};

/** /good and /bad: the chat's 👍 and 👎 on the answer just given (when it cites the article); counted with the platforms' votes. */
function rating(helpful: boolean): TerminalCommand {
  return {
    name: helpful ? 'good' : 'bad',
    description: helpful
      ? { en: 'Mark the last answer as helpful', fr: 'Marquer la dernière réponse comme utile' }
      : { en: 'Mark the last answer as not helpful', fr: 'Marquer la dernière réponse comme pas utile' },
    available: (session) => session.depeche.rates,
    async run(session) {
      const answer = session.last?.reply;
      if (!session.depeche.rates) return session.notice(messages[session.lang].feedbackOff);
      if (!answer?.answerId) return session.notice(messages[session.lang].nothingToRate);
      const reply = await session.depeche.feedback({ answerId: answer.answerId, helpful, lang: answer.lang }, session.who);
      session.notice(reply.text);
    },
  };
}

const quit: TerminalCommand = {
  name: 'quit',
  aliases: ['exit', 'q'],
  description: { en: 'Leave (Ctrl-D too)', fr: 'Quitter (Ctrl-D aussi)' },
  run: () => 'quit',
};

/** The terminal's own commands; a line naming one of them never reaches the registry. */
export const terminalCommands: readonly TerminalCommand[] = [help, clear, rating(true), rating(false), quit];

/** `/name args` when `name` (any case) is one of the terminal's own commands. */
export function findTerminalCommand(line: string): { command: TerminalCommand; args: string } | undefined {
  const match = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
  if (!match) return undefined;
  const name = match[1]!.toLowerCase();
  const command = terminalCommands.find((candidate) => candidate.name === name || candidate.aliases?.includes(name));
  return command && { command, args: match[2]!.trim() };
}
