import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  type JSONEncodable,
} from 'discord.js';
import { messages } from '../core/messages.ts';
import type { FeedbackClick } from '../core/feedback.ts';
import type { Reply } from '../core/reply.ts';

/** Discord's documented limits; a message over any of them is rejected with 50035 Invalid Form Body. */
export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  /** Sum over every embed of a message: titles, descriptions, field names and values, footers. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  buttonLabel: 80,
  customId: 100,
  buttonsPerRow: 5,
} as const;

/** Long quotes drown the answer; a source is a pointer into the article, not a copy of it. */
const QUOTE_MAX = 200;
const ASK_PREFIX = 'ask:';
/** `rate:<y|n>:<lang>:<answer id>`: what a click rates rides in the id (the answer itself is in the store). */
const RATE_BUTTON = /^rate:([yn]):(en|fr):([A-Za-z0-9_-]{1,32})$/;
const COLOR_ANSWER = 0x2b6cb0;
const COLOR_OTHER = 0x718096;

export interface MessageBody {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

/**
 * A body as discord.js takes it in reply(), send()...: embeds and components marked as already in Discord's wire
 * format (JSONEncodable), so that discord.js sends them as they are instead of snake-casing every key of every embed.
 */
export interface DiscordPayload {
  embeds: JSONEncodable<APIEmbed>[];
  components: JSONEncodable<APIActionRowComponent<APIButtonComponent>>[];
}

const rendered = new WeakMap<Reply, DiscordPayload[]>();

/**
 * renderReply as discord.js payloads. A frozen reply (a cacheable command's, handed out again and again) cannot
 * change, so it is rendered once.
 */
export function discordPayloads(reply: Reply): DiscordPayload[] {
  const kept = rendered.get(reply);
  if (kept) return kept;
  const payloads = renderReply(reply).map((body) => ({ embeds: body.embeds.map(asIs), components: body.components.map(asIs) }));
  if (Object.isFrozen(reply)) rendered.set(reply, payloads);
  return payloads;
}

function asIs<T>(data: T): JSONEncodable<T> {
  return { toJSON: () => data };
}

/** The question a suggestion button asks, or undefined if the id is not one of ours. */
export function questionOfButton(customId: string): string | undefined {
  return customId.startsWith(ASK_PREFIX) ? customId.slice(ASK_PREFIX.length) : undefined;
}

/** The vote a 👍 or 👎 button stands for, or undefined if the id is not one of those. */
export function voteOfButton(customId: string): FeedbackClick | undefined {
  const match = RATE_BUTTON.exec(customId);
  if (!match) return undefined;
  return { helpful: match[1] === 'y', lang: match[2] as FeedbackClick['lang'], answerId: match[3]! };
}

/**
 * A Reply as one or more Discord messages: the answer in embeds (split at line breaks when long),
 * its sources as short quotes, the credit in the footer; on the last message, 👍 and 👎 when the answer can be
 * rated, and the suggestions as buttons.
 */
export function renderReply(reply: Reply): MessageBody[] {
  const chunks = splitText(reply.text.trim() || '\u200b', LIMITS.description);
  const color = reply.answered ? COLOR_ANSWER : COLOR_OTHER;
  const embeds: APIEmbed[] = chunks.map((description, i) => ({
    color,
    ...(i === 0 && reply.title ? { title: truncate(reply.title, LIMITS.title) } : {}),
    description,
  }));
  const footer = reply.credit ? { text: truncate(reply.credit, LIMITS.footer) } : undefined;
  const fields = sourceFields(reply, LIMITS.embedsTotal - (footer?.text.length ?? 0));
  const last = embeds[embeds.length - 1]!;
  const tail: APIEmbed = { ...last, ...(fields.length ? { fields } : {}), ...(footer ? { footer } : {}) };
  if (embedLength(tail) <= LIMITS.embedsTotal) embeds[embeds.length - 1] = tail;
  else embeds.push({ color, ...(fields.length ? { fields } : {}), ...(footer ? { footer } : {}) });

  const messages: MessageBody[] = [];
  let current: MessageBody = { embeds: [], components: [] };
  let size = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (current.embeds.length === LIMITS.embedsPerMessage || size + length > LIMITS.embedsTotal) {
      messages.push(current);
      current = { embeds: [], components: [] };
      size = 0;
    }
    current.embeds.push(embed);
    size += length;
  }
  current.components = [...ratingButtons(reply), ...suggestionButtons(reply.suggestions)];
  messages.push(current);
  return messages;
}

/** Splits at line breaks, then at spaces, then anywhere: each piece at most `max` characters. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = window.lastIndexOf('\n');
    if (cut <= 0) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]+/, '');
  }
  if (rest.length || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** What Discord counts toward the 6,000 characters of a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Quotes packed into fields of at most 1,024 characters; together they stay under what one embed may hold. */
function sourceFields(reply: Reply, budget: number): APIEmbedField[] {
  const lines = [...new Set(reply.sources.map((source) => `> “${truncate(source.quote.replace(/\s+/g, ' '), QUOTE_MAX)}”`))];
  const name = messages[reply.lang].sources;
  const fields: APIEmbedField[] = [];
  let used = 0;
  for (const value of lines.length ? splitText(lines.join('\n'), LIMITS.fieldValue) : []) {
    const field = { name: fields.length === 0 ? name : `${name} (${fields.length + 1})`, value };
    used += field.name.length + value.length;
    if (used > budget || fields.length === LIMITS.fields) break;
    fields.push(field);
  }
  return fields;
}

/** 👍 and 👎 as the buttons' emoji, labelled in the answer's language: the label is what screen readers say. */
function ratingButtons(reply: Reply): MessageBody['components'] {
  if (!reply.answerId) return [];
  const button = (helpful: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    emoji: { name: helpful ? '👍' : '👎' },
    label: helpful ? messages[reply.lang].helpful : messages[reply.lang].notHelpful,
    custom_id: `rate:${helpful ? 'y' : 'n'}:${reply.lang}:${reply.answerId}`,
  });
  return [{ type: ComponentType.ActionRow, components: [button(true), button(false)] }];
}

function suggestionButtons(suggestions: readonly string[]): MessageBody['components'] {
  // The question rides in the button's id, so a click needs no server-side state; longer ones cannot.
  const fitting = [...new Set(suggestions)].filter((q) => ASK_PREFIX.length + q.length <= LIMITS.customId).slice(0, LIMITS.buttonsPerRow);
  if (!fitting.length) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: fitting.map((question) => ({
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: truncate(question, LIMITS.buttonLabel),
        custom_id: `${ASK_PREFIX}${question}`,
      })),
    },
  ];
}

/** Cut to `max` characters with an ellipsis: for what Discord only shows (titles, labels, choice names). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
