/**
 * "Shorter", "more detail", "in French", "sources?": the last answer again, changed as asked. The conversation's topic
 * says what it was (its entries, or a view of whole articles); nothing is searched again.
 */
import type { Lang } from '../shared/types.ts';
import type { ArticleIndex } from './article-index.ts';
import type { EngineState } from './state.ts';
import { entryKey, partEntryKeys, topicEntries } from './topic.ts';
import type { Answer, Entry, PartAnswer, Topic } from './types.ts';
import { wholeArticle } from './whole.ts';
import type { Instruction, WholeView } from './words/index.ts';

/** Lines a "shorter" list keeps. */
const SHORT_LIST = 3;

export function followInstruction(state: EngineState, instruction: Instruction, context: Topic): Answer | undefined {
  const entries = topicEntries(context, state.indexOf);
  const articles = (context.articles ?? (context.article ? [context.article] : [])).flatMap((id) => state.indexOf.get(id)?.article ?? []);
  if (entries.length === 0 && !(context.view && articles.length > 0)) return undefined;
  const lang: Lang = instruction === 'french' ? 'fr' : instruction === 'english' ? 'en' : context.lang;
  const views = (view: WholeView): PartAnswer[] => articles.map((article) => wholeArticle(view, article, { maxListed: state.params.maxListed }));
  let parts: PartAnswer[];
  switch (instruction) {
    case 'shorter':
      // A summary becomes its gist; a list (a timeline, the figures, the quotes) keeps its kind, cut to its first lines.
      parts = !context.view
        ? [{ kind: 'entries', entries: entries.slice(0, 1) }]
        : context.view === 'summary' || context.view === 'full' || context.view === 'gist'
          ? views('gist')
          : views(context.view).map((part) => (part.kind === 'whole' ? { ...part, entries: part.entries.slice(0, SHORT_LIST) } : part));
      break;
    case 'longer':
      parts = context.view
        ? views(context.view === 'gist' || context.view === 'summary' ? 'full' : context.view)
        : [{ kind: 'entries', entries: [...entries, ...neighbours(state.indexOf.get(entries[0]!.article.id)!, entries, state.params.maxComposed)] }];
      break;
    case 'sources': {
      // The quotes the last answer rests on, word for word.
      const quoted = entries.length > 0 ? entries : views(context.view ?? 'summary').flatMap((part) => (part.kind === 'whole' ? part.entries : []));
      const byArticle = [...new Set(quoted.map((entry) => entry.article))];
      parts = byArticle.map((article): PartAnswer => ({ kind: 'whole', view: 'quotes', article, entries: quoted.filter((entry) => entry.article === article) }));
      break;
    }
    default:
      parts = context.view ? views(context.view) : [{ kind: 'entries', entries }];
  }
  const first = parts[0];
  const view = first?.kind === 'whole' && instruction !== 'sources' ? first.view : context.view;
  return { kind: 'answer', parts, lang, topic: { ...context, lang, entries: partEntryKeys(parts), view } };
}

/** More detail on entries: the facts of the article that share most with them. */
function neighbours(index: ArticleIndex, entries: readonly Entry[], max: number): Entry[] {
  const given = new Set(entries.map(entryKey));
  const docs = entries.flatMap((entry) => index.docs.filter((doc) => entryKey(doc.entry) === entryKey(entry)));
  const shared = (core: ReadonlySet<number>) =>
    docs.reduce((sum, doc) => sum + [...doc.core].filter((id) => core.has(id)).reduce((weight, id) => weight + index.conceptWeight(id), 0), 0);
  return index.docs
    .filter((doc) => doc.entry.kind === 'fact' && !given.has(entryKey(doc.entry)))
    .map((doc) => ({ doc, weight: shared(doc.core) }))
    .filter((candidate) => candidate.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, Math.max(0, max - entries.length))
    .map((candidate) => candidate.doc.entry);
}
