import type { Article, Knowledge } from './types.ts';

/**
 * An article as a newcomer would summarise it in minutes: one sample question per language for each fact and
 * gap, no keywords, no synonym groups. The engine must reach most questions from that alone, so the evaluation
 * and `knowledge:check` score this variant beside the full summary.
 */
export function leanArticle(article: Article): Article {
  const oneEach = (questions: { en: readonly string[]; fr: readonly string[] }) => ({ en: questions.en.slice(0, 1), fr: questions.fr.slice(0, 1) });
  const facts = article.facts.map((fact) => ({ ...fact, questions: oneEach(fact.questions), keywords: undefined }));
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  return {
    ...article,
    facts,
    briefing: article.briefing.map((fact) => byId.get(fact.id)!),
    gaps: article.gaps.map((gap) => ({ ...gap, questions: oneEach(gap.questions), keywords: undefined })),
    synonyms: [],
  };
}

export function leanKnowledge(knowledge: Knowledge): Knowledge {
  const articles = knowledge.articles.map(leanArticle);
  const newest = articles[knowledge.articles.indexOf(knowledge.newest)]!;
  return { ...knowledge, articles, newest };
}
