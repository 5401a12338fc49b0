import { factsReply } from '../src/core/facts-reply.ts';
import type { Command } from '../src/core/command.ts';

export const reactions: Command = {
  name: 'reactions',
  description: { en: 'Reactions to the assassination', fr: "Les réactions à l'assassinat" },
  options: [],
  run({ lang, knowledge }) {
    const article = knowledge.primary;
    const facts = article.facts.filter((fact) => fact.kind === 'reaction');
    return factsReply({ article, lang, title: lang === 'fr' ? 'Réactions' : 'Reactions', facts });
  },
};
