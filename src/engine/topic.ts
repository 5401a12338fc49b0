/**
 * What a conversation remembers of an answer (the `Topic`), and how it is read back. Entries are kept as plain keys
 * (`<article>/<kind>:<id>`) so that a topic can live in a database and be read by another instance.
 */
import type { ArticleIndex } from './article-index.ts';
import type { Entry, PartAnswer, Topic } from './types.ts';

export const entryKey = (entry: Entry): string =>
  `${entry.article.id}/${entry.kind}:${entry.kind === 'fact' ? entry.fact.id : entry.kind === 'gap' ? entry.gap.id : entry.actor.id}`;

/** The entries a topic names, in order; keys of entries that no longer exist (new knowledge) are skipped. */
export function topicEntries(topic: Topic, indexOf: ReadonlyMap<string, ArticleIndex>): Entry[] {
  return topic.entries.flatMap((key) => {
    const slash = key.indexOf('/');
    const doc = indexOf.get(key.slice(0, slash))?.doc(key.slice(slash + 1));
    return doc ? [doc.entry] : [];
  });
}

/** The entries of answer parts, as a topic keeps them. */
export function partEntryKeys(parts: readonly PartAnswer[]): string[] {
  return parts.flatMap((part) => {
    if (part.kind === 'entries' || part.kind === 'whole') return part.entries.map(entryKey);
    if (part.kind === 'role' || part.kind === 'missing-role' || part.kind === 'missing-measure') return [entryKey({ kind: 'fact', article: part.article, fact: part.fact })];
    if (part.kind === 'unnamed') return [entryKey({ kind: 'actor', article: part.article, actor: part.actor })];
    return [];
  });
}

/** A topic as kept by a conversation store; anything else (an older shape, a broken row) starts afresh. */
export function usableTopic(topic: Topic | undefined): Topic | undefined {
  if (!topic || typeof topic !== 'object') return undefined;
  if (!Array.isArray(topic.words) || !Array.isArray(topic.entries) || (topic.lang !== 'en' && topic.lang !== 'fr')) return undefined;
  if (topic.articles !== undefined && !Array.isArray(topic.articles)) return undefined;
  return topic;
}
