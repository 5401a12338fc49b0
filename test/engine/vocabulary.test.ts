import { describe, expect, it } from 'vitest';
import { articleTexts } from '../../src/engine/documents.ts';
import { Vocabulary } from '../../src/engine/vocabulary.ts';
import type { Article } from '../../src/knowledge/types.ts';

/** The smallest article the vocabulary needs: two actors, one fact, synonyms. */
function article(synonyms: string[][], names: string[]): Article {
  const fact = {
    id: 'f', kind: 'event' as const, actors: ['a'], text: { en: 'The envoy talked.', fr: "L'envoyé a parlé." }, quote: 'q',
    questions: { en: ['Who talked?'], fr: ['Qui a parlé ?'] }, answers: ['who' as const],
  };
  return {
    id: 'mini', dir: '.', source: 'q', title: { en: 't', fr: 't' }, credit: { publisher: 'p', quote: 'q', language: 'en' },
    briefing: [fact], facts: [fact], gaps: [], synonyms,
    actors: [
      { id: 'a', kind: 'group', names, text: { en: 'x', fr: 'x' }, quote: 'q' },
      { id: 'b', kind: 'group', names: ['government', 'Syrian government'], text: { en: 'y', fr: 'y' }, quote: 'q' },
    ],
  };
}

const conceptsOf = (vocabulary: Vocabulary, text: string) => vocabulary.terms(vocabulary.normalizeWords(text)).flatMap((t) => [...t.concepts, ...t.secondary]);

describe('Vocabulary', () => {
  it('GIVEN a synonym phrase that tokenizes to one word ("a parlé") THEN that word alone does not take its meaning', () => {
    const vocabulary = new Vocabulary([article([['a parlé', 'talked']], ['envoy'])], articleTexts);
    expect(conceptsOf(vocabulary, 'talked')).toContain('syn:mini:0');
    expect(conceptsOf(vocabulary, 'parlé')).not.toContain('syn:mini:0');
  });

  it('GIVEN a name "U.S. government" THEN "government" alone still names only its own actor', () => {
    const vocabulary = new Vocabulary([article([], ['U.S. government', 'envoy'])], articleTexts);
    // (The general lexicon adds what "government" means in any article; only the actor is at stake here.)
    const actors = (text: string) => conceptsOf(vocabulary, text).filter((concept) => concept.startsWith('actor:'));
    expect(actors('the government')).toEqual(['actor:mini/b']);
    expect(actors('Syrian government')).toEqual(['actor:mini/b']);
  });

  it('GIVEN a name that is a function word ("UN" is French "un", "US" is "us") THEN only its longer names name the actor', () => {
    const vocabulary = new Vocabulary([article([], ['UN', 'United Nations', 'US', 'Est'])], articleTexts);
    expect(conceptsOf(vocabulary, 'un accord')).not.toContain('actor:mini/a');
    expect(conceptsOf(vocabulary, 'Qui est Poutine')).not.toContain('actor:mini/a');
    expect(conceptsOf(vocabulary, 'tell us')).not.toContain('actor:mini/a');
    expect(conceptsOf(vocabulary, 'the United Nations')).toContain('actor:mini/a');
    // In capitals, it is the name.
    expect(vocabulary.terms(vocabulary.normalizeWords('the US'), new Set(), new Set(['us'])).flatMap((t) => t.concepts)).toContain('actor:mini/a');
  });

  it('GIVEN a typo of an article word THEN it is mended; GIVEN a common word the article lacks THEN it is not', () => {
    const vocabulary = new Vocabulary([article([], ['envoy'])], articleTexts);
    expect(vocabulary.mend('the envoi', 'en').words).toContain('envoy');
    expect(vocabulary.mend('the flight', 'en').words).toContain('flight');
  });
});
