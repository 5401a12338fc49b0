import { describe, expect, it } from 'vitest';
import { findArticles, selectArticle } from '../../src/knowledge/select.ts';
import type { Knowledge } from '../../src/knowledge/types.ts';

/** Titles as articles have them: selection reads only ids, folders and titles. */
function knowledgeOf(titles: Record<string, [string, string]>): Knowledge {
  const articles = Object.entries(titles).map(([id, [en, fr]]) => ({ id, dir: `/knowledge/${id}`, title: { en, fr } }));
  return { articles, newest: articles[0] } as unknown as Knowledge;
}

const knowledge = knowledgeOf({
  'minsk-ceasefire': ['Kyiv and Moscow agree a ceasefire in Minsk', 'Kiev et Moscou conviennent d’un cessez-le-feu à Minsk'],
  'notre-dame-reopens': ['Notre-Dame de Paris reopens five years after the fire', 'Notre-Dame de Paris rouvre cinq ans après l’incendie'],
  'syria-talks': ['Moscow, Tehran and Ankara commit to a Syrian ceasefire and talks', "Moscou, Téhéran et Ankara s'engagent pour un cessez-le-feu en Syrie"],
  'marseille-dock-strike': ['Marseille dockers to strike for three days over automation', "Les dockers de Marseille en grève trois jours contre l'automatisation"],
});
const pick = (words: string) => selectArticle(knowledge, words)?.id;

describe('selecting an article from the words after a command', () => {
  it('GIVEN an id, in any case THEN that article, even when other titles share its words', () => {
    expect(pick('syria-talks')).toBe('syria-talks');
    expect(pick('MINSK-CEASEFIRE')).toBe('minsk-ceasefire');
  });

  it('GIVEN words of a title in English or French, with typos THEN the article', () => {
    expect(pick('minsk')).toBe('minsk-ceasefire');
    expect(pick('notre dame')).toBe('notre-dame-reopens');
    expect(pick('notr dame')).toBe('notre-dame-reopens');
    expect(pick('marseile')).toBe('marseille-dock-strike');
    expect(pick('grève')).toBe('marseille-dock-strike');
    expect(pick('syrie')).toBe('syria-talks');
    expect(pick("l'article sur Minsk")).toBe('minsk-ceasefire');
    expect(pick('the minsk article')).toBe('minsk-ceasefire');
  });

  it('GIVEN words two titles share THEN both are candidates, and the one that matches every word wins', () => {
    expect(findArticles(knowledge, 'ceasefire').map((a) => a.id).sort()).toEqual(['minsk-ceasefire', 'syria-talks']);
    expect(pick('minsk ceasefire')).toBe('minsk-ceasefire');
    expect(pick('syrian ceasefire')).toBe('syria-talks');
  });

  it('GIVEN words no title has THEN nothing, short words included', () => {
    for (const words of ['football', 'weather', 'foo', 'xyz', '', '   ', 'the article']) expect(pick(words), words).toBeUndefined();
  });
});
