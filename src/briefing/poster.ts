import type { Reply } from '../core/reply.ts';

/**
 * What became of one post. `gone`: the channel cannot be posted to any more (deleted, access removed, archived),
 * so it is marked and skipped; `retry`: a rate limit, safe to try again after `afterMs` because nothing was posted;
 * `failed`: anything else. A failure is not retried: the message might have gone out, and twice is worse than once.
 */
export type PostOutcome = { status: 'ok' } | { status: 'gone'; reason: string } | { status: 'retry'; reason: string; afterMs: number } | { status: 'failed'; reason: string };

/** One platform's way to post a reply to a channel, by the channel's id on that platform. */
export interface ChannelPoster {
  /** The prefix of its channel keys: `discord` for `discord:<id>`. */
  platform: string;
  post(channelId: string, reply: Reply): Promise<PostOutcome>;
}

/** `discord:123` → { platform: 'discord', id: '123' }. */
export function splitChannelKey(key: string): { platform: string; id: string } {
  const colon = key.indexOf(':');
  return colon < 0 ? { platform: key, id: '' } : { platform: key.slice(0, colon), id: key.slice(colon + 1) };
}
