/**
 * Follow-ups that ask a role of the last answer ("when was that?", "who said it?", "how many?"). They resolve to that
 * claim's roles; a role it lacks is answered by a known gap that declares it missing, or else by "the article does not
 * say …", made from the missing role and the claim.
 */
import type { Article, FactEntry, GapEntry } from '../knowledge/types.ts';
import type { Entry, PartAnswer, Role } from './types.ts';

/**
 * The claim a follow-up asks about: the last answer's first fact; the fact a gap is about; or, after who someone is
 * ("the Russian ambassador"), the fact that is about them, one that has the role asked if there is one.
 */
export function claimOf(entries: readonly Entry[], role?: Role): { article: Article; fact: FactEntry } | undefined {
  for (const entry of entries) {
    if (entry.kind === 'fact') return { article: entry.article, fact: entry.fact };
    if (entry.kind === 'gap') {
      const fact = entry.article.facts.find((f) => entry.gap.related?.includes(f.id));
      if (fact) return { article: entry.article, fact };
    }
    if (entry.kind === 'actor') {
      const id = entry.actor.id;
      const about = entry.article.facts.filter((f) => f.who?.includes(id) || f.target?.includes(id) || f.said_by === id);
      const fact = (role && about.find((f) => hasRole(role, f))) ?? about[0];
      if (fact) return { article: entry.article, fact };
    }
  }
  return undefined;
}

export function resolveRole(role: Role, article: Article, fact: FactEntry): PartAnswer {
  if (hasRole(role, fact)) return { kind: 'role', role, article, fact };
  // Among the gaps about this claim that declare the role, the one that says it first ("who killed…" before "the name of…").
  const gaps = article.gaps.filter((g) => g.related?.includes(fact.id) && declares(g, role));
  const gap = gaps.find((g) => g.about.en.toLowerCase().startsWith(ROLE_WORD[role])) ?? gaps[0];
  if (gap) return { kind: 'entries', entries: [{ kind: 'gap', article, gap }] };
  return { kind: 'missing-role', role, article, fact };
}

const ROLE_WORD: Record<Role, string> = { when: 'when', where: 'where', who: 'who', said_by: 'who', how_many: 'how many', why: 'why' };

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
