import { commands as registry } from '../../commands/index.ts';
import type { Command } from '../../commands/types.ts';
import type { Config } from '../config.ts';
import { createEngine } from '../engine/engine.ts';
import type { Engine } from '../engine/types.ts';
import type { Knowledge } from '../knowledge/types.ts';
import { detectLanguage } from '../engine/language.ts';
import { messages } from './messages.ts';
import { RateLimiter } from './rate-limit.ts';
import type { Lang, Reply } from './reply.ts';
import { plainReply } from './reply.ts';

/** Who is asking, as opaque keys: the core knows no platform. */
export interface Requester {
  /** `discord:<channel>`, `slack:<team>:<channel>[:<thread>]`, `terminal`… follow-ups are per conversation. */
  conversationKey: string;
  /** `discord:<user>`, `slack:<team>:<user>`…: rate limits are per user. */
  userKey: string;
  /** The user's locale, when the platform gives one; the question's own language wins. */
  lang?: Lang;
}

export interface Depeche {
  readonly commands: readonly Command[];
  knowledge(): Knowledge;
  /** A free-form question (a DM, a mention, a line typed in the terminal). */
  ask(question: string, who: Requester): Promise<Reply>;
  /** A command of the registry by name, with its option values (boolean options as 'true'). */
  run(name: string, args: Record<string, string | undefined>, who: Requester): Promise<Reply>;
  /** Questions Depeche can answer, fuzzy-matched to what was typed so far (autocomplete). */
  suggest(partial: string, options?: { limit?: number; lang?: Lang }): string[];
  /** Swaps in new knowledge atomically (hot reload); conversations start afresh. */
  replaceKnowledge(knowledge: Knowledge): void;
}

export interface DepecheOptions {
  knowledge: Knowledge;
  /** Without `rateLimit` nobody is limited (the ask CLI, where one person pipes a whole file). */
  config: Pick<Config, 'conversationTtlMs' | 'maxQuestionLength'> & Partial<Pick<Config, 'rateLimit'>>;
  commands?: readonly Command[];
  /** Injected for tests; defaults to Date.now. */
  now?: () => number;
}

export function createDepeche(options: DepecheOptions): Depeche {
  const now = options.now ?? Date.now;
  const commands = options.commands ?? registry;
  const byName = new Map(commands.map((command) => [command.name, command]));
  const limiter = options.config.rateLimit ? new RateLimiter({ ...options.config.rateLimit, now }) : undefined;
  let knowledge = options.knowledge;
  let engine: Engine = createEngine(knowledge, { conversationTtlMs: options.config.conversationTtlMs, now });

  /** Bounds and rate limits apply to every way in, so they live here and not in each adapter. */
  function guard(text: string, who: Requester): Reply | undefined {
    const lang = detectLanguage(text, who.lang ?? 'en');
    if (text.length > options.config.maxQuestionLength) {
      return plainReply(lang, messages[lang].tooLong(options.config.maxQuestionLength));
    }
    if (limiter && !limiter.take(who.userKey)) return plainReply(lang, messages[lang].rateLimited, { private: true });
    return undefined;
  }

  async function run(name: string, args: Record<string, string | undefined>, who: Requester): Promise<Reply> {
    const command = byName.get(name);
    const lang = who.lang ?? 'en';
    if (!command) return plainReply(lang, messages[lang].unknownCommand(name));
    const text = command.options.filter((o) => o.type === 'string').map((o) => args[o.name] ?? '').join(' ');
    const rejected = guard(text, who);
    if (rejected) return rejected;
    const flags = new Set(command.options.filter((o) => o.type === 'boolean' && args[o.name] === 'true').map((o) => o.name));
    return command.run({ args, flags, lang, conversationKey: who.conversationKey, engine, knowledge });
  }

  return {
    commands,
    knowledge: () => knowledge,
    ask: (question, who) => run('ask', { question }, who),
    run,
    suggest: (partial, suggestOptions) => engine.suggest(partial, suggestOptions),
    replaceKnowledge(next) {
      engine = createEngine(next, { conversationTtlMs: options.config.conversationTtlMs, now });
      knowledge = next;
    },
  };
}
