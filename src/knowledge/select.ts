import { basename } from 'node:path';
import Fuse from 'fuse.js';
import type { Article, Knowledge } from './types.ts';

/** Words that say "the article" rather than which one: `/numbers the minsk article` means `/numbers minsk`. */
const FILLER = new Set(['the', 'article', 'story', 'about', 'on', 'of', 'l', 'le', 'la', 'les', 'de', 'du', 'des', 'sur', 'a', 'an', 'un', 'une', 'd']);

interface Searchable {
  article: Article;
  id: string;
  folder: string;
  en: string;
  fr: string;
}

const indexes = new WeakMap<Knowledge, Fuse<Searchable>>();

function indexOf(knowledge: Knowledge): Fuse<Searchable> {
  let index = indexes.get(knowledge);
  if (!index) {
    const items = knowledge.articles.map((article) => ({ article, id: article.id, folder: basename(article.dir), en: article.title.en, fr: article.title.fr }));
    // Each word of the query must match somewhere (extended search: space is AND), fuzzily, anywhere in the title.
    index = new Fuse(items, {
      keys: ['id', 'folder', 'en', 'fr'],
      includeScore: true,
      ignoreDiacritics: true,
      ignoreLocation: true,
      useExtendedSearch: true,
      threshold: 0.34,
    });
    indexes.set(knowledge, index);
  }
  return index;
}

/** The query's meaningful words, folded: "l'article sur Minsk" → ["minsk"]. */
function queryWords(words: string): string[] {
  return words
    .toLowerCase()
    .split(/[\s'’"«»,.;:!?()]+/)
    .map((word) => word.replace(/[=^$!|]/g, ''))
    .filter((word) => word && !FILLER.has(word));
}

/**
 * The articles that `words` may name, best first: an exact id (or folder name) wins outright; otherwise every
 * meaningful word must match the id or a word of the title in either language, fuzzily ("minsk", "notre dame",
 * "marseile"). Empty when nothing matches.
 */
export function findArticles(knowledge: Knowledge, words: string): Article[] {
  const typed = words.trim().toLowerCase();
  const exact = knowledge.articles.find((article) => article.id === typed || basename(article.dir).toLowerCase() === typed);
  if (exact) return [exact];
  const terms = queryWords(words);
  if (terms.length === 0) return [];
  // Short words are matched exactly (as part of a word): one typo in three letters is another word ("foo", "for").
  const pattern = terms.map((term) => (term.length <= 4 ? `'${term}` : term)).join(' ');
  return indexOf(knowledge)
    .search(pattern)
    .map((result) => result.item.article);
}

/** The one article `words` names (the best match), or undefined. */
export function selectArticle(knowledge: Knowledge, words: string): Article | undefined {
  return findArticles(knowledge, words)[0];
}
