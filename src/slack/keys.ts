import type { Requester } from '../core/depeche.ts';

/**
 * Opaque keys for the core. A DM or a thread is one conversation; a slash command's ephemeral answers are
 * seen by one user only, so their follow-ups are that user's in that channel.
 */
export function requester(options: { team: string; user: string; channel: string; thread?: string; perUser?: boolean }): Requester {
  const { team, user, channel, thread, perUser } = options;
  const conversation = thread ? `${channel}:${thread}` : perUser ? `${channel}:${user}` : channel;
  return { conversationKey: `slack:${team}:${conversation}`, userKey: `slack:${team}:${user}` };
}
