import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { Depeche, Requester } from '../core/depeche.ts';
import { messages } from '../core/messages.ts';
import { plainReply, type Reply } from '../core/reply.ts';
import type { Lang } from '../shared/types.ts';
import type { Logger } from '../logger.ts';
import { logDiscordError } from './api-errors.ts';
import { discordPayloads, questionOfButton, truncate, voteOfButton } from './render.ts';

/** Discord drops an interaction whose first response comes later than this after it was created. */
const DISCORD_DEADLINE_MS = 3000;
/** Room kept for the response's own trip to Discord, and for clocks that disagree a little. */
const SAFETY_MARGIN_MS = 1000;
const AUTOCOMPLETE_CHOICES = 25;
const CHOICE_MAX = 100;

export interface InteractionContext {
  depeche: Depeche;
  logger: Logger;
  /** An answer not ready after this long is deferred ("Depeche is thinking…") and edited in when ready. */
  deferAfterMs: number;
}

/** A Discord locale ("fr", "en-US", "en-GB") as the language to answer in when the text gives no cue. */
export function localeLang(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function requester(channelId: string, userId: string, lang?: Lang): Requester {
  return { conversationKey: `discord:${channelId}`, userKey: `discord:${userId}`, ...(lang ? { lang } : {}) };
}

export async function handleInteraction(interaction: Interaction, ctx: InteractionContext): Promise<void> {
  if (interaction.isAutocomplete()) return suggest(interaction, ctx);
  if (interaction.isChatInputCommand()) return runCommand(interaction, ctx);
  if (interaction.isButton()) return voteOfButton(interaction.customId) ? rate(interaction, ctx) : askSuggestion(interaction, ctx);
}

async function suggest(interaction: AutocompleteInteraction, ctx: InteractionContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  const option = ctx.depeche.commands.find((command) => command.name === interaction.commandName)?.options.find((o) => o.name === focused.name);
  if (option?.type === 'article') return suggestArticles(interaction, ctx, typed);
  // A choice's value is what Discord sends back as the option: one cut short would ask another question.
  const choices = ctx.depeche
    .suggest(typed, { limit: AUTOCOMPLETE_CHOICES, lang: localeLang(interaction.locale) })
    .filter((question) => question.length <= CHOICE_MAX)
    .slice(0, AUTOCOMPLETE_CHOICES)
    .map((question) => ({ name: question, value: question }));
  await interaction.respond(choices);
}

/** Titles to pick from, in the user's language (a name is only shown: cutting it short is harmless); the value sent back is the article's id, which selects it exactly. */
async function suggestArticles(interaction: AutocompleteInteraction, ctx: InteractionContext, typed: string): Promise<void> {
  const lang = localeLang(interaction.locale);
  const choices = ctx.depeche
    .suggestArticles(typed, { limit: AUTOCOMPLETE_CHOICES })
    .map((article) => ({ name: truncate(article.title[lang], CHOICE_MAX), value: article.id }))
    .filter((choice) => choice.value.length <= CHOICE_MAX);
  await interaction.respond(choices);
}

async function runCommand(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const args = Object.fromEntries(interaction.options.data.map((option) => [option.name, option.value === undefined ? undefined : String(option.value)]));
  const who = { ...requester(interaction.channelId, interaction.user.id, localeLang(interaction.locale)), ...channelRights(interaction) };
  const wantsPrivate = interaction.options.getBoolean('private') === true;
  await respond(interaction, ctx, wantsPrivate, () => ctx.depeche.run(interaction.commandName, args, who));
}

/**
 * Scheduled briefings belong to server channels, and only members with Manage Channels may change them: the same
 * permission the commands' default_member_permissions asks Discord for, checked again in case a server opened them up.
 */
function channelRights(interaction: ChatInputCommandInteraction): Pick<Requester, 'channelKey' | 'canManage'> {
  if (!interaction.inGuild()) return {};
  return { channelKey: `discord:${interaction.channelId}`, canManage: interaction.memberPermissions.has(PermissionFlagsBits.ManageChannels) };
}

async function askSuggestion(interaction: ButtonInteraction, ctx: InteractionContext): Promise<void> {
  const question = questionOfButton(interaction.customId);
  if (question === undefined) return;
  const who = requester(interaction.channelId, interaction.user.id, localeLang(interaction.locale));
  // A button under a private answer answers privately too.
  const wantsPrivate = interaction.message.flags.has(MessageFlags.Ephemeral);
  await respond(interaction, ctx, wantsPrivate, () => ctx.depeche.ask(question, who));
}

/**
 * A 👍 or 👎: recorded, and thanked in a private reply; the answer's message is neither edited nor posted again.
 * Acknowledged like any answer (replied within the deadline, else deferred privately and edited in).
 */
async function rate(interaction: ButtonInteraction, ctx: InteractionContext): Promise<void> {
  const click = voteOfButton(interaction.customId)!;
  const who = requester(interaction.channelId, interaction.user.id, click.lang);
  await respond(interaction, ctx, true, () => ctx.depeche.feedback(click, who));
}

type Answerable = ChatInputCommandInteraction | ButtonInteraction;

/**
 * Answers within Discord's 3 seconds: directly when the reply is ready in time, else by deferring first and
 * editing the answer in. The time left is counted from the interaction's creation, so a late delivery defers sooner.
 */
async function respond(interaction: Answerable, ctx: InteractionContext, wantsPrivate: boolean, produce: () => Promise<Reply>): Promise<void> {
  const fallbackLang = localeLang(interaction.locale);
  const pending = produce().catch((error: unknown) => {
    logDiscordError(ctx.logger, `answering ${interaction.isChatInputCommand() ? `/${interaction.commandName}` : 'a button'}`, error);
    return plainReply(fallbackLang, messages[fallbackLang].internalError, { private: true });
  });
  const budget = Math.min(ctx.deferAfterMs, interaction.createdTimestamp + DISCORD_DEADLINE_MS - SAFETY_MARGIN_MS - Date.now());
  const early = await within(pending, budget);
  const flags = (reply: Reply) => (reply.private || wantsPrivate ? MessageFlags.Ephemeral : undefined);

  if (early) {
    const [first, ...rest] = discordPayloads(early);
    await interaction.reply({ ...first!, flags: flags(early) });
    for (const body of rest) await interaction.followUp({ ...body, flags: flags(early) });
    return;
  }
  await interaction.deferReply({ flags: wantsPrivate ? MessageFlags.Ephemeral : undefined });
  const reply = await pending;
  const [first, ...rest] = discordPayloads(reply);
  if (reply.private && !wantsPrivate) {
    // A public "thinking…" cannot turn private: replace it with a private follow-up.
    await interaction.deleteReply().catch((error: unknown) => logDiscordError(ctx.logger, 'deleting the deferred reply', error));
    await interaction.followUp({ ...first!, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.editReply(first!);
  }
  for (const body of rest) await interaction.followUp({ ...body, flags: flags(reply) });
}

/** The promise's value if it settles within `ms`, else undefined (the promise keeps running). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  if (ms <= 0) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
