import type { Command, CommandContext } from './command.ts';
import type { Config } from '../config.ts';
import { createEngine } from '../engine/engine.ts';
import type { Engine } from '../engine/types.ts';
import type { Article, Knowledge } from '../knowledge/types.ts';
import { findArticles } from '../knowledge/select.ts';
import { detectLanguage } from '../engine/language.ts';
import { inert } from './inert.ts';
import type { SubscriptionService } from '../briefing/subscriptions.ts';
import { memoryConversations, type ConversationStore } from './conversations.ts';
import { noSuchArticleReply } from './articles-reply.ts';
import { messages } from './messages.ts';
import { RateLimiter } from './rate-limit.ts';
import type { Reply } from './reply.ts';
import type { Lang } from '../shared/types.ts';
import { plainReply } from './reply.ts';
import { createRatings, type FeedbackClick, type FeedbackOptions } from './feedback.ts';

/** Who is asking, as opaque keys: the core knows no platform. */
export interface Requester {
  /** `discord:<channel>`, `slack:<team>:<channel>[:<thread>]`, `terminal`… follow-ups are per conversation. */
  conversationKey: string;
  /** `discord:<user>`, `slack:<team>:<user>`…: rate limits are per user. */
  userKey: string;
  /** The user's locale, when the platform gives one; the question's own language wins. */
  lang?: Lang;
  /** The channel, for commands that act on it (`discord:<channel>`, `slack:<channel>`): scheduled briefings. */
  channelKey?: string;
  /** The platform says this user may manage the channel's scheduled briefings. */
  canManage?: boolean;
  /** Where no rating buttons can be shown (Slack's App Home): answers are not offered for rating. */
  unrated?: boolean;
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
  /** Articles whose id or title matches what was typed so far, best first; all of them, newest first, for nothing typed. */
  suggestArticles(partial: string, options?: { limit?: number }): Article[];
  /** Swaps in new knowledge atomically (hot reload); conversations start afresh. */
  replaceKnowledge(knowledge: Knowledge): void;
  /** A click on an answer's 👍 or 👎: recorded (one vote per user and answer, changeable); the reply says so privately. */
  feedback(click: FeedbackClick, who: Requester): Promise<Reply>;
  /** Whether answers can be rated here (a store keeps the votes): only then do they carry an `answerId`. */
  readonly rates: boolean;
}

/** How a request ended, for metrics: answered, refused (outside the articles), turned away, or anything else (help, lists…). */
export type RequestOutcome = 'answered' | 'refused' | 'rate-limited' | 'too-long' | 'other';

export interface DepecheOptions {
  knowledge: Knowledge;
  /** Without `rateLimit` nobody is limited (the ask CLI, where one person pipes a whole file). */
  config: Pick<Config, 'conversationTtlMs' | 'maxQuestionLength'> & Partial<Pick<Config, 'rateLimit'>>;
  /** The command registry (commands/index.ts), handed in: the core knows no command by name but `ask`. */
  commands: readonly Command[];
  /** Injected for tests; defaults to Date.now. */
  now?: () => number;
  /** Scheduled briefings, for /subscribe, /unsubscribe and /subscriptions; absent without a store. */
  subscriptions?: SubscriptionService;
  /** Where conversations are remembered; in memory (for `conversationTtlMs`) by default. */
  conversations?: ConversationStore;
  /** Called with each question Depeche could not answer (not greetings, not refused for length or rate). */
  onUnanswered?: (question: string) => void;
  /** Where answers people can rate, and their votes, are kept; without it answers carry no rating buttons. */
  feedback?: FeedbackOptions;
  /** Told of every request once it is done (metrics): the command, who asked, how it ended and how long it took. */
  onRequest?: (event: { command: string; userKey: string; outcome: RequestOutcome; ms: number }) => void;
  /** Told of each vote recorded (metrics). */
  onVote?: (helpful: boolean) => void;
}

function outcomeOf(reply: Reply): RequestOutcome {
  return reply.refused ? 'refused' : reply.answered ? 'answered' : 'other';
}

