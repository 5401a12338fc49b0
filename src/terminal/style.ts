import picocolors from 'picocolors';

/** How each part of the chat is painted, so that an answer, its sources and the suggestions are told apart. */
export interface TerminalStyle {
  bold(text: string): string;
  title(text: string): string;
  heading(text: string): string;
  quote(text: string): string;
  credit(text: string): string;
  suggestion(text: string): string;
  prompt(text: string): string;
  /** What the chat itself says (a new conversation, a number out of range), as opposed to answers. */
  notice(text: string): string;
}

/** Colours when `color` is true (the caller decides: a terminal that has them, NO_COLOR unset); plain text otherwise. */
export function terminalStyle(color: boolean): TerminalStyle {
  const c = picocolors.createColors(color);
  return {
    bold: c.bold,
    title: (text) => c.bold(c.cyan(text)),
    heading: (text) => c.bold(c.blue(text)),
    quote: c.dim,
    credit: (text) => c.dim(c.italic(text)),
    suggestion: c.yellow,
    prompt: (text) => c.bold(c.green(text)),
    notice: c.magenta,
  };
}

export const plainStyle: TerminalStyle = terminalStyle(false);
