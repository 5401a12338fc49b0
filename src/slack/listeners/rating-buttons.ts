import { answerSafely, teamOf, type SlackListener } from '../deps.ts';
import { requester } from '../keys.ts';
import { RATING_ACTION, renderReply, voteOfAction } from '../render.ts';

/**
 * A click on 👍 or 👎: acked at once, recorded, and thanked only to the clicker through response_url; the
 * answer's message is neither replaced nor posted again.
 */
export const ratingClicks: SlackListener = {
  name: 'rating buttons',
  botEvents: [],
  scopes: [],
  interactive: true,
  register(app, deps) {
    app.action({ type: 'block_actions', action_id: RATING_ACTION }, async ({ ack, action, body, respond, context }) => {
      await ack();
      const click = action.type === 'button' ? voteOfAction(action.action_id, action.value) : undefined;
      if (!click) return;
      const who = requester({ team: teamOf(context, body.team?.id ?? body.user.team_id), user: body.user.id, channel: body.channel?.id ?? `home:${body.user.id}` });
      const reply = await answerSafely(deps, () => deps.depeche.feedback(click, who));
      await respond({ ...renderReply(reply), response_type: 'ephemeral', replace_original: false });
    });
  },
};
