import type { Lang, Reply } from '../src/core/reply.ts';
import type { Engine } from '../src/engine/engine.ts';
import type { Knowledge } from '../src/knowledge/types.ts';

export interface CommandOption {
  name: string;
  description: { en: string; fr: string };
  /** `boolean` options are flags (Discord's "private"); the free text always goes to the first string option. */
  type: 'string' | 'boolean';
  required: boolean;
  /** Offer fuzzy-matched answerable questions while the user types (Discord autocomplete). */
  autocomplete?: boolean;
  maxLength?: number;
}

export interface CommandContext {
  /** Option values by name; the free text of `/ask <question>` is `args.question`. */
  args: Readonly<Record<string, string | undefined>>;
  /** Boolean options that were switched on. */
  flags?: ReadonlySet<string>;
  /** The language to answer in when the text itself gives no cue (the user's locale). */
  lang: Lang;
  /** Opaque key of the conversation (`discord:<channel>`, `slack:<team>:<channel>`, `terminal`). */
  conversationKey: string;
  engine: Engine;
  knowledge: Knowledge;
}

/** A command is plain data plus one function; adapters render what `run` returns and post it. */
export interface Command {
  name: string;
  description: { en: string; fr: string };
  options: CommandOption[];
  run(ctx: CommandContext): Reply | Promise<Reply>;
}
