import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../core/command.ts';

/**
 * The registry as Discord application commands. Built with discord.js's builders, whose `toJSON()`
 * validates names, description lengths and option order: a bad registry fails here, not at Discord.
 */
export function commandData(commands: readonly Command[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((command) => {
    const builder = new SlashCommandBuilder()
      .setName(command.name)
      .setDescription(command.description.en)
      .setDescriptionLocalizations({ fr: command.description.fr })
      // Usable in servers and in the bot's DMs, where every message is a question too.
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
    if (command.requires === 'manage-channel') {
      // Discord hides it from members without Manage Channels (server admins can change that per command) and
      // it makes no sense in DMs: a channel's scheduled briefings are the channel managers' call.
      builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels).setContexts(InteractionContextType.Guild);
    }
    for (const option of command.options) {
      const describe = <T extends { setName(n: string): T; setDescription(d: string): T; setDescriptionLocalizations(l: { fr: string }): T; setRequired(r: boolean): T }>(o: T): T =>
        o.setName(option.name).setDescription(option.description.en).setDescriptionLocalizations({ fr: option.description.fr }).setRequired(option.required);
      if (option.type === 'boolean') {
        builder.addBooleanOption((o) => describe(o));
      } else {
        builder.addStringOption((o) => {
          // An article option offers the articles' titles as the user types (handled in interactions.ts).
          describe(o).setAutocomplete(option.type === 'article' || (option.autocomplete ?? false));
          return option.maxLength ? o.setMaxLength(option.maxLength) : o;
        });
      }
    }
    return builder.toJSON();
  });
}
