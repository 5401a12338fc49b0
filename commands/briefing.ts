import { factsReply } from '../src/core/facts-reply.ts';
import type { Command } from './types.ts';

export const briefing: Command = {
  name: 'briefing',
  description: { en: 'A short summary of the whole article', fr: "Un court résumé de tout l'article" },
  options: [],
  run({ lang, knowledge }) {
    const article = knowledge.primary;
    return factsReply({ article, lang, title: article.title[lang], facts: article.briefing });
  },
};
