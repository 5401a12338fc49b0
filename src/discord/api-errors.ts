import { DiscordAPIError } from 'discord.js';
import type { Logger } from '../logger.ts';

/**
 * Logs a failed Discord call and swallows it: one lost reply (10062 Unknown interaction, 50013 Missing
 * Permissions, 50001 Missing Access...) must never take the bot down for everyone else.
 */
export function logDiscordError(logger: Logger, what: string, error: unknown): void {
  if (error instanceof DiscordAPIError) {
    // Interaction and webhook tokens sit in the URL; they are credentials for 15 minutes.
    const route = error.url.replace(/\/(interactions\/\d+|webhooks\/\d+)\/[^/?]+/, '/$1/[token]').replace(/^.*\/v\d+/, '');
    logger.warn({ code: error.code, status: error.status, method: error.method, route }, `${what}: Discord API error ${error.code}: ${error.message}`);
  } else {
    // The Error itself, not `{ err }`: see start.ts.
    logger.error(error instanceof Error ? error : new Error(String(error)), `${what} failed`);
  }
}

/** Runs an event handler so that nothing it throws escapes as an unhandled rejection. */
export function guarded(logger: Logger, what: string, handler: () => Promise<unknown>): void {
  handler().catch((error: unknown) => logDiscordError(logger, what, error));
}
