// Placeholder while the matcher is written: refuses everything, suggests the article's questions.
import type { Knowledge } from '../knowledge/types.ts';
import { detectLanguage } from './language.ts';
import type { Engine } from './types.ts';

export type { Engine } from './types.ts';

export interface EngineOptions {
  conversationTtlMs?: number;
  now?: () => number;
}

export function createEngine(knowledge: Knowledge, _options: EngineOptions = {}): Engine {
  const questions = knowledge.articles.flatMap((a) => a.facts.flatMap((f) => [...f.questions.en, ...f.questions.fr]));
  return {
    answer(question, options = {}) {
      const lang = detectLanguage(question, options.lang ?? 'en');
      return { answered: false, text: 'not yet', lang, sources: [], suggestions: questions.slice(0, 3) };
    },
    suggest(partial, options = {}) {
      return questions.filter((q) => q.toLowerCase().includes(partial.toLowerCase())).slice(0, options.limit ?? 25);
    },
  };
}
