import type { Message } from 'discord.js';
import type { Depeche } from '../core/depeche.ts';
import { messages } from '../core/messages.ts';
import { plainReply } from '../core/reply.ts';
import type { Logger } from '../logger.ts';
import { logDiscordError } from './api-errors.ts';
import { requester } from './interactions.ts';
import { discordPayloads } from './render.ts';

/**
 * Free-form questions: every message of a DM, and messages that mention Depeche in a server channel
 * (answered as a reply to them). Bots, Depeche included, are never answered: two bots would talk forever.
 */
export async function handleMessage(message: Message, ctx: { depeche: Depeche; logger: Logger }): Promise<void> {
  if (message.author.bot || message.system) return;
  const botId = message.client.user.id;
  if (message.inGuild() && !message.mentions.users.has(botId)) return;
  // The mention is how the user called Depeche, not part of the question.
  const question = message.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
  // No locale on messages: the core reads the language from the question itself.
  const reply = await ctx.depeche.ask(question, requester(message.channelId, message.author.id)).catch((error: unknown) => {
    logDiscordError(ctx.logger, 'answering a message', error);
    return plainReply('en', messages.en.internalError);
  });
  const channel = message.channel;
  if (!channel.isSendable()) return;
  const [first, ...rest] = discordPayloads(reply);
  if (message.inGuild()) await message.reply(first!);
  else await channel.send(first!);
  for (const body of rest) await channel.send(body);
}
