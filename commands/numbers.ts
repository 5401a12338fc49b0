import { factsReply } from '../src/core/facts-reply.ts';
import type { Command } from '../src/core/command.ts';
import { articleOption } from './article-option.ts';

export const numbers: Command = {
  name: 'numbers',
  description: { en: 'The figures in the article, and what it does not count', fr: "Les chiffres de l'article, et ce qu'il ne compte pas" },
  options: [articleOption],
  cacheable: true,
  run({ lang, article }) {
    const facts = article.facts.filter((fact) => fact.figure);
    // Readers look for a toll among the figures; saying plainly that there is none stops a wrong guess.
    const gaps = article.gaps.filter((gap) => gap.answers.includes('how_many'));
    return factsReply({ article, lang, title: lang === 'fr' ? 'Chiffres' : 'Figures', facts, gaps });
  },
};
