import { creditLine, publisherOf, sourceOf } from '../src/core/facts-reply.ts';
import type { Command } from '../src/core/command.ts';
import type { Article } from '../src/knowledge/types.ts';
import type { Lang } from '../src/shared/types.ts';
import { articleOption } from './article-option.ts';

/** Who published the article, in the reader's language; a plain statement when it carries no credit line. */
function origin(article: Article, lang: Lang): string {
  const publisher = publisherOf(article, lang);
  const written = article.credit?.language;
  if (lang === 'fr') {
    if (!publisher) return "L'article ne porte pas de mention de source.";
    return `Publié par ${publisher}, en ${written === 'fr' ? 'français' : 'anglais'}.`;
  }
  if (!publisher) return 'The article carries no credit line.';
  return `Published by ${publisher}, in ${written === 'fr' ? 'French' : 'English'}.`;
}

export const sources: Command = {
  name: 'sources',
  description: { en: "The article's source, and what Depeche is", fr: "La source de l'article, et ce qu'est Depeche" },
  options: [articleOption],
  cacheable: true,
  run({ lang, article }) {
    // Facts are counted as facts; who is who in the story is said apart.
    const facts = article.facts.length;
    const actors = article.actors.length;
    const about =
      lang === 'fr'
        ? `Depeche est un bot qui répond aux questions sur cet article à partir d'un résumé structuré : ${facts} faits et ${actors} acteurs, chacun appuyé sur une citation exacte du texte, vérifiée au chargement. Il ne répond pas au-delà de l'article et dit quand celui-ci ne dit pas quelque chose.`
        : `Depeche is a bot that answers questions about this article from a structured summary of it: ${facts} facts and ${actors} actors, each resting on an exact quote of the text, checked when it loads. It does not answer beyond the article, and says when the article does not say something.`;
    const credit = article.credit;
    return {
      title: 'Sources',
      text: `**${article.title[lang]}**\n${origin(article, lang)}\n\n${about}`,
      lang,
      answered: true,
      // The credit line is a quote too; it is cited through the fact that rests on it, when there is one.
      sources: credit ? article.facts.filter((fact) => fact.quote === credit.quote).map((fact) => sourceOf(article, fact)) : [],
      suggestions: [],
      credit: creditLine(article, lang),
    };
  },
};
