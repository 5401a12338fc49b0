import { fold } from '../engine/normalize.ts';
import { SAYING_WORDS } from '../engine/words/index.ts';
import type { Article } from '../knowledge/types.ts';

export interface SynonymClash {
  word: string;
  /** Why it is a problem, and what to change. */
  problem: string;
}

/**
 * A verb right after a quotation says who said it: '…", a lancé le PDG d'Arianespace' ("a lancé" is "said" there).
 * One pass per occurrence of a closing quote; every part is bounded.
 */
const AFTER_QUOTE = /["»”]\s{0,2},?\s{0,2}(?:a|ont|avait|avaient|has|had)\s{1,2}([\p{L}-]{2,30})/gu;

/**
 * Synonym groups that will mislead the engine: a word in two groups (the two meanings become one: "launch" as the
 * event and as the launcher, and "How much does a launch cost?" gets the development's cost), and a synonym the
 * article's own text uses as a verb ("a lancé" is "said" in "a lancé le PDG"): every sentence with that verb then
 * matches the group.
 */
export function synonymClashes(article: Article): SynonymClash[] {
  const clashes: SynonymClash[] = [];
  const groupsOf = new Map<string, number[]>();
  article.synonyms.forEach((group, g) => {
    for (const word of new Set(group.map((w) => fold(w)))) groupsOf.set(word, [...(groupsOf.get(word) ?? []), g]);
  });
  for (const [word, groups] of groupsOf) {
    if (groups.length < 2) continue;
    const shown = groups.map((g) => `[${article.synonyms[g]!.slice(0, 4).join(', ')}${article.synonyms[g]!.length > 4 ? ', …' : ''}]`).join(' and ');
    clashes.push({ word, problem: `in ${groups.length} synonym groups, ${shown}: keep it in the group of the meaning readers ask about, or merge the groups` });
  }
  const saying = new Set([...article.source.matchAll(AFTER_QUOTE)].map((match) => fold(match[1]!)));
  for (const [word, groups] of groupsOf) {
    // A group about saying ("said", "a déclaré") means what the verb means: no clash.
    if (groups.some((g) => article.synonyms[g]!.some((w) => fold(w) !== word && SAYING_WORDS.has(fold(w))))) continue;
    const stem = word.endsWith('*') ? word.slice(0, -1) : undefined;
    const used = stem ? [...saying].find((verb) => verb.startsWith(stem)) : saying.has(word) ? word : undefined;
    if (used) clashes.push({ word, problem: `the article uses "${used}" to say who spoke ('…", a ${used} …'): every quotation it closes would match this synonym group; drop the word from the group` });
  }
  return clashes;
}
