import type { Article, FactEntry, GapEntry } from '../knowledge/types.ts';
import { messages } from './messages.ts';
import type { Reply } from './reply.ts';
import type { Lang, Source } from '../shared/types.ts';

export function sourceOf(article: Pick<Article, 'id'>, entry: { id: string; quote: string }): Source {
  return { quote: entry.quote, factId: entry.id, article: article.id };
}

/** The publisher in the reader's language, when the article credits one. */
export function publisherOf(article: Pick<Article, 'credit'>, lang: Lang): string | undefined {
  const publisher = article.credit?.publisher;
  return typeof publisher === 'string' ? publisher : publisher?.[lang];
}

/** The footer naming the article: its publisher when it has a credit line, else the title alone. */
export function creditLine(article: Pick<Article, 'credit' | 'title'>, lang: Lang): string {
  const publisher = publisherOf(article, lang);
  if (lang === 'fr') return publisher ? `Source : ${publisher}, « ${article.title.fr} »` : `Article : « ${article.title.fr} »`;
  return publisher ? `Source: ${publisher}, "${article.title.en}"` : `Article: "${article.title.en}"`;
}

export function gapSentence(gap: GapEntry, lang: Lang): string {
  const note = gap.note ? ` ${gap.note[lang]}` : '';
  return `${messages[lang].notSaid} ${gap.about[lang]}.${note}`;
}

/** A reply that lists facts (and what the article leaves out), each backed by its quote. */
export function factsReply(options: {
  article: Article;
  lang: Lang;
  title: string;
  facts: readonly FactEntry[];
  gaps?: readonly GapEntry[];
  intro?: string;
}): Reply {
  const { article, lang } = options;
  const lines = options.facts.map((fact) => `- ${fact.text[lang]}`);
  for (const gap of options.gaps ?? []) lines.push(`- ${gapSentence(gap, lang)}`);
  const text = [options.intro, lines.join('\n')].filter(Boolean).join('\n\n');
  return {
    title: options.title,
    text,
    lang,
    answered: true,
    sources: options.facts.map((fact) => sourceOf(article, fact)),
    suggestions: [],
    credit: creditLine(article, lang),
  };
}
