import type { Answer, DocEntry } from '../engine/types.ts';
import type { Article } from '../knowledge/types.ts';
import type { Lang, Source } from '../shared/types.ts';
import { gapSentence, sourceOf } from './facts-reply.ts';
import { messages } from './messages.ts';

/** An engine answer in words: the one place where what the engine found becomes sentences. */
export interface AnswerText {
  answered: boolean;
  text: string;
  lang: Lang;
  sources: Source[];
  suggestions: string[];
  /** The article does not cover the question (greetings and small talk are not refusals). */
  refused: boolean;
  /** The articles the answer comes from, for credit lines. */
  articles: Article[];
}

export interface RenderOptions {
  /** Listed when someone asks what Depeche can do. */
  commands?: readonly { name: string; description: Record<Lang, string> }[];
}

export function answerText(answer: Answer, options: RenderOptions = {}): AnswerText {
  const { lang } = answer;
  const say = messages[lang];
  const none = { answered: false, sources: [], suggestions: [], refused: false, articles: [], lang };
  switch (answer.kind) {
    case 'entries': {
      const parts = answer.groups.map((entries) => entriesText(entries, lang));
      const sources = dedupe(answer.groups.flat().flatMap(sourcesOf));
      const articles = [...new Set(answer.groups.flat().map((entry) => entry.article))];
      return { ...none, answered: true, text: parts.join('\n\n'), sources, articles };
    }
    case 'summary': {
      const text = answer.articles
        .map((article) => [say.inShort(article.title[lang]), ...article.briefing.map((fact) => `- ${fact.text[lang]}`)].join('\n'))
        .join('\n\n');
      const sources = answer.articles.flatMap((article) => article.briefing.map((fact) => sourceOf(article, fact)));
      return { ...none, answered: true, text, sources, articles: [...answer.articles] };
    }
    case 'refusal': {
      const refusal =
        answer.articles.length === 1
          ? say.refusal(answer.articles[0]!.title[lang])
          : say.refusalMany(answer.articles.map((article) => `« ${article.title[lang]} »`).join(', '));
      const text = answer.suggestions.length ? `${refusal}\n${say.didYouMean}\n${bullets(answer.suggestions)}` : refusal;
      return { ...none, text, suggestions: answer.suggestions, refused: true };
    }
    case 'choose-article': {
      const suggestions = answer.choices.map((choice) => choice.question);
      const lines = answer.choices.map((choice) => `- ${choice.article.title[lang]}: ${choice.question}`);
      return { ...none, text: `${say.chooseArticle}\n${lines.join('\n')}`, suggestions };
    }
    case 'small-talk': {
      const { suggestions } = answer;
      switch (answer.act) {
        case 'greeting':
          return { ...none, text: `${say.greeting}\n${say.tryThese}\n${bullets(suggestions)}`, suggestions };
        case 'empty':
          return { ...none, text: `${say.empty}\n${bullets(suggestions)}`, suggestions };
        case 'identity': {
          const commands = (options.commands ?? []).map((command) => `- /${command.name}: ${command.description[lang]}`);
          return { ...none, text: [say.identity, ...commands].join('\n'), suggestions };
        }
        default:
          return { ...none, text: say[answer.act] };
      }
    }
  }
}

function entriesText(entries: readonly DocEntry[], lang: Lang): string {
  const lines = entries.map((entry) => {
    if (entry.kind === 'gap') return gapSentence(entry.gap, lang);
    return entry.kind === 'fact' ? entry.fact.text[lang] : entry.actor.text[lang];
  });
  // Several facts answer a broad question together: one bullet each, so that each reads on its own.
  return lines.length > 1 && entries.every((entry) => entry.kind === 'fact') ? bullets(lines) : lines.join('\n');
}

function sourcesOf(entry: DocEntry): Source[] {
  if (entry.kind === 'fact') return [sourceOf(entry.article, entry.fact)];
  if (entry.kind === 'actor') return [sourceOf(entry.article, entry.actor)];
  return [];
}

function dedupe(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((source) => {
    const key = `${source.article}/${source.factId}`;
    return !seen.has(key) && seen.add(key);
  });
}

const bullets = (lines: readonly string[]): string => lines.map((line) => `- ${line}`).join('\n');
