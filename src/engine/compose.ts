import { gapSentence, sourceOf } from '../core/facts-reply.ts';
import { messages } from '../core/messages.ts';
import type { Lang, Source } from '../shared/types.ts';
import type { Article } from '../knowledge/types.ts';
import type { Doc } from './documents.ts';

export interface Composed {
  text: string;
  sources: Source[];
}

/** The answer made of the chosen entries, in the question's language, each with its quote. */
export function composeAnswer(docs: readonly Doc[], lang: Lang): Composed {
  const lines: string[] = [];
  const sources: Source[] = [];
  for (const { entry } of docs) {
    if (entry.kind === 'gap') {
      lines.push(gapSentence(entry.gap, lang));
    } else if (entry.kind === 'fact') {
      lines.push(entry.fact.text[lang]);
      sources.push(sourceOf(entry.fact));
    } else {
      lines.push(entry.actor.text[lang]);
      sources.push(sourceOf(entry.actor));
    }
  }
  return { text: lines.join('\n'), sources };
}

export function composeSummary(article: Article, lang: Lang): Composed {
  const intro = lang === 'fr' ? `En bref : ${article.title.fr}.` : `In short: ${article.title.en}.`;
  return {
    text: [intro, ...article.briefing.map((fact) => `- ${fact.text[lang]}`)].join('\n'),
    sources: article.briefing.map(sourceOf),
  };
}

export function composeRefusal(article: Article, lang: Lang, suggestions: readonly string[]): string {
  const refusal = messages[lang].refusal(article.title[lang]);
  if (suggestions.length === 0) return refusal;
  return `${refusal}\n${messages[lang].didYouMean}\n${suggestions.map((q) => `- ${q}`).join('\n')}`;
}

export function composeGreeting(lang: Lang, suggestions: readonly string[]): string {
  const tryThese = lang === 'fr' ? 'Essayez par exemple :' : 'Try for example:';
  return `${messages[lang].greeting}\n${tryThese}\n${suggestions.map((q) => `- ${q}`).join('\n')}`;
}
