import { answerSafely, teamOf, type SlackListener } from '../deps.ts';
import { requester } from '../keys.ts';
import { renderReply } from '../render.ts';
import { fromSlackText } from '../text.ts';

/** A message in the app's DM is a question, answered in the DM (in its thread when it has one). */
export const directMessages: SlackListener = {
  name: 'direct messages',
  botEvents: ['message.im'],
  scopes: ['im:history', 'chat:write'],
  register(app, deps) {
    // app.event('message.im') throws in Bolt: message events are told apart by channel_type.
    app.message(async ({ message, client, context }) => {
      if (message.subtype !== undefined || message.channel_type !== 'im' || message.bot_id) return;
      const text = fromSlackText(message.text ?? '', { botUserId: context.botUserId });
      const who = requester({ team: teamOf(context), user: message.user, channel: message.channel, thread: message.thread_ts });
      const reply = await answerSafely(deps, () => deps.depeche.ask(text, who));
      await client.chat.postMessage({ channel: message.channel, thread_ts: message.thread_ts, ...renderReply(reply) });
    });
  },
};