export function createDepeche(options: DepecheOptions): Depeche {
  const now = options.now ?? Date.now;
  const commands = options.commands;
  const byName = new Map(commands.map((command) => [command.name, command]));
  const limiter = options.config.rateLimit ? new RateLimiter({ ...options.config.rateLimit, now }) : undefined;
  let knowledge = options.knowledge;
  let engine: Engine = createEngine(knowledge);
  const conversations = options.conversations ?? memoryConversations({ ttlMs: options.config.conversationTtlMs, now });
  const ratings = options.feedback && createRatings({ ...options.feedback, now });

  /** Replies of cacheable commands for the knowledge of the moment, by name, article, language and flags. */
  let cached = new Map<string, Reply>();

  /**
   * Bounds and rate limits apply to every way in, so they live here and not in each adapter. A message over the limit
   * counts against the rate limit like any other, and only its start is read, for the language of the refusal.
   */
  function guard(text: string, who: Requester): { reply: Reply; outcome: RequestOutcome } | undefined {
    const langOf = () => detectLanguage(text, who.lang ?? 'en');
    if (limiter && !limiter.take(who.userKey)) {
      const lang = langOf();
      return { reply: plainReply(lang, messages[lang].rateLimited, { private: true }), outcome: 'rate-limited' };
    }
    if (text.length > options.config.maxQuestionLength) {
      const lang = langOf();
      return { reply: plainReply(lang, messages[lang].tooLong(options.config.maxQuestionLength)), outcome: 'too-long' };
    }
    return undefined;
  }

  async function runCommand(command: Command, context: CommandContext): Promise<Reply> {
    if (!command.cacheable) return command.run(context);
    const key = `${command.name}\u0000${context.article.id}\u0000${context.lang}\u0000${[...(context.flags ?? [])].sort().join(',')}`;
    let reply = cached.get(key);
    if (!reply) {
      const composed = await command.run(context);
      reply = Object.freeze({ ...composed, sources: Object.freeze([...composed.sources]), suggestions: Object.freeze([...composed.suggestions]) }) as Reply;
      cached.set(key, reply);
    }
    return reply;
  }

  async function run(name: string, args: Record<string, string | undefined>, who: Requester): Promise<Reply> {
    const started = performance.now();
    const { reply, outcome } = await runRequest(name, args, who);
    options.onRequest?.({ command: byName.has(name) ? name : 'unknown', userKey: who.userKey, outcome: outcome ?? outcomeOf(reply), ms: performance.now() - started });
    return reply;
  }

  /** The reply, and how the request ended when the guard turned it away. */
  async function runRequest(name: string, args: Record<string, string | undefined>, who: Requester): Promise<{ reply: Reply; outcome?: RequestOutcome }> {
    const command = byName.get(name);
    const lang = who.lang ?? 'en';
    // The name is what the user typed after a slash: echoed cut short and inert (no markup, mention or link).
    if (!command) return { reply: plainReply(lang, messages[lang].unknownCommand(inert(name, 40))) };
    const text = command.options.filter((o) => o.type !== 'boolean').map((o) => args[o.name] ?? '').join(' ');
    const rejected = guard(text, who);
    if (rejected) return rejected;
    const flags = new Set(command.options.filter((o) => o.type === 'boolean' && args[o.name] === 'true').map((o) => o.name));
    // Resolved once here, so that every command only reads ctx.article.
    const articleOption = command.options.find((o) => o.type === 'article');
    const words = articleOption ? (args[articleOption.name] ?? '').trim() : '';
    const article = words ? findArticles(knowledge, words)[0] : knowledge.newest;
    if (!article) return { reply: noSuchArticleReply(knowledge, words, lang) };
    const reply = await runCommand(command, {
      args,
      flags,
      lang,
      conversationKey: who.conversationKey,
      conversation: {
        get: () => conversations.get(who.conversationKey),
        set: (state) => conversations.set(who.conversationKey, state),
      },
      commands,
      engine,
      knowledge,
      article,
      channelKey: who.channelKey,
      canManage: who.canManage,
      subscriptions: options.subscriptions,
    });
    if (name === 'ask' && reply.refused && args.question?.trim()) options.onUnanswered?.(args.question.trim());
    return { reply: ratings && !who.unrated ? await ratings.offer(reply, name === 'ask' ? (args.question ?? '') : `/${[name, text].join(' ').trim()}`) : reply };
  }

  return {
    commands,
    knowledge: () => knowledge,
    ask: (question, who) => run('ask', { question }, who),
    run,
    // Autocomplete costs time in proportion to what was typed: nothing longer than a question is worth matching.
    suggest: (partial, suggestOptions) => engine.suggest(partial.slice(0, options.config.maxQuestionLength), suggestOptions),
    suggestArticles(partial, suggestOptions = {}) {
      const typed = partial.slice(0, options.config.maxQuestionLength).trim();
      return (typed ? findArticles(knowledge, typed) : [...knowledge.articles]).slice(0, suggestOptions.limit ?? 25);
    },
    rates: ratings !== undefined,
    feedback(click, who) {
      if (!ratings) return Promise.resolve(plainReply(click.lang, messages[click.lang].feedbackOff, { private: true }));
      options.onVote?.(click.helpful);
      return ratings.vote(click, who.userKey);
    },
    replaceKnowledge(next) {
      engine = createEngine(next);
      knowledge = next;
      cached = new Map();
      void conversations.clear();
    },
  };
}
