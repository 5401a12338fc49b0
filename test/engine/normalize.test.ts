import { describe, expect, it } from 'vitest';
import { fold, stem, tokenize } from '../../src/engine/normalize.ts';

describe('tokenize', () => {
  it.each([
    ["25'000 civils", ['25000', 'civils']],
    ['25’000', ['25000']],
    ['25 000', ['25000']],
    ['25\u00a0000', ['25000']],
    ['25\u202f000', ['25000']],
    ['25,000 people', ['25000', 'people']],
    ['25.000', ['25000']],
    ['1,200,000', ['1200000']],
  ])('GIVEN the number %j THEN its digits stay together', (text, words) => {
    expect(tokenize(text)).toEqual(words);
  });

  it('GIVEN numbers that are not thousands THEN they stay apart', () => {
    expect(tokenize('2016, 2017')).toEqual(['2016', '2017']);
    expect(tokenize('3,5 millions')).toEqual(['3', '5', 'millions']);
  });

  it('GIVEN French elisions THEN the article is split off, and qu\' becomes "que"', () => {
    expect(tokenize("L'ambassadeur d'Alep")).toEqual(['ambassadeur', 'alep']);
    expect(tokenize("Qu'a dit Poutine ?")).toEqual(['que', 'dit', 'poutine']);
    expect(tokenize("s'engagent jusqu'au")).toEqual(['engagent', 'au']);
    expect(tokenize('L’ambassadeur')).toEqual(['ambassadeur']);
  });

  it('GIVEN accents and ligatures THEN they are folded', () => {
    expect(tokenize('Téhéran Erdoğan œuvre Négociations')).toEqual(['teheran', 'erdogan', 'oeuvre', 'negociations']);
  });

  it('GIVEN English possessives, French inversions and lone letters THEN only words that carry meaning remain', () => {
    expect(tokenize("What's Russia's role?")).toEqual(['what', 'russia', 'role']);
    expect(tokenize('a-t-il dit')).toEqual(['il', 'dit']);
    expect(tokenize("aujourd'hui")).toEqual(['aujourdhui']);
    expect(tokenize('6 arrests')).toEqual(['6', 'arrests']);
  });

  it('GIVEN punctuation only or nothing THEN there are no words', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('?!… --')).toEqual([]);
  });
});

describe('fold and stem', () => {
  it('GIVEN mixed case, accents and typographic marks THEN fold makes them plain', () => {
    expect(fold('Œuvre ÉTÉ l’été — x')).toBe("oeuvre ete l'ete - x");
  });

  it('GIVEN forms of one word in English or French THEN they share one stem', () => {
    expect(stem('rebels')).toBe(stem('rebelles'));
    expect(stem('negociations')).toBe(stem('negocier'));
    expect(stem('evacuated')).toBe(stem('evacuees'));
    expect(stem('evacuees')).toBe(stem('evacues'));
    // French third persons plural, which Snowball leaves alone.
    expect(stem('appuient')).toBe(stem('appuie'));
    expect(stem('soutiennent')).toBe(stem('soutient'));
    expect(stem('quittent')).toBe(stem('quitter'));
  });

  it('GIVEN a short word or a number THEN stem keeps it whole ("area" must not become "are")', () => {
    expect(stem('area')).toBe('area');
    expect(stem('bus')).toBe('bus');
    expect(stem('25000')).toBe('25000');
    expect(stem('area')).not.toBe(stem('are'));
  });
});
