import type { Answer, Entry } from './types.ts';

/** The entries an answer rests on, in order: what tools check an answer against (knowledge:check, evaluations). */
export function answerEntries(answer: Answer): Entry[] {
  if (answer.kind !== 'answer') return [];
  return answer.parts.flatMap((part): Entry[] => {
    switch (part.kind) {
      case 'entries':
      case 'whole':
        return part.entries;
      case 'role':
      case 'missing-role':
      case 'missing-measure':
        return [{ kind: 'fact', article: part.article, fact: part.fact }];
      case 'unnamed':
        return [{ kind: 'actor', article: part.article, actor: part.actor }];
      case 'not-covered':
        return [];
    }
  });
}
