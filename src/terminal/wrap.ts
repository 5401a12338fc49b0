import wrapAnsi from 'wrap-ansi';

/** One paragraph of terminal output: a plain prefix (indent, bullet, opening mark) and text, painted row by row. */
export interface Block {
  prefix?: string;
  text: string;
  paint?: (row: string) => string;
}

/** Narrower than this, a hanging indent would leave no room for words: continuation rows start at the margin. */
const MIN_TEXT_WIDTH = 20;

/**
 * Lays blocks out as lines: at word boundaries within `width` columns when it is given (a long word alone is cut),
 * continuation rows indented under the text after the prefix; one line per block when it is not.
 * Each row is painted on its own, so that no colour runs across a line break.
 */
export function layout(blocks: readonly Block[], width: number | undefined): string {
  const lines: string[] = [];
  // A "word" of nothing visible (a lone accent, a zero-width space) is dropped: wrap-ansi counts it as fitting
  // anywhere, and the space before it then overflows the row.
  const wrap = (text: string, columns: number) =>
    wrapAnsi(text.replace(/(^|\s)[\p{M}\p{Cf}]+(?=\s|$)/gu, '$1'), columns, { hard: true, trim: true }).split('\n');
  for (const { prefix = '', text, paint = (row: string) => row } of blocks) {
    const whole = prefix + text;
    if (!whole) lines.push('');
    else if (!width) lines.push(paint(whole));
    else if (width - prefix.length < MIN_TEXT_WIDTH) lines.push(...wrap(whole, width).map(paint));
    else wrap(text, width - prefix.length).forEach((row, i) => lines.push(paint((i === 0 ? prefix : ' '.repeat(prefix.length)) + row)));
  }
  return lines.join('\n');
}
