import { commands } from '../../commands/index.ts';

/** Depeche's one slash command: slash commands share a workspace's namespace, so the registry lives under it. */
export const SLASH_COMMAND = '/depeche';

/** A first word that posts the answer to the channel instead of showing it to the asker only. */
export const SHARE_WORDS: readonly string[] = ['share', 'partager'];

const commandMention = new RegExp(`(^|[^\\w/])/(${commands.map((command) => command.name).join('|')})(?![\\w-])`, 'g');

/** The core writes commands as `/numbers` (Discord, terminal); on Slack they are `/depeche numbers`. */
export function slackCommandNames(text: string): string {
  return text.replace(commandMention, `$1${SLASH_COMMAND} $2`);
}
