import type { types } from '@slack/bolt';
import type { Depeche } from '../../core/depeche.ts';
import type { Reply } from '../../core/reply.ts';
import { answerSafely, teamOf, type SlackListener } from '../deps.ts';
import { renderReply, suggestionButtons } from '../render.ts';
import { SLASH_COMMAND } from '../slash.ts';

/** The Home tab: the briefing, example questions as buttons, and how to ask. Published on each opening. */
export const appHome: SlackListener = {
  name: 'app home',
  botEvents: ['app_home_opened'],
  scopes: [],
  register(app, deps) {
    app.event('app_home_opened', async ({ event, client, context }) => {
      if (event.tab !== 'home') return;
      // Its own rate-limit key: opening the tab is not a question and must not use up the user's. Unrated: a click
      // in the Home tab has no response_url to thank the user privately through.
      const key = `slack:${teamOf(context)}:home:${event.user}`;
      const briefing = await answerSafely(deps, () => deps.depeche.run('briefing', {}, { conversationKey: key, userKey: key, unrated: true }));
      await client.views.publish({ user_id: event.user, view: homeView(deps.depeche, briefing) });
    });
  },
};

export function homeView(depeche: Depeche, briefing: Reply): types.HomeView {
  const examples = depeche.suggest('', { limit: 5, lang: 'en' });
  const commandList = depeche.commands.map((command) => `\`${SLASH_COMMAND} ${command.name}\``).join(' · ');
  const blocks: types.KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          '*Depeche* answers questions about news articles, from verified summaries of them, in English or French. ' +
          `Ask with \`${SLASH_COMMAND} <question>\` in any channel, mention me, or write to me in the Messages tab.`,
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: commandList }] },
    { type: 'divider' },
    ...renderReply(briefing, { withoutSuggestions: true }).blocks,
  ];
  if (examples.length) {
    blocks.push({ type: 'divider' }, { type: 'section', text: { type: 'mrkdwn', text: '*Try asking*' } }, suggestionButtons(examples, 'depeche_home_examples'));
  }
  return { type: 'home', blocks };
}
