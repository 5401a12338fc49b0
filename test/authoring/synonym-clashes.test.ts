import { describe, expect, it } from 'vitest';
import { synonymClashes } from '../../src/authoring/synonym-clashes.ts';
import type { Article } from '../../src/knowledge/types.ts';

const article = (synonyms: string[][], source: string) => ({ synonyms, source }) as unknown as Article;

describe('GIVEN an article\'s synonym groups', () => {
  it('WHEN a word sits in two groups THEN the check names it and both groups', () => {
    const clashes = synonymClashes(article([['launch', 'lancement', 'liftoff'], ['launcher', 'lanceur', 'launch']], 'Ariane 6 a décollé.'));
    expect(clashes).toEqual([{ word: 'launch', problem: expect.stringMatching(/in 2 synonym groups, \[launch, lancement, liftoff\] and \[launcher, lanceur, launch\]/) }]);
  });

  it('WHEN the article uses a synonym to say who spoke THEN the check says so; a group about saying is left alone', () => {
    const source = '"Nous avons un carnet de commandes", a lancé le PDG d\'Arianespace.';
    expect(synonymClashes(article([['lancement', 'lancé', 'launch']], source))).toEqual([{ word: 'lance', problem: expect.stringMatching(/uses "lance" to say who spoke/) }]);
    expect(synonymClashes(article([['lanc*', 'launch*']], source))).toHaveLength(1);
    expect(synonymClashes(article([['dit', 'lancé', 'said']], source))).toEqual([]);
    expect(synonymClashes(article([['lancement', 'launch']], 'La fusée a été lancée mardi.'))).toEqual([]);
  });
});
