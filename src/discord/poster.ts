import { DiscordAPIError, RateLimitError, Routes, type REST } from 'discord.js';
import type { ChannelPoster, PostOutcome } from '../briefing/poster.ts';
import type { Reply } from '../core/reply.ts';
import { renderReply } from './render.ts';

/** Answers that mean the bot cannot post to the channel any more: retrying would fail the same way forever. */
const GONE: Record<number, string> = {
  10003: 'Unknown Channel',
  50001: 'Missing Access',
  50013: 'Missing Permissions',
};

/**
 * Posts scheduled briefings to Discord channels by id, with one REST call per message (no channel fetch, no cache).
 * @discordjs/rest waits out 429s by itself; one that still surfaces (rejectOnRateLimit) is a `retry`.
 */
export function discordPoster(rest: REST): ChannelPoster {
  return {
    platform: 'discord',
    async post(channelId: string, reply: Reply): Promise<PostOutcome> {
      try {
        for (const body of renderReply(reply)) {
          // allowed_mentions on every message: the client's default does not apply to raw REST calls.
          await rest.post(Routes.channelMessages(channelId), { body: { ...body, allowed_mentions: { parse: [] } } });
        }
        return { status: 'ok' };
      } catch (error) {
        if (error instanceof DiscordAPIError && typeof error.code === 'number' && GONE[error.code]) {
          return { status: 'gone', reason: `${error.code} ${GONE[error.code]}` };
        }
        if (error instanceof RateLimitError) return { status: 'retry', reason: 'rate limited', afterMs: error.retryAfter };
        if (error instanceof DiscordAPIError) return { status: 'failed', reason: `${error.status} ${error.code}: ${error.message}` };
        return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
