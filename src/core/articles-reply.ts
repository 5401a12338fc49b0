import type { Article, Knowledge } from '../knowledge/types.ts';
import type { Lang } from '../shared/types.ts';
import { messages } from './messages.ts';
import { plainReply, type Reply } from './reply.ts';

/** "15 March 2024" / "15 mars 2024", in UTC: a publication day is a calendar date, not an instant. */
export function formatPublished(published: string | undefined, lang: Lang): string {
  if (!published) return messages[lang].undated;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CH' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${published}T00:00:00Z`));
}

/** One line per article, newest first: its title, its date and the id that selects it. */
export function articleLines(knowledge: Knowledge, lang: Lang): string {
  return knowledge.articles.map((article: Article) => `- **${article.title[lang]}** (${formatPublished(article.published, lang)}): ${article.id}`).join('\n');
}

/** `/articles`: the loaded articles, and how to pick one. */
export function articlesReply(knowledge: Knowledge, lang: Lang): Reply {
  const hint =
    lang === 'fr'
      ? 'Sans article, les commandes parlent du plus récent ; ajoutez un id ou des mots du titre pour en choisir un autre (/numbers <article>).'
      : 'Without an article, commands are about the newest one; add an id or words of a title to choose another (/numbers <article>).';
  return plainReply(lang, `${articleLines(knowledge, lang)}\n\n${hint}`, { title: messages[lang].articlesTitle });
}

/** What words that name no article get: a short, private list of the articles there are. */
export function noSuchArticleReply(knowledge: Knowledge, words: string, lang: Lang): Reply {
  // The words are the user's: echoed cut short, so that a long text cannot make a long reply.
  const shown = words.length > 40 ? `${words.slice(0, 39)}…` : words;
  return plainReply(lang, `${messages[lang].noSuchArticle(shown)}\n${articleLines(knowledge, lang)}`, { private: true });
}
