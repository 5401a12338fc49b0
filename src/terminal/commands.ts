import { messages } from '../core/messages.ts';
import type { TerminalSession } from './session.ts';

/** A command only the terminal chat has: it acts on the chat (its conversation, its screen), not on the article. */
export interface TerminalCommand {
  name: string;
  aliases?: string[];
  description: { en: string; fr: string };
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
      .filter((command) => command !== help)
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

const quit: TerminalCommand = {
  name: 'quit',
  aliases: ['exit', 'q'],
  description: { en: 'Leave (Ctrl-D too)', fr: 'Quitter (Ctrl-D aussi)' },
  run: () => 'quit',
};

/** The terminal's own commands; a line naming one of them never reaches the registry. */
export const terminalCommands: readonly TerminalCommand[] = [help, clear, quit];

/** `/name args` when `name` (any case) is one of the terminal's own commands. */
export function findTerminalCommand(line: string): { command: TerminalCommand; args: string } | undefined {
  const match = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
  if (!match) return undefined;
  const name = match[1]!.toLowerCase();
  const command = terminalCommands.find((candidate) => candidate.name === name || candidate.aliases?.includes(name));
  return command && { command, args: match[2]!.trim() };
}
