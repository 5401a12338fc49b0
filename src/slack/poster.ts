import { webApi } from '@slack/bolt';
import type { ChannelPoster, PostOutcome } from '../briefing/poster.ts';
import type { Reply } from '../core/reply.ts';
import { renderReply } from './render.ts';

/** chat.postMessage errors that mean the bot cannot post to the channel any more (until someone acts). */
const GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'channel_is_archived', 'restricted_action', 'team_access_not_granted']);

/**
 * Posts scheduled briefings to Slack channels by id. The Web API client waits out HTTP 429s within its retry
 * budget; a `ratelimited` that still comes back is a `retry` for the scheduler.
 */
export function slackPoster(client: webApi.WebClient): ChannelPoster {
  return {
    platform: 'slack',
    async post(channelId: string, reply: Reply): Promise<PostOutcome> {
      try {
        await client.chat.postMessage({ channel: channelId, ...renderReply(reply), unfurl_links: false, unfurl_media: false });
        return { status: 'ok' };
      } catch (error) {
        const e = error as { code?: string; data?: { error?: string }; retryAfter?: number; message?: string };
        if (e.code === webApi.ErrorCode.RateLimitedError) return { status: 'retry', reason: 'ratelimited', afterMs: (e.retryAfter ?? 1) * 1000 };
        const code = e.data?.error;
        if (code && GONE.has(code)) return { status: 'gone', reason: code };
        if (code === 'ratelimited') return { status: 'retry', reason: code, afterMs: 1000 };
        return { status: 'failed', reason: code ?? e.message ?? String(error) };
      }
    },
  };
}
