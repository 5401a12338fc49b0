import { parseCommandLine, type CommandLine } from '../../core/command-line.ts';
import { answerSafely, teamOf, yieldToAcks, type SlackListener } from '../deps.ts';
import { requester } from '../keys.ts';
import { renderReply } from '../render.ts';
import { SHARE_WORDS, SLASH_COMMAND } from '../slash.ts';
import { fromSlackText } from '../text.ts';

export { SHARE_WORDS, SLASH_COMMAND } from '../slash.ts';

/** `share numbers` → share, numbers; `` → help; `how many…` → ask. */
export function parseSlashText(text: string, commands: Parameters<typeof parseCommandLine>[1]): { share: boolean; line: CommandLine } {
  const trimmed = text.trim();
  const first = trimmed.split(/\s+/, 1)[0]?.toLowerCase() ?? '';
  const share = SHARE_WORDS.includes(first);
  const rest = share ? trimmed.slice(first.length).trim() : trimmed;
  const line = rest ? parseCommandLine(rest, commands) : { name: 'help', args: {} };
  return { share, line };
}

/** `/depeche <command or question>`: acked at once, answered through response_url, ephemeral unless shared. */
export const slashCommand: SlackListener = {
  name: 'slash command',
  botEvents: [],
  scopes: ['commands'],
  slashCommand: SLASH_COMMAND,
  register(app, deps) {
    app.command(SLASH_COMMAND, async ({ command, ack, respond, context }) => {
      await ack();
      await yieldToAcks();
      const { share, line } = parseSlashText(fromSlackText(command.text ?? ''), deps.depeche.commands);
      const who = {
        ...requester({ team: teamOf(context, command.team_id), user: command.user_id, channel: command.channel_id, perUser: true }),
        // Scheduled briefings: the channel by its id alone (one bot token serves one workspace), as BRIEFING_CHANNELS names it.
        channelKey: `slack:${command.channel_id}`,
        canManage: !deps.adminUserIds?.length || deps.adminUserIds.includes(command.user_id),
      };
      const reply = await answerSafely(deps, () => deps.depeche.run(line.name, line.args, who));
      const message = renderReply(reply, { question: line.name === 'ask' ? line.args.question : undefined });
      await respond({ ...message, response_type: share && !reply.private ? 'in_channel' : 'ephemeral' });
    });
  },
};
