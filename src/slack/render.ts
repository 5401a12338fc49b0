import { unlinked } from '../core/inert.ts';
import type { types } from '@slack/bolt';
import type { FeedbackClick } from '../core/feedback.ts';
import { messages } from '../core/messages.ts';
import type { Reply } from '../core/reply.ts';
import type { Lang } from '../shared/types.ts';
import { slackCommandNames } from './slash.ts';
import { escapeMrkdwn, toMrkdwn, toPlain, truncate, unformatted } from './text.ts';

type KnownBlock = types.KnownBlock;

/** A message for chat.postMessage, chat.postEphemeral or respond(): blocks plus the notification text. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Buttons that ask a suggested question carry this action id prefix; the value is the question. */
export const SUGGESTION_ACTION_PREFIX = 'depeche_suggest_';
export const SUGGESTION_ACTION = new RegExp(`^${SUGGESTION_ACTION_PREFIX}\\d+$`);
/** 👍 and 👎; the value is `<lang>:<answer id>` (the answer itself is in the store). */
export const RATING_ACTION = /^depeche_rate_(helpful|not_helpful)$/;
const RATING_VALUE = /^(en|fr):([A-Za-z0-9_-]{1,32})$/;

// Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks): section text 3,000 characters,
// header 150, button text 75, button value 2,000, 50 blocks in a message.
const SECTION_MAX = 3000;
const HEADER_MAX = 150;
const BUTTON_TEXT_MAX = 75;
const BUTTON_VALUE_MAX = 2000;
const MAX_SOURCES = 20;
const MAX_SUGGESTIONS = 5;

const labels: Record<Lang, { question: string; source: string }> = {
  en: { question: 'Question', source: 'Source' },
  fr: { question: 'Question', source: 'Source' },
};

export interface RenderOptions {
  /** The question as the user asked it, shown above the answer (slash commands and buttons hide it otherwise). */
  question?: string;
  /** Leave out the suggestion buttons (the App Home lists its own). */
  withoutSuggestions?: boolean;
}

/**
 * A Reply as Block Kit: title, question, answer, each source as a quote in a context block, the credit,
 * 👍 and 👎 when the answer can be rated, and suggestion buttons. Every piece of text is escaped: nothing here can ping a channel.
 */
export function renderReply(original: Reply, options: RenderOptions = {}): SlackMessage {
  const reply = { ...original, text: slackCommandNames(original.text) };
  const blocks: KnownBlock[] = [];
  if (reply.title?.trim()) {
    blocks.push({ type: 'header', text: { type: 'plain_text', text: truncate(reply.title, HEADER_MAX), emoji: false } });
  }
  if (options.question?.trim()) {
    // A shared answer must not post the asker's formatting or links under the bot's name.
    const question = escapeMrkdwn(unformatted(unlinked(truncate(options.question, 500))));
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `*${labels[reply.lang].question}:* ${question}` }] });
  }
  for (const chunk of sectionChunks(reply.text)) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk } });
  }
  for (const source of reply.sources.slice(0, MAX_SOURCES)) {
    const quote = escapeMrkdwn(truncate(source.quote, 2000));
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `> _${quote}_` }] });
  }
  if (reply.credit?.trim()) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(reply.credit) }] });
  }
  if (reply.answerId) blocks.push(ratingButtons(reply.lang, reply.answerId));
  // Slack refuses a button with empty text, and with it the whole message.
  const suggestions = reply.suggestions.filter((question) => question.trim());
  if (!options.withoutSuggestions && suggestions.length) {
    blocks.push(suggestionButtons(suggestions));
  }
  return { text: notificationText(reply), blocks };
}

/** 👍 and 👎 with their label in the answer's language, also given to screen readers. */
function ratingButtons(lang: Lang, answerId: string): KnownBlock {
  const button = (helpful: boolean) => {
    const label = helpful ? messages[lang].helpful : messages[lang].notHelpful;
    return {
      type: 'button' as const,
      action_id: helpful ? 'depeche_rate_helpful' : 'depeche_rate_not_helpful',
      text: { type: 'plain_text' as const, text: `${helpful ? '👍' : '👎'} ${label}`, emoji: true },
      accessibility_label: label,
      value: `${lang}:${answerId}`,
    };
  };
  return { type: 'actions', block_id: 'depeche_rating', elements: [button(true), button(false)] };
}

/** The vote a click on 👍 or 👎 stands for, or undefined if it is not one. */
export function voteOfAction(actionId: string, value: string | undefined): FeedbackClick | undefined {
  const kind = RATING_ACTION.exec(actionId)?.[1];
  const match = RATING_VALUE.exec(value ?? '');
  if (!kind || !match) return undefined;
  return { helpful: kind === 'helpful', lang: match[1] as Lang, answerId: match[2]! };
}

/** Up to five buttons, each asking one question when clicked. */
export function suggestionButtons(questions: readonly string[], blockId = 'depeche_suggestions'): KnownBlock {
  return {
    type: 'actions',
    block_id: blockId,
    elements: questions.slice(0, MAX_SUGGESTIONS).map((question, index) => ({
      type: 'button' as const,
      action_id: `${SUGGESTION_ACTION_PREFIX}${index}`,
      text: { type: 'plain_text' as const, text: truncate(question, BUTTON_TEXT_MAX), emoji: false },
      value: truncate(question, BUTTON_VALUE_MAX),
    })),
  };
}

function notificationText(reply: Reply): string {
  const plain = toPlain(reply.title ? `${reply.title}: ${reply.text}` : reply.text).replace(/\s+/g, ' ');
  return escapeMrkdwn(truncate(plain, 300));
}

/** The text as mrkdwn sections of at most 3,000 characters, cut between lines where possible. */
function sectionChunks(markdown: string): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of markdown.split('\n')) {
    const rendered = toMrkdwn(line);
    const pieces = rendered.length > SECTION_MAX ? hardSplit(rendered) : [rendered];
    for (const piece of pieces) {
      if (current && current.length + 1 + piece.length > SECTION_MAX) {
        chunks.push(current);
        current = piece;
      } else {
        current = current ? `${current}\n${piece}` : piece;
      }
    }
  }
  if (current.trim()) chunks.push(current);
  return chunks;
}

/** A line longer than a section: cut at spaces, never inside an entity such as `&amp;`. */
function hardSplit(text: string): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > SECTION_MAX) {
    let cut = rest.lastIndexOf(' ', SECTION_MAX);
    if (cut <= 0) {
      cut = SECTION_MAX;
      const amp = rest.lastIndexOf('&', cut);
      if (amp > cut - 6) cut = amp;
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
