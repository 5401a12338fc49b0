import { REST, Routes } from 'discord.js';
import type { Command } from '../core/command.ts';
import type { DiscordConfig } from '../config.ts';
import { commandData } from './command-data.ts';

export interface DeployResult {
  scope: 'global' | 'guild';
  names: string[];
}

/**
 * Registers the registry's commands, replacing what was there (PUT): to one guild when a guild id is set
 * (visible at once, for testing), else globally (Discord may take up to an hour to show changes).
 */
export async function deployCommands(config: DiscordConfig, commands: readonly Command[]): Promise<DeployResult> {
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const route = config.guildId ? Routes.applicationGuildCommands(config.applicationId, config.guildId) : Routes.applicationCommands(config.applicationId);
  const saved = (await rest.put(route, { body: commandData(commands) })) as { name: string }[];
  return { scope: config.guildId ? 'guild' : 'global', names: saved.map((command) => command.name) };
}
