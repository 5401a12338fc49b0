import type { App } from '@slack/bolt';
import type { SlackDeps, SlackListener } from '../deps.ts';
import { appHome } from './app-home.ts';
import { directMessages } from './direct-messages.ts';
import { mentions } from './mentions.ts';
import { ratingClicks } from './rating-buttons.ts';
import { slashCommand } from './slash-command.ts';
import { suggestionClicks } from './suggestion-buttons.ts';

/** Everything Depeche listens to on Slack; the manifest test checks slack/manifest.json against this list. */
export const listeners: readonly SlackListener[] = [slashCommand, directMessages, mentions, appHome, suggestionClicks, ratingClicks];

export function registerListeners(app: App, deps: SlackDeps): void {
  for (const listener of listeners) listener.register(app, deps);
}

export { SLASH_COMMAND, SHARE_WORDS } from './slash-command.ts';
