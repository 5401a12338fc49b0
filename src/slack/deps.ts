import type { App, Context } from '@slack/bolt';
import type { Depeche } from '../core/depeche.ts';
import { messages } from '../core/messages.ts';
import { plainReply, type Reply } from '../core/reply.ts';
import type { Logger } from '../logger.ts';

/** What every listener is given. */
export interface SlackDeps {
  depeche: Depeche;
  logger: Logger;
  /** SLACK_ADMIN_USER_IDS: who may change a channel's scheduled briefings; empty or absent means anyone. */
  adminUserIds?: readonly string[];
}

/** One kind of thing Depeche listens to on Slack, with what it needs in the app manifest. */
export interface SlackListener {
  name: string;
  /** Events API subscriptions (manifest `settings.event_subscriptions.bot_events`). */
  botEvents: string[];
  /** Bot token scopes its handlers use. */
  scopes: string[];
  /** The slash command it serves. */
  slashCommand?: string;
  /** Whether it needs interactivity (buttons). */
  interactive?: boolean;
  register(app: App, deps: SlackDeps): void;
}

/**
 * The core's answer, or a short apology when it throws: the error is logged here, once, and the user
 * still gets a reply. Slack API failures are not caught here: they go to Bolt's error handler.
 */
export async function answerSafely(deps: SlackDeps, work: () => Promise<Reply>): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    // The Error itself as first argument: the logger's secret scrubbing keeps an Error's message and stack.
    deps.logger.error(error instanceof Error ? error : new Error(String(error)), 'slack: the core failed to answer');
    return plainReply('en', messages.en.internalError, { private: true });
  }
}

/**
 * Lets other requests waiting on the event loop be acknowledged before this one does its CPU-bound work:
 * an answer takes tens of milliseconds, and Slack's 3-second deadline applies to every ack in the queue.
 */
export function yieldToAcks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function teamOf(context: Context, fallback?: string): string {
  return context.teamId ?? context.enterpriseId ?? fallback ?? 'unknown';
}
