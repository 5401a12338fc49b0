import type { Article, FactEntry } from '../knowledge/types.ts';
import { creditLine, gapSentence, sourceOf } from './facts-reply.ts';
import type { Reply } from './reply.ts';
import type { Lang } from '../shared/types.ts';

const sectionTitles: Record<Lang, { agreements: string; figures: string; reactions: string }> = {
  en: { agreements: 'Who agreed to what', figures: 'Figures', reactions: 'Reactions' },
  fr: { agreements: 'Qui s’est engagé à quoi', figures: 'Chiffres', reactions: 'Réactions' },
};

/**
 * The article's briefing, the one composition behind `/briefing` and the scheduled posts.
 * `short` (the command): the summary facts. `full` (scheduled posts): the headline as title, then who agreed to
 * what, the figures (and what the article does not count), the reactions, and any summary fact not already among
 * them; every fact comes with its verbatim quote as a source.
 */
export function briefingReply(options: { article: Article; lang: Lang; detail?: 'short' | 'full' }): Reply {
  const { article, lang } = options;
  const sections: { title?: string; facts: readonly FactEntry[]; extra?: string[] }[] = [];
  if (options.detail === 'full') {
    const titles = sectionTitles[lang];
    const agreements = article.facts.filter((fact) => fact.kind === 'commitment');
    const figures = article.facts.filter((fact) => fact.figure);
    const reactions = article.facts.filter((fact) => fact.kind === 'reaction');
    const covered = new Set([...agreements, ...figures, ...reactions].map((fact) => fact.id));
    sections.push({ facts: article.briefing.filter((fact) => !covered.has(fact.id)) });
    sections.push({ title: titles.agreements, facts: agreements });
    // Readers look for a toll among the figures: saying there is none stops a wrong guess (as /numbers does).
    const gaps = article.gaps.filter((gap) => gap.answers.includes('how_many')).map((gap) => gapSentence(gap, lang));
    sections.push({ title: titles.figures, facts: figures, extra: gaps });
    sections.push({ title: titles.reactions, facts: reactions });
  } else {
    sections.push({ facts: article.briefing });
  }

  const shown = sections.filter((section) => section.facts.length || section.extra?.length);
  const text = shown
    .map((section) => {
      const lines = [...section.facts.map((fact) => `- ${fact.text[lang]}`), ...(section.extra ?? []).map((line) => `- ${line}`)];
      return [section.title ? `**${section.title}**` : undefined, ...lines].filter(Boolean).join('\n');
    })
    .join('\n\n');
  const facts = [...new Map(shown.flatMap((section) => section.facts).map((fact) => [fact.id, fact])).values()];
  return {
    title: article.title[lang],
    text,
    lang,
    answered: true,
    sources: facts.map((fact) => sourceOf(article, fact)),
    suggestions: [],
    credit: creditLine(article, lang),
  };
}
