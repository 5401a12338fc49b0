import { describe, expect, it } from 'vitest';
import { articleTexts } from '../../src/engine/article-index.ts';
import { Concepts } from '../../src/engine/concepts.ts';
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

/** The concepts a text's words mean, as labels (`syn:mini:0`, `actor:mini/a`). */
function vocabularyOf(articles: Article[]) {
  const concepts = new Concepts();
  const vocabulary = new Vocabulary(articles, concepts, articleTexts);
  const labels = (text: string, shouted?: ReadonlySet<string>) =>
    vocabulary.terms(vocabulary.wordsOf(text), new Set(), shouted).flatMap((t) => [...t.concepts, ...t.secondary]).map((id) => concepts.label(id));
  return { vocabulary, labels };
}

describe('Vocabulary', () => {
  it('GIVEN a synonym phrase that tokenizes to one word ("a parlé") THEN that word alone does not take its meaning', () => {
    const { labels } = vocabularyOf([article([['a parlé', 'talked']], ['envoy'])]);
    expect(labels('talked')).toContain('syn:mini:0');
    expect(labels('parlé')).not.toContain('syn:mini:0');
  });

  it('GIVEN a name "U.S. government" THEN "government" alone still names only its own actor', () => {
    const { labels } = vocabularyOf([article([], ['U.S. government', 'envoy'])]);
    // (The general lexicon adds what "government" means in any article; only the actor is at stake here.)
    const actors = (text: string) => labels(text).filter((concept) => concept.startsWith('actor:'));
    expect(actors('the government')).toEqual(['actor:mini/b']);
    expect(actors('Syrian government')).toEqual(['actor:mini/b']);
  });

  it('GIVEN a name that is a function word ("UN" is French "un", "US" is "us") THEN only its longer names name the actor', () => {
    const { labels } = vocabularyOf([article([], ['UN', 'United Nations', 'US', 'Est'])]);
    expect(labels('un accord')).not.toContain('actor:mini/a');
    expect(labels('Qui est Poutine')).not.toContain('actor:mini/a');
    expect(labels('tell us')).not.toContain('actor:mini/a');
    expect(labels('the United Nations')).toContain('actor:mini/a');
    // In capitals, it is the name.
    expect(labels('the US', new Set(['us']))).toContain('actor:mini/a');
  });

  it('GIVEN a typo of an article word THEN it is mended; GIVEN a common word the article lacks THEN it is not', () => {
    const { vocabulary } = vocabularyOf([article([], ['envoy'])]);
    expect(vocabulary.mend(['the', 'envoi'], 'en').words).toContain('envoy');
    expect(vocabulary.mend(['the', 'flight'], 'en').words).toContain('flight');
  });
});

describe('Vocabulary across articles', () => {
  it("GIVEN a word in one article's synonym group THEN another article reads it as a plain word of its own text", () => {
    const first = article([['reach', 'attain']], ['envoy']);
    const second = { ...article([], ['pilot']), id: 'other', facts: [{ ...article([], []).facts[0]!, text: { en: 'The rocket will reach orbit.', fr: "La fusée atteindra l'orbite." } }] };
    const concepts = new Concepts();
    const vocabulary = new Vocabulary([first, second], concepts, articleTexts);
    const [term] = vocabulary.terms(['reach']);
    expect(term!.concepts.map((id) => concepts.label(id))).toEqual(['syn:mini:0']);
    expect(concepts.belongsTo(term!.concepts[0]!, 'other')).toBe(false);
    expect(term!.word === undefined ? undefined : concepts.label(term!.word)).toBe('w:reach');
  });
});
