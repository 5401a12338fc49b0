/**
 * Slack's text formats, both ways. Slack escapes `&`, `<` and `>` in what users type and writes mentions and
 * links as `<@U123>`, `<!here>`, `<https://…|label>`: see https://docs.slack.dev/messaging/formatting-message-text.
 */

/** Makes text safe to show in mrkdwn: `<!channel>` or `<@U1>` shows as typed and never pings. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A user's text shown as typed, without its formatting taking effect: a zero-width space after each of mrkdwn's markers
 * (`*bold*`, `_italics_`, `~strike~`, `` `code` ``) keeps it from enclosing a word, the usual way to show them in Slack.
 */
export function unformatted(text: string): string {
  return text.replace(/[*_~`]/g, '$&\u200b');
}

/** What a user typed, as plain text for the core: entities decoded, mentions of the bot itself removed. */
export function fromSlackText(text: string, options: { botUserId?: string } = {}): string {
  let plain = text;
  if (options.botUserId) plain = plain.split(`<@${options.botUserId}>`).join(' ');
  return plain
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const BOLD = '\uE000';

/**
 * The core's light markdown (**bold**, *italics*, "- " bullets) as Slack mrkdwn (*bold*, _italics_, "• "),
 * escaped first so that nothing in it can become a mention or a link.
 */
export function toMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown)
    .replace(/\*\*(.+?)\*\*/g, `${BOLD}$1${BOLD}`)
    .replace(/(^|[^\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1_$2_')
    .replace(new RegExp(BOLD, 'g'), '*')
    .replace(/^- /gm, '• ');
}

/** Markdown markers removed, for the notification text that goes with blocks. */
export function toPlain(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, '$1').replace(/(^|[^\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1$2');
}

/** Cuts text to `max` characters, with an ellipsis when it had to cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
