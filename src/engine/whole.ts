/**
 * Views of a whole article, made from the roles of its facts: the summary, the gist, everything, the background,
 * a timeline ordered by `when`, the key figures, the quotes (of one speaker or all), who's who, and the source.
 */
import type { ActorEntry, Article, FactEntry } from '../knowledge/types.ts';
import type { Entry, PartAnswer, WholeView } from './types.ts';

/** People first: "who's who" is about who did and said what; places and things come last. */
const KIND_ORDER: Record<ActorEntry['kind'], number> = { person: 0, organisation: 1, group: 2, country: 3, object: 4, place: 5 };

export function wholeArticle(view: WholeView, article: Article, options: { speaker?: ActorEntry; maxListed: number }): PartAnswer {
  const fact = (f: FactEntry): Entry => ({ kind: 'fact', article, fact: f });
  const facts = (list: readonly FactEntry[]) => list.slice(0, options.maxListed).map(fact);
  const part = (entries: Entry[], speaker?: ActorEntry): PartAnswer => ({ kind: 'whole', view, article, entries, ...(speaker ? { speaker } : {}) });
  switch (view) {
    case 'summary':
      return part(facts(article.briefing));
    case 'gist':
      return part(facts(article.briefing.slice(0, 1)));
    case 'full':
      return part(facts(article.facts));
    case 'context': {
      const background = article.facts.filter((f) => f.kind === 'context' || isBefore(f, article.published));
      return part(facts(background.length > 0 ? background : article.briefing));
    }
    case 'timeline': {
      const dated = article.facts.filter((f) => f.when?.date).sort((a, b) => a.when!.date!.localeCompare(b.when!.date!));
      const undated = article.facts.filter((f) => f.when && !f.when.date);
      return part(facts(dated.length + undated.length > 0 ? [...dated, ...undated] : article.briefing));
    }
    case 'figures':
      return part([
        ...facts(article.facts.filter((f) => f.figure)),
        ...article.gaps.filter((gap) => gap.answers.includes('how_many')).map((gap): Entry => ({ kind: 'gap', article, gap })),
      ]);
    case 'quotes':
      return part(facts(quotesOf(article, options.speaker)), options.speaker);
    case 'people':
      return part(
        [...article.actors]
          .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
          .filter((actor) => actor.kind !== 'place')
          .slice(0, options.maxListed)
          .map((actor): Entry => ({ kind: 'actor', article, actor })),
      );
    case 'source':
      // The fact that rests on the credit line, when the summary has one, is what the source rests on.
      return part(facts(article.facts.filter((f) => article.credit && f.quote === article.credit.quote)));
  }
}

/** What a speaker said: the facts the article attributes to them; else the facts that quote them; else every quote. */
function quotesOf(article: Article, speaker: ActorEntry | undefined): FactEntry[] {
  const saidBy = (f: FactEntry) => f.said_by ?? f.figure?.givenBy;
  const quoted = (f: FactEntry) => /[«"“]/.test(f.quote);
  if (speaker) {
    const attributed = article.facts.filter((f) => saidBy(f) === speaker.id);
    if (attributed.length > 0) return attributed;
    return article.facts.filter((f) => quoted(f) && (f.who?.includes(speaker.id) || f.actors.includes(speaker.id)));
  }
  const attributed = article.facts.filter((f) => saidBy(f) && quoted(f));
  return attributed.length > 0 ? attributed : article.facts.filter(quoted);
}

/** A fact dated a week or more before the article: background to the news. */
function isBefore(fact: FactEntry, published: string | undefined): boolean {
  const date = fact.when?.date;
  if (!date || !published) return false;
  const weekBefore = new Date(Date.parse(`${published}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
  return date.slice(0, 10) < weekBefore.slice(0, date.length);
}
