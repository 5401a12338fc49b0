import type { ConversationState } from './conversations.ts';
import type { Reply } from './reply.ts';
import type { Lang } from '../shared/types.ts';
import type { Engine } from '../engine/engine.ts';
import type { Article, Knowledge } from '../knowledge/types.ts';
import type { SubscriptionService } from '../briefing/subscriptions.ts';

export interface CommandOption {
  name: string;
  description: { en: string; fr: string };
  /**
   * `boolean` options are flags (Discord's "private"). `article` is text that names an article (by id or words of its
   * title): the core resolves it into `ctx.article`; Discord offers the titles as autocomplete. Typed after a command
   * (Slack, terminal, ask CLI), the free text goes to the first `string` or `article` option.
   */
  type: 'string' | 'boolean' | 'article';
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
  /** What this conversation remembers (last topic, last suggestions), kept by the core's ConversationStore. */
  conversation: {
    get(): Promise<ConversationState | undefined>;
    set(state: ConversationState): Promise<void>;
  };
  /** The registry, for replies that list what Depeche can do. */
  commands: readonly Command[];
  engine: Engine;
  knowledge: Knowledge;
  /** The article the command is about: the one its `article` option named, else the newest. */
  article: Article;
  /** The channel the command was typed in (`discord:<id>`, `slack:<id>`); absent where nothing is posted (terminal). */
  channelKey?: string;
  /** Whether the user may change the channel's scheduled briefings (set by the adapter from the platform's permissions). */
  canManage?: boolean;
  /** Scheduled briefings; absent when Depeche runs without a store. */
  subscriptions?: SubscriptionService;
}

/** A command is plain data plus one function; adapters render what `run` returns and post it. */
export interface Command {
  name: string;
  description: { en: string; fr: string };
  options: CommandOption[];
  /**
   * `manage-channel`: only for members who can manage the channel (Discord: Manage Channels, as the command's
   * default_member_permissions, in servers only; Slack: SLACK_ADMIN_USER_IDS when set).
   */
  requires?: 'manage-channel';
  /**
   * What the command cannot work without: a channel to act on, the store of scheduled briefings. Where one is
   * missing (the terminal chat has neither), the command refuses and /help does not list it.
   */
  needs?: readonly CommandNeed[];
  /**
   * The reply depends on nothing but the article, the language and the flags (the figures, the briefing...): the
   * core composes it once per knowledge and hands out that same, frozen reply, which adapters may render once too.
   */
  cacheable?: boolean;
  run(ctx: CommandContext): Reply | Promise<Reply>;
}

export type CommandNeed = 'channel' | 'subscriptions';

/** Whether everything the command needs is there, in this context. */
export function isAvailable(command: Pick<Command, 'needs'>, ctx: Pick<CommandContext, 'channelKey' | 'subscriptions'>): boolean {
  return (command.needs ?? []).every((need) => (need === 'channel' ? ctx.channelKey !== undefined : ctx.subscriptions !== undefined));
}
