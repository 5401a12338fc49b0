import { factsReply } from '../src/core/facts-reply.ts';
import type { Command } from '../src/core/command.ts';
import { articleOption } from './article-option.ts';

export const agreements: Command = {
  name: 'agreements',
  description: { en: 'Who agreed to what, in the article', fr: "Qui s’est engagé à quoi, dans l'article" },
  options: [articleOption],
  cacheable: true,
  run({ lang, article }) {
    const facts = article.facts.filter((fact) => fact.kind === 'commitment');
    return factsReply({ article, lang, title: lang === 'fr' ? 'Engagements' : 'Agreements', facts });
  },
};
