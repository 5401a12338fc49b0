import { messages } from '../core/messages.ts';
import type { Reply } from '../core/reply.ts';

export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
}

export const plainStyle: TextStyle = { bold: (text) => text, dim: (text) => text };
export const ansiStyle: TextStyle = { bold: (text) => `\x1b[1m${text}\x1b[22m`, dim: (text) => `\x1b[2m${text}\x1b[22m` };

/** A reply as the terminal shows it: title, text, numbered suggestions, sources, credit. */
export function renderText(reply: Reply, style: TextStyle = plainStyle): string {
  const lines: string[] = [];
  if (reply.title) lines.push(style.bold(reply.title));
  // Suggestions are numbered, in the text (a refusal's "Did you mean") or after it: typing the number asks one.
  let text = reply.text.replace(/\*\*(.+?)\*\*/g, (_, inner: string) => style.bold(inner));
  reply.suggestions.forEach((question, i) => {
    text = text.replace(`- ${question}`, `  ${i + 1}. ${question}`);
  });
  lines.push(text);
  const unlisted = reply.suggestions.filter((question) => !reply.text.includes(question));
  if (unlisted.length > 0) {
    lines.push('', messages[reply.lang].didYouMean, ...unlisted.map((question) => `  ${reply.suggestions.indexOf(question) + 1}. ${question}`));
  }
  if (reply.sources.length > 0) {
    lines.push('', style.dim(`${messages[reply.lang].sources}:`));
    for (const source of reply.sources) lines.push(style.dim(`  [${source.factId}] "${source.quote}"`));
  }
  if (reply.credit) lines.push(style.dim(reply.credit));
  return lines.join('\n');
}
