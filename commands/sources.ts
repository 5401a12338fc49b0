import { creditLine, sourceOf } from '../src/core/facts-reply.ts';
import type { Command } from '../src/core/command.ts';

export const sources: Command = {
  name: 'sources',
  description: { en: "The article's source, and what Depeche is", fr: "La source de l'article, et ce qu'est Depeche" },
  options: [],
  run({ lang, knowledge }) {
    const article = knowledge.primary;
    const facts = article.facts.length + article.actors.length;
    const text =
      lang === 'fr'
        ? `**${article.title.fr}**\nDépêche de ${article.credit.publisher}, en ${article.credit.language === 'fr' ? 'français' : 'anglais'}.\n\nDepeche est un bot qui répond aux questions sur cet article à partir d'un résumé structuré : ${facts} faits, chacun appuyé sur une citation exacte du texte, vérifiée au chargement. Il ne répond pas au-delà de l'article et dit quand celui-ci ne dit pas quelque chose.`
        : `**${article.title.en}**\nAn agency report by ${article.credit.publisher}, in ${article.credit.language === 'fr' ? 'French' : 'English'}.\n\nDepeche is a bot that answers questions about this article from a structured summary of it: ${facts} facts, each resting on an exact quote of the text, checked when it loads. It does not answer beyond the article, and says when the article does not say something.`;
    return {
      title: 'Sources',
      text,
      lang,
      answered: true,
      // The credit line is a quote too; it is cited through the fact that rests on it, when there is one.
      sources: article.facts.filter((fact) => fact.quote === article.credit.quote).map((fact) => sourceOf(article, fact)),
      suggestions: [],
      credit: creditLine(article, lang),
    };
  },
};
