import { parseCommandLine } from './command-line.ts';
import type { Depeche, Requester } from './depeche.ts';
import type { Reply } from './reply.ts';

/** One typed line (terminal chat, ask CLI): "/name args" runs a command of the registry, anything else is a question. */
export function answerLine(depeche: Depeche, line: string, who: Requester): Promise<Reply> {
  if (!line.startsWith('/')) return depeche.ask(line, who);
  const { name, args } = parseCommandLine(line, depeche.commands);
  return depeche.run(name, args, who);
}
