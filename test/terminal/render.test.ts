import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import type { Lang, Source } from '../../src/shared/types.ts';
import { quoted } from '../../src/terminal/quotes.ts';
import { renderText } from '../../src/terminal/render.ts';

const reply = (extra: Partial<Reply>): Reply => ({ text: 'An answer.', lang: 'en', answered: true, sources: [], suggestions: [], ...extra });
const languages: Record<string, Lang> = { syria: 'fr', marseille: 'en' };
const quoteLanguage = (source: Source) => languages[source.article];

describe('renderText', () => {
  it('GIVEN quotes in two languages THEN only the one in another language than the answer is marked, each on its own', () => {
    const text = renderText(
      reply({ sources: [{ quote: 'au moins 25 000 civils', factId: 'a-fact', article: 'syria' }, { quote: 'Dockers will strike', factId: 'a-fact', article: 'marseille' }] }),
      { quoteLanguage },
    );
    expect(text).toBe('An answer.\n\nSources:\n  “au moins 25 000 civils” (original, French)\n  “Dockers will strike”');
    const french = renderText(
      reply({ lang: 'fr', sources: [{ quote: 'au moins 25 000 civils', factId: 'a-fact', article: 'syria' }, { quote: 'Dockers will strike', factId: 'a-fact', article: 'marseille' }] }),
      { quoteLanguage },
    );
    expect(french).toBe('An answer.\n\nSources :\n  «\u00a0au moins 25 000 civils\u00a0»\n  «\u00a0Dockers will strike\u00a0» (original en anglais)');
  });

  it('GIVEN no way to know the language of the quotes THEN nothing is marked', () => {
    expect(renderText(reply({ sources: [{ quote: 'au moins', factId: 'a-fact', article: 'syria' }] }))).toBe('An answer.\n\nSources:\n  “au moins”');
  });

  it('GIVEN a quote the credit line already shows word for word THEN it is not listed again; one the text shows still is', () => {
    const text = renderText(reply({ text: 'A report by agences/jvia.', sources: [{ quote: 'agences/jvia', factId: 'credit', article: 'syria' }], credit: 'Source: agences/jvia' }));
    expect(text).toBe('A report by agences/jvia.\nSource: agences/jvia');
    const quoted = renderText(reply({ text: '1,200 jobs are threatened.', sources: [{ quote: '1,200 jobs are threatened', factId: 'jobs', article: 'marseille' }] }));
    expect(quoted).toBe('1,200 jobs are threatened.\n\nSources:\n  “1,200 jobs are threatened”');
  });

  it('GIVEN control characters and bidirectional overrides in what is shown THEN they are dropped; tabs become spaces', () => {
    const text = renderText(reply({ title: 'T\x07', text: 'red \x1b[31mtext\x1b[0m\tand \u202eevil', suggestions: ['\x1b[2Jwipe'] }));
    expect(text).toBe('T\nred [31mtext[0m and evil\n\nTry for example:\n  1. [2Jwipe');
  });
});

describe('quoted', () => {
  it.each([
    ['en', 'he said "no" twice', '“', 'he said ‘no’ twice', '”'],
    ['fr', 'he said "no" twice', '«\u00a0', 'he said “no” twice', '\u00a0»'],
    ['en', "soulignant qu'\"il faut\"", '“', "soulignant qu'‘il faut’", '”'],
    ['en', 'la « trêve » tient', '“', 'la ‘trêve’ tient', '”'],
    ['fr', 'la « trêve » tient', '«\u00a0', 'la “trêve” tient', '\u00a0»'],
    ['fr', '"au début" et (“entre” parenthèses)', '«\u00a0', '“au début” et (“entre” parenthèses)', '\u00a0»'],
  ] as const)('GIVEN a quote in %s marks: %j THEN %j%j%j', (lang, quote, open, body, close) => {
    expect(quoted(quote, lang)).toEqual({ open, body, close });
  });
});
