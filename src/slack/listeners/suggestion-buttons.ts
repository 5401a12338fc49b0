import { answerSafely, teamOf, yieldToAcks, type SlackListener } from '../deps.ts';
import { requester } from '../keys.ts';
import { renderReply, SUGGESTION_ACTION } from '../render.ts';

/**
 * A click on a suggested question asks it, where the button was: in the DM or the thread for a message there,
 * in the app's DM for the Home tab, and only to the clicker (through response_url) anywhere else.
 */
export const suggestionClicks: SlackListener = {
  name: 'suggestion buttons',
  botEvents: [],
  scopes: ['chat:write'],
  interactive: true,
  register(app, deps) {
    app.action({ type: 'block_actions', action_id: SUGGESTION_ACTION }, async ({ ack, action, body, client, respond, context }) => {
      await ack();
      await yieldToAcks();
      const question = action.type === 'button' ? action.value : undefined;
      if (!question) return;
      const team = teamOf(context, body.team?.id ?? body.user.team_id);
      const user = body.user.id;
      const channel = body.channel?.id;
      if (body.container.type === 'view' || !channel) {
        const who = requester({ team, user, channel: `home:${user}` });
        const reply = await answerSafely(deps, () => deps.depeche.ask(question, who));
        // Posting to a user id lands in the app's DM with that user (its Messages tab).
        await client.chat.postMessage({ channel: user, ...renderReply(reply, { question }) });
        return;
      }
      const thread = typeof body.message?.thread_ts === 'string' ? body.message.thread_ts : undefined;
      const inDm = channel.startsWith('D');
      if (!body.container.is_ephemeral && (inDm || thread)) {
        const who = requester({ team, user, channel, thread });
        const reply = await answerSafely(deps, () => deps.depeche.ask(question, who));
        const message = renderReply(reply, { question });
        if (reply.private && !inDm) await client.chat.postEphemeral({ channel, user, thread_ts: thread, ...message });
        else await client.chat.postMessage({ channel, thread_ts: thread, ...message });
        return;
      }
      const who = requester({ team, user, channel, perUser: true });
      const reply = await answerSafely(deps, () => deps.depeche.ask(question, who));
      await respond({ ...renderReply(reply, { question }), response_type: 'ephemeral', replace_original: false });
    });
  },
};
