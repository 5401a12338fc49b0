import { answerSafely, teamOf, type SlackListener } from '../deps.ts';
import { requester } from '../keys.ts';
import { renderReply } from '../render.ts';
import { fromSlackText } from '../text.ts';

/** `@Depeche how many…` in a channel: answered in a thread on that message; the thread is the conversation. */
export const mentions: SlackListener = {
  name: 'mentions',
  botEvents: ['app_mention'],
  scopes: ['app_mentions:read', 'chat:write'],
  register(app, deps) {
    app.event('app_mention', async ({ event, client, context }) => {
      if (!event.user || event.bot_id) return;
      const thread = event.thread_ts ?? event.ts;
      const text = fromSlackText(event.text, { botUserId: context.botUserId });
      const who = requester({ team: teamOf(context), user: event.user, channel: event.channel, thread });
      const reply = await answerSafely(deps, () => deps.depeche.ask(text, who));
      const message = renderReply(reply);
      if (reply.private) {
        await client.chat.postEphemeral({ channel: event.channel, user: event.user, thread_ts: thread, ...message });
      } else {
        await client.chat.postMessage({ channel: event.channel, thread_ts: thread, ...message });
      }
    });
  },
};
