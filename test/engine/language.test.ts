import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/engine/language.ts';

describe('detectLanguage', () => {
  it.each([
    ['Who backs Assad?', 'en'],
    ['How many people left Aleppo?', 'en'],
    ['Qui soutient Assad ?', 'fr'],
    ['Combien de personnes ont quitté Alep ?', 'fr'],
    ['combien de persones ont quitte alep', 'fr'],
    ["Qu'a dit Poutine ?", 'fr'],
  ] as const)('GIVEN %j THEN it is %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
    expect(detectLanguage(text, lang === 'en' ? 'fr' : 'en')).toBe(lang);
  });

  it('GIVEN French accents and no function word THEN French wins', () => {
    expect(detectLanguage('Téhéran')).toBe('fr');
  });

  it('GIVEN no cue at all THEN the fallback is used', () => {
    expect(detectLanguage('Erdogan?')).toBe('en');
    expect(detectLanguage('Erdogan?', 'fr')).toBe('fr');
    expect(detectLanguage('', 'fr')).toBe('fr');
    expect(detectLanguage('')).toBe('en');
  });
});
