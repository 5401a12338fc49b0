import type { Knowledge } from '../knowledge/types.ts';
import type { Lang, Source } from '../shared/types.ts';

/** Quotation marks of each language, outer and inner; French ones hold a no-break space, so they never wrap apart. */
const MARKS: Record<Lang, { open: string; close: string; innerOpen: string; innerClose: string }> = {
  en: { open: '“', close: '”', innerOpen: '‘', innerClose: '’' },
  fr: { open: '«\u00a0', close: '\u00a0»', innerOpen: '“', innerClose: '”' },
};

/**
 * A quote of the article for the marks of `lang`: the marks to put around it, and its own quotation marks turned
 * into inner ones. The article's `qu'"il peut y avoir…"` then reads `« … qu'“il peut y avoir…” »`, never
 * `"… qu'"il …""`.
 */
export function quoted(quote: string, lang: Lang): { open: string; body: string; close: string } {
  const { open, close, innerOpen, innerClose } = MARKS[lang];
  const body = quote
    .replace(/[«“]\s*/g, innerOpen)
    .replace(/\s*[»”]/g, innerClose)
    // A straight " opens where a word starts (after a space, a bracket or an elision: qu'"il), else it closes.
    .replace(/(^|[\s([{'’])"|"/g, (_match, before: string | undefined) => (before !== undefined ? `${before}${innerOpen}` : innerClose));
  return { open, body, close };
}

/** The language a source's quote is in: its article's (summary.json `credit.language`; unknown without a credit). */
export function quoteLanguage(knowledge: Knowledge, source: Source): Lang | undefined {
  return knowledge.articles.find((article) => article.id === source.article)?.credit?.language;
}
