import { factsReply } from '../src/core/facts-reply.ts';
import type { Command } from '../src/core/command.ts';
import { articleOption } from './article-option.ts';

export const reactions: Command = {
  name: 'reactions',
  description: { en: 'The reactions reported in the article', fr: "Les réactions rapportées dans l'article" },
  options: [articleOption],
  cacheable: true,
  run({ lang, article }) {
    const facts = article.facts.filter((fact) => fact.kind === 'reaction');
    return factsReply({ article, lang, title: lang === 'fr' ? 'Réactions' : 'Reactions', facts });
  },
};
