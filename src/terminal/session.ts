import type { Depeche, Requester } from '../core/depeche.ts';
import type { Reply } from '../core/reply.ts';
import type { Lang } from '../shared/types.ts';

/** What the terminal's own commands (/help, /clear, /good, /quit…) act on: the one conversation of the chat. */
export interface TerminalSession {
  readonly depeche: Depeche;
  /** Who asks; `lang` follows the last answer, so that /numbers after a French question answers in French. */
  readonly who: Requester;
  /** The language the chat speaks now (the last answer's). */
  readonly lang: Lang;
  /** The last line answered by Depeche, and its reply. */
  readonly last: { line: string; reply: Reply } | undefined;
  /** The suggestions on screen, those of the last reply shown (an answer, or /help's): a typed number picks one. */
  readonly offered: readonly string[];
  /** Asks Depeche a line (a question, or a command of the registry), shows the reply and remembers it as `last`. */
  ask(line: string): Promise<void>;
  /** Shows a reply of Depeche. */
  print(reply: Reply): void;
  /** Shows a line of the chat itself (not an answer). */
  notice(text: string): void;
  /** Starts a fresh conversation: follow-ups no longer lean on what was asked before. */
  newConversation(): void;
}
