import { factsReply } from '../src/core/facts-reply.ts';
import type { Command } from '../src/core/command.ts';

export const agreements: Command = {
  name: 'agreements',
  description: { en: 'Who agreed to what', fr: 'Qui s’est engagé à quoi' },
  options: [],
  run({ lang, knowledge }) {
    const article = knowledge.primary;
    const facts = article.facts.filter((fact) => fact.kind === 'commitment');
    return factsReply({ article, lang, title: lang === 'fr' ? 'Engagements' : 'Agreements', facts });
  },
};
