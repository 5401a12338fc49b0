import { messages } from '../core/messages.ts';
import type { Reply } from '../core/reply.ts';
import type { Lang, Source } from '../shared/types.ts';
import { quoted } from './quotes.ts';
import { plainStyle, type TerminalStyle } from './style.ts';
import { layout, type Block } from './wrap.ts';

export interface RenderOptions {
  style?: TerminalStyle;
  /** Wrap at word boundaries within this many columns; no wrapping when absent (a pipe, a file). */
  width?: number;
  /** The language of a source's quote (its article's), so that a quote in another language than the answer is marked as the original. */
  quoteLanguage?: (source: Source) => Lang | undefined;
}

/**
 * A reply as the terminal shows it to people: title, text, numbered suggestions, quotes of the article, credit.
 * Control characters are dropped first: text echoed from a user (an unknown command's name) must not drive the
 * terminal (colours, cursor moves, a bell).
 */
export function renderText(raw: Reply, options: RenderOptions = {}): string {
  const reply = withoutControls(raw);
  const style = options.style ?? plainStyle;
  const t = messages[reply.lang];
  const blocks: Block[] = [];
  if (reply.title) blocks.push({ text: reply.title, paint: style.title });

  // Suggestions are numbered, in the text (a refusal's "Did you mean") or after it: typing the number asks one.
  let text = reply.text;
  reply.suggestions.forEach((question, i) => {
    text = text.replace(`- ${question}`, `  ${i + 1}. ${question}`);
  });
  for (const line of text.split('\n')) {
    const [, prefix = '', rest = ''] = /^(\s*(?:- |\d+\. )?)(.*)$/.exec(line) ?? [];
    const numbered = /^\s*\d+\. $/.test(prefix) && reply.suggestions.includes(rest);
    blocks.push({ prefix, text: rest.replace(/\*\*(.+?)\*\*/g, (_, inner: string) => style.bold(inner)), paint: numbered ? style.suggestion : undefined });
  }
  const unlisted = reply.suggestions.filter((question) => !reply.text.includes(question));
  if (unlisted.length > 0) {
    blocks.push({ text: '' }, { text: reply.refused ? t.didYouMean : t.tryThese, paint: style.heading });
    for (const question of unlisted) blocks.push({ prefix: `  ${reply.suggestions.indexOf(question) + 1}. `, text: question, paint: style.suggestion });
  }

  blocks.push(...sourceBlocks(reply, options.quoteLanguage, style));
  if (reply.credit) blocks.push({ text: reply.credit, paint: style.credit });
  return layout(blocks, options.width);
}

/**
 * The quotes, without the ids of the knowledge (those are for scripts: `ask --json`). A quote the credit line
 * already shows word for word (the publisher's name, cited by /sources) is not repeated. Quotes in another
 * language than the answer are marked as the original: in the heading when they all are, else each one.
 */
function sourceBlocks(reply: Reply, quoteLanguage: RenderOptions['quoteLanguage'], style: TerminalStyle): Block[] {
  const sources = reply.sources.filter((source) => !reply.credit?.includes(source.quote));
  if (sources.length === 0) return [];
  const t = messages[reply.lang];
  const foreign = sources.map((source) => {
    const lang = quoteLanguage?.(source);
    return lang && lang !== reply.lang ? lang : undefined;
  });
  const allIn = foreign.every((lang) => lang && lang === foreign[0]) ? foreign[0] : undefined;
  const blocks: Block[] = [{ text: '' }, { text: t.sourcesHeading(allIn), paint: style.heading }];
  sources.forEach((source, i) => {
    const { open, body, close } = quoted(source.quote, reply.lang);
    const mark = !allIn && foreign[i] ? ` ${t.original(foreign[i])}` : '';
    blocks.push({ prefix: `  ${open}`, text: `${body}${close}${mark}`, paint: style.quote });
  });
  return blocks;
}

/** C0 and C1 controls but the line feed, and the bidirectional overrides that reorder what a terminal shows. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Half of a pair, which terminals and width counting disagree on; shown as the replacement character. */
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function withoutControls(reply: Reply): Reply {
  const clean = (text: string) => text.replace(LONE_SURROGATES, '\ufffd').replace(/\t/g, ' ').replace(CONTROLS, '');
  return {
    ...reply,
    title: reply.title === undefined ? undefined : clean(reply.title),
    text: clean(reply.text),
    credit: reply.credit === undefined ? undefined : clean(reply.credit),
    suggestions: reply.suggestions.map(clean),
    sources: reply.sources.map((source) => ({ ...source, quote: clean(source.quote) })),
  };
}
