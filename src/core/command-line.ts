import type { Command } from './command.ts';

/** A typed line turned into a call of the registry: `depeche.run(name, args, who)`. */
export interface CommandLine {
  name: string;
  /** Option values by option name; the free text goes to the command's first string option. */
  args: Record<string, string>;
}

/**
 * Parses what a user typed after `/depeche` on Slack, or on a line of the terminal chat or the ask CLI:
 * - `numbers`, `/numbers`, `NUMBERS` → the numbers command (the leading "/" is optional, names ignore case);
 * - `ask where is the summit` → ask, with `{question: 'where is the summit'}`, and `numbers minsk` → numbers, with
 *   `{article: 'minsk'}` (the rest goes to the first string or article option; a command that takes no text ignores it);
 * - text whose first word names no command → `{name: 'ask', args: {question: text}}`;
 * - `/something` that names no command → `{name: 'something'}`: the slash says a command was meant, so the
 *   core answers "there is no command" instead of treating a typo as a question.
 */
export function parseCommandLine(text: string, commands: readonly Pick<Command, 'name' | 'options'>[]): CommandLine {
  const trimmed = text.trim();
  const match = /^(\/?)(\S+)(?:\s+([\s\S]*))?$/.exec(trimmed);
  if (!match) return { name: 'ask', args: { question: '' } };
  const [, slash, word = '', rest = ''] = match;
  const name = word.toLowerCase();
  const command = commands.find((candidate) => candidate.name.toLowerCase() === name);
  if (!command) {
    return slash ? { name, args: {} } : { name: 'ask', args: { question: trimmed } };
  }
  const textOption = command.options.find((option) => option.type !== 'boolean');
  const args: Record<string, string> = {};
  if (textOption && rest.trim()) args[textOption.name] = rest.trim();
  return { name: command.name, args };
}
