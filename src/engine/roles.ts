/**
 * Follow-ups that ask a role of the last answer ("when was that?", "who said it?", "how many?"). They resolve to that
 * claim's roles; a role it lacks is answered by a known gap that declares it missing, or else by "the article does not
 * say …", made from the missing role and the claim.
 */
import type { Article, FactEntry, GapEntry } from '../knowledge/types.ts';
import type { Entry, PartAnswer, Role } from './types.ts';

/** The claim a follow-up asks about: the last answer's first fact, or the fact a gap is about. */
export function claimOf(entries: readonly Entry[]): { article: Article; fact: FactEntry } | undefined {
  for (const entry of entries) {
    if (entry.kind === 'fact') return { article: entry.article, fact: entry.fact };
    if (entry.kind === 'gap') {
      const fact = entry.article.facts.find((f) => entry.gap.related?.includes(f.id));
      if (fact) return { article: entry.article, fact };
    }
  }
  return undefined;
}

export function resolveRole(role: Role, article: Article, fact: FactEntry): PartAnswer {
  if (hasRole(role, fact)) return { kind: 'role', role, article, fact };
  const gap = article.gaps.find((g) => g.related?.includes(fact.id) && declares(g, role));
  if (gap) return { kind: 'entries', entries: [{ kind: 'gap', article, gap }] };
  return { kind: 'missing-role', role, article, fact };
}

function hasRole(role: Role, fact: FactEntry): boolean {
  switch (role) {
    case 'when':
      return fact.when !== undefined;
    case 'where':
      return fact.where !== undefined;
    case 'who':
      return fact.who !== undefined;
    case 'said_by':
      return (fact.said_by ?? fact.figure?.givenBy) !== undefined;
    case 'how_many':
      return fact.figure !== undefined;
    case 'why':
      return fact.answers.includes('why');
  }
}

/** A gap declares the roles it says are missing in `answers`: who said it is a "who" too. */
function declares(gap: GapEntry, role: Role): boolean {
  return gap.answers.includes(role === 'said_by' ? 'who' : role);
}
