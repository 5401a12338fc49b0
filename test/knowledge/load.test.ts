import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { twoArticleKnowledge } from '../fixtures/two-articles.ts';
import { answerOnce } from '../../src/core/answer-session.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.ts';
import type { Knowledge } from '../../src/knowledge/types.ts';

const ARTICLE = 'syria-ceasefire-talks';
const REAL = join('knowledge', ARTICLE);
const FIXTURES = twoArticleKnowledge();
const SECOND = 'marseille-dock-strike';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp knowledge root holding a copy of the real article, its summary changed by `mutate`. */
function brokenCopy(mutate: (summary: Json) => void): { root: string; summaryPath: string } {
  const root = mkdtempSync(join(tmpdir(), 'depeche-knowledge-'));
  temps.push(root);
  const dir = join(root, ARTICLE);
  cpSync(REAL, dir, { recursive: true });
  const summaryPath = join(dir, 'summary.json');
  const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as Json;
  mutate(summary);
  writeFileSync(summaryPath, JSON.stringify(summary, null, 2));
  return { root, summaryPath };
}

/** The one KnowledgeError loading `root` throws. */
function loadError(root: string): KnowledgeError {
  let caught: unknown;
  try {
    loadKnowledge(root);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(KnowledgeError);
  return caught as KnowledgeError;
}

const fact = (summary: Json, id: string): Json => summary.facts.find((f: Json) => f.id === id);

describe('loadKnowledge on the real knowledge folder', () => {
  it('GIVEN knowledge/ THEN it loads both articles, the newest first, each with actors, facts, gaps and a briefing', () => {
    const knowledge = loadKnowledge('knowledge');
    expect(knowledge.articles.map((a) => a.id)).toEqual(['notre-dame-reopening', ARTICLE]);
    expect(knowledge.newest.id).toBe('notre-dame-reopening');
    const article = knowledge.articles.find((a) => a.id === ARTICLE)!;
    expect(article.actors.length).toBeGreaterThan(0);
    expect(article.facts.length).toBeGreaterThan(0);
    expect(article.gaps.length).toBeGreaterThan(0);
    expect(article.briefing.length).toBeGreaterThan(0);
    expect(article.synonyms.length).toBeGreaterThan(0);
  });

  it('GIVEN the loaded article THEN every quote (facts, actors, credit) is verbatim in its source', () => {
    const article = loadKnowledge('knowledge').articles.find((a) => a.id === ARTICLE)!;
    const source = readFileSync(join(REAL, 'article.txt'), 'utf8');
    expect(article.source).toBe(source);
    for (const entry of [...article.facts, ...article.actors]) expect(source, entry.id).toContain(entry.quote);
    expect(source).toContain(article.credit!.quote);
  });

  it('GIVEN the loaded knowledge THEN it is frozen', () => {
    const knowledge = loadKnowledge('knowledge');
    expect(Object.isFrozen(knowledge)).toBe(true);
    expect(Object.isFrozen(knowledge.newest.facts[0])).toBe(true);
  });
});

describe('loadKnowledge on a broken folder gives one clear KnowledgeError naming the file, the entry and the field', () => {
  it('GIVEN a fact quote not in article.txt THEN the error names summary.json, the fact and "quote"', () => {
    const { root, summaryPath } = brokenCopy((s) => {
      fact(s, 'evacuees').quote = 'au moins 30 000 civils';
    });
    const error = loadError(root);
    expect(error.message).toContain(summaryPath);
    expect(error.message).toContain('"evacuees"');
    expect(error.message).toContain('"quote"');
    expect(error.message).toMatch(/not found verbatim in article\.txt/);
  });

  it('GIVEN an actor quote not in article.txt THEN the error names the actor and "quote"', () => {
    const { root, summaryPath } = brokenCopy((s) => {
      s.actors.find((a: Json) => a.id === 'lavrov').quote = 'a déclaré Serguei Lavrov';
    });
    const error = loadError(root);
    expect(error.message).toContain(summaryPath);
    expect(error.message).toContain('actor "lavrov"');
    expect(error.message).toContain('"quote"');
  });

  it('GIVEN a credit quote not in article.txt THEN the error names "credit.quote"', () => {
    const { root, summaryPath } = brokenCopy((s) => {
      s.credit.quote = 'AFP/Reuters';
    });
    const error = loadError(root);
    expect(error.message).toContain(summaryPath);
    expect(error.message).toContain('credit.quote');
  });

  it('GIVEN an id used twice THEN the error names the id and the field "id"', () => {
    const { root, summaryPath } = brokenCopy((s) => {
      s.facts.push({ ...fact(s, 'six-arrests') });
    });
    const error = loadError(root);
    expect(error.message).toContain(summaryPath);
    expect(error.message).toContain('"six-arrests"');
    expect(error.message).toContain('"id"');
    expect(error.message).toMatch(/twice/);
  });

  it('GIVEN fact.actors naming a missing actor THEN the error names the fact, "actors.<i>" and the missing actor', () => {
    const { root, summaryPath } = brokenCopy((s) => {
      fact(s, 'putin-terrorism').actors = ['putin', 'medvedev'];
    });
    const error = loadError(root);
    expect(error.message).toContain(summaryPath);
    expect(error.message).toContain('fact "putin-terrorism"');
    expect(error.message).toContain('"actors.1"');
    expect(error.message).toContain('medvedev');
  });

  it('GIVEN gap.related naming a missing fact THEN the error names the gap, "related.<i>" and the missing fact', () => {
    const { root, summaryPath } = brokenCopy((s) => {
      s.gaps.find((g: Json) => g.id === 'evacuee-destination').related = ['no-such-fact'];
    });
    const error = loadError(root);
    expect(error.message).toContain(summaryPath);
    expect(error.message).toContain('gap "evacuee-destination"');
    expect(error.message).toContain('"related.0"');
    expect(error.message).toContain('no-such-fact');
  });

  it('GIVEN the briefing naming a missing fact THEN the error names "briefing.<i>" and the missing fact', () => {
    const { root, summaryPath } = brokenCopy((s) => {
      s.briefing.push('ghost-fact');
    });
    const error = loadError(root);
    expect(error.message).toContain(summaryPath);
    expect(error.message).toMatch(/briefing\.\d+/);
    expect(error.message).toContain('ghost-fact');
  });

  it('GIVEN roles naming a missing actor THEN the error names the fact and the role', () => {
    for (const [role, value, field] of [
      ['who', ['nobody'], 'who.0'],
      ['target', ['nobody'], 'target.0'],
      ['said_by', 'nobody', 'said_by'],
    ] as const) {
      const { root, summaryPath } = brokenCopy((s) => {
        fact(s, 'six-arrests')[role] = value;
      });
      expect(loadError(root).message).toBe(`${summaryPath}: fact "six-arrests", field "${field}": no actor "nobody"`);
    }
  });

  it('GIVEN a `when` or `where` that is not in the fact\'s quote THEN the error names the role and says to use the article\'s words', () => {
    const late = brokenCopy((s) => {
      fact(s, 'ambassador-assassinated').when = 'vendredi';
    });
    expect(loadError(late.root).message).toMatch(/fact "ambassador-assassinated", field "when": "vendredi" is not in the fact's quote/);
    const away = brokenCopy((s) => {
      fact(s, 'ambassador-assassinated').where = 'à Paris';
    });
    expect(loadError(away.root).message).toMatch(/fact "ambassador-assassinated", field "where": "à Paris" is neither an actor id nor words of the fact's quote/);
  });

  it('GIVEN roles in the article\'s words THEN the loaded fact carries them, its `when` resolved against `published`', () => {
    const { root } = brokenCopy((s) => {
      Object.assign(fact(s, 'meeting-held-despite-assassination'), { when: 'lundi', where: 'à Ankara', said_by: 'lavrov' });
      fact(s, 'evacuees').when = { text: 'il y a cinq jours', date: '2016-12-15' };
    });
    const article = loadKnowledge(root).articles[0]!;
    const held = article.facts.find((f) => f.id === 'meeting-held-despite-assassination')!;
    expect(held.when).toEqual({ text: 'lundi', date: '2016-12-19', approximate: false });
    expect(held.where).toBe('à Ankara');
    expect(article.facts.find((f) => f.id === 'evacuees')!.when).toEqual({ text: 'il y a cinq jours', date: '2016-12-15', approximate: false });
  });

  it('GIVEN a fact without text.fr THEN the error names the fact id and the field path "text.fr"', () => {
    const { root, summaryPath } = brokenCopy((s) => {
      delete fact(s, 'evacuees').text.fr;
    });
    const error = loadError(root);
    expect(error.message).toContain(summaryPath);
    expect(error.message).toContain('fact "evacuees"');
    expect(error.message).toContain('"text.fr"');
  });

  it('GIVEN a fact whose answers is not an array THEN the error names the fact id and "answers"', () => {
    const { root, summaryPath } = brokenCopy((s) => {
      fact(s, 'six-arrests').answers = 'how_many';
    });
    const error = loadError(root);
    expect(error.message).toContain(summaryPath);
    expect(error.message).toContain('fact "six-arrests"');
    expect(error.message).toContain('"answers"');
  });

  it('GIVEN an unknown field in a gap THEN the error names the gap', () => {
    const { root, summaryPath } = brokenCopy((s) => {
      s.gaps.find((g: Json) => g.id === 'killer').aboutt = { en: 'x', fr: 'x' };
    });
    const error = loadError(root);
    expect(error.message).toContain(summaryPath);
    expect(error.message).toContain('gap "killer"');
  });

  it('GIVEN summary.json that is not valid JSON THEN the error names the file and says so', () => {
    const { root, summaryPath } = brokenCopy(() => {});
    writeFileSync(summaryPath, '{ "id": "syria-ceasefire-talks", ');
    const error = loadError(root);
    expect(error.message).toContain(summaryPath);
    expect(error.message).toMatch(/not valid JSON/);
  });

  /** The real summary as its author formatted it, with one edit made on `line` (1-based). */
  function editedSummary(edit: (lines: string[]) => void): { root: string; summaryPath: string } {
    const { root, summaryPath } = brokenCopy(() => {});
    const lines = readFileSync(join(REAL, 'summary.json'), 'utf8').split('\n');
    edit(lines);
    writeFileSync(summaryPath, lines.join('\n'));
    return { root, summaryPath };
  }

  it.each([
    ['a value typed as a word', (l: string[]) => (l[1] = '  "id": syria,'), 'line 2, column 9: this is not a JSON value (text needs double quotes; true, false and null are lower case)'],
    ["a value in 'single quotes'", (l: string[]) => (l[1] = "  \"id\": 'syria-ceasefire-talks',"), 'line 2, column 9: this is not a JSON value'],
    ['a missing comma', (l: string[]) => (l[1] = l[1]!.replace(/,$/, '')), 'line 3, column 3: a comma is missing before this'],
    ['a comment', (l: string[]) => l.splice(1, 0, '  // the article'), 'line 2, column 3: JSON has no comments'],
    ['a tab inside a string', (l: string[]) => (l[1] = '  "id": "syria\tceasefire",'), 'line 2, column 9: this string holds a tab or a line break: write it as \\t or \\n'],
  ])('GIVEN summary.json with %s THEN the error gives the file, the line and the column', (_, edit, where) => {
    const { root, summaryPath } = editedSummary(edit);
    const error = loadError(root);
    expect(error.message.startsWith(`${summaryPath}: not valid JSON at line `)).toBe(true);
    expect(error.message).toContain(where);
  });

  it('GIVEN a trailing comma after the last property THEN the line and column point at where the next property was expected', () => {
    const text = readFileSync(join(REAL, 'summary.json'), 'utf8').trimEnd();
    const lines = text.split('\n');
    const { root, summaryPath } = editedSummary((l) => {
      l.length = 0;
      l.push(...lines.slice(0, -1).map((line, i, all) => (i === all.length - 1 ? `${line},` : line)), '}');
    });
    expect(loadError(root).message).toBe(`${summaryPath}: not valid JSON at line ${lines.length}, column 1: a property name in double quotes is expected here (is there a comma after the last property?)`);
  });

  it.each([
    ['/nonexistent/knowledge', 'there is no such folder'],
    [join(REAL, 'summary.json'), 'it is a file, not a folder'],
  ])('GIVEN KNOWLEDGE_DIR=%s THEN the error names the variable, what it takes and what is wrong', (root, problem) => {
    let caught: unknown;
    try {
      loadKnowledge(root, { variable: 'KNOWLEDGE_DIR' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KnowledgeError);
    expect((caught as Error).message).toBe(`KNOWLEDGE_DIR must be the folder of articles, got ${JSON.stringify(root)}: ${problem}`);
  });

  it('GIVEN no article.txt THEN the error names the missing article.txt', () => {
    const { root } = brokenCopy(() => {});
    const sourcePath = join(root, ARTICLE, 'article.txt');
    unlinkSync(sourcePath);
    const error = loadError(root);
    expect(error.message).toContain(sourcePath);
    expect(error.message).toMatch(/missing/);
  });

  it('GIVEN an empty knowledge folder THEN the error says there is no article in it', () => {
    const root = mkdtempSync(join(tmpdir(), 'depeche-knowledge-'));
    temps.push(root);
    const error = loadError(root);
    expect(error.message).toContain(root);
    expect(error.message).toMatch(/no article/);
  });

  it('GIVEN a folder that does not exist THEN the error names it', () => {
    const root = join(tmpdir(), 'depeche-no-such-knowledge-folder');
    const error = loadError(root);
    expect(error.message).toContain(root);
  });

  it('GIVEN a fact naming an actor that only another article has THEN the error names the fact: references resolve within their article', () => {
    const { root } = brokenCopy(() => {});
    const other = join(root, 'zz-other');
    cpSync(join(FIXTURES, SECOND), other, { recursive: true });
    const otherSummary = join(other, 'summary.json');
    const summary = JSON.parse(readFileSync(otherSummary, 'utf8')) as Json;
    fact(summary, 'corsica-ferries').actors = ['russia'];
    writeFileSync(otherSummary, JSON.stringify(summary));
    const error = loadError(root);
    expect(error.message).toBe(`${otherSummary}: fact "corsica-ferries", field "actors.0": no actor "russia"`);
  });

  it('GIVEN two articles with the same article id THEN the error names the second summary.json and the id', () => {
    const { root } = brokenCopy(() => {});
    cpSync(join(root, ARTICLE), join(root, 'zz-copy'), { recursive: true });
    const error = loadError(root);
    expect(error.message).toMatch(new RegExp(`^${join(root, 'zz-copy', 'summary.json')}: field "id": article id "${ARTICLE}" is also used by \\S*${ARTICLE}$`));
  });

  it('GIVEN a published date that is not YYYY-MM-DD or not a real day THEN the error names "published"', () => {
    for (const published of ['20/12/2016', '2016-02-30', '2016-12-20T10:00']) {
      const { root, summaryPath } = brokenCopy((s) => {
        s.published = published;
      });
      const error = loadError(root);
      expect(error.message, published).toContain(summaryPath);
      expect(error.message, published).toContain('field "published"');
    }
  });

  it('GIVEN a field still marked TODO THEN the error names the entry and the field, and how many are left', () => {
    const { root, summaryPath } = brokenCopy((s) => {
      fact(s, 'evacuees').text.en = 'TODO: the fact in English';
      fact(s, 'six-arrests').questions.fr = ['TODO'];
    });
    const error = loadError(root);
    // Entries in file order: six-arrests comes before evacuees.
    expect(error.message).toBe(
      `${summaryPath}: fact "six-arrests", field "questions.fr.0": is still TODO (and 1 more field marked TODO); this draft cannot be served until every TODO is filled in`,
    );
  });

  it('GIVEN folders starting with "_" or "." THEN they are skipped', () => {
    const { root } = brokenCopy(() => {});
    mkdirSync(join(root, '_drafts'));
    mkdirSync(join(root, '.cache'));
    expect(loadKnowledge(root).articles.map((a) => a.id)).toEqual([ARTICLE]);
  });
});

describe('loadKnowledge with two articles (the real one and test/fixtures/articles)', () => {
  const knowledge: Knowledge = loadKnowledge(FIXTURES);
  const idsOf = (articleId: string) => {
    const article = knowledge.articles.find((a) => a.id === articleId)!;
    return new Set([...article.facts, ...article.actors].map((entry) => entry.id));
  };

  it('GIVEN two article folders THEN both load, the dated one first, and every quote is in its own source', () => {
    expect(knowledge.articles.map((a) => a.id)).toEqual([SECOND, ARTICLE]);
    expect(knowledge.newest.id).toBe(SECOND);
    expect(knowledge.newest.published).toBe('2024-03-15');
    for (const article of knowledge.articles) {
      for (const entry of [...article.facts, ...article.actors]) expect(article.source, entry.id).toContain(entry.quote);
    }
  });

  it('GIVEN a question about each article THEN the engine answers it from that article', () => {
    const engine = createEngine(knowledge);
    const strike = answerOnce(engine, 'How many jobs are threatened?');
    expect(strike.answered).toBe(true);
    expect(strike.text).toMatch(/1,200/);
    expect(strike.sources.length).toBeGreaterThan(0);
    for (const source of strike.sources) expect(idsOf(SECOND).has(source.factId), source.factId).toBe(true);

    const syria = answerOnce(engine, 'How many people left Aleppo?');
    expect(syria.answered).toBe(true);
    expect(syria.sources.length).toBeGreaterThan(0);
    for (const source of syria.sources) expect(idsOf(ARTICLE).has(source.factId), source.factId).toBe(true);

    const french = answerOnce(engine, "Combien d'emplois sont menacés ?");
    expect(french.lang).toBe('fr');
    expect(french.sources.map((s) => s.factId)).toContain('jobs-threatened');
  });

  it('GIVEN an out-of-scope question THEN the engine refuses it with suggestions', () => {
    const engine = createEngine(knowledge);
    const answer = answerOnce(engine, 'Who won the football match last night?');
    expect(answer.answered).toBe(false);
    expect(answer.sources).toEqual([]);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });
});

describe('loadKnowledge with several articles: ids, order, credit', () => {
  /** The two-article folder, each summary changed by `mutate` (by article id). */
  function twoArticles(mutate: Record<string, (summary: Json) => void>): string {
    const root = twoArticleKnowledge();
    temps.push(root);
    for (const [id, change] of Object.entries(mutate)) {
      const path = join(root, id, 'summary.json');
      const summary = JSON.parse(readFileSync(path, 'utf8')) as Json;
      change(summary);
      writeFileSync(path, JSON.stringify(summary, null, 2));
    }
    return root;
  }

  it('GIVEN two articles that use the same actor and fact ids THEN both load, each with its own entries', () => {
    const root = twoArticles({
      [SECOND]: (summary) => {
        // corsica-ferries is referenced by no briefing and no gap: only its id changes.
        fact(summary, 'corsica-ferries').id = 'evacuees';
        const union = summary.actors.find((a: Json) => a.id === 'cgt-union');
        union.id = 'russia';
        for (const f of summary.facts) f.actors = f.actors.map((ref: string) => (ref === 'cgt-union' ? 'russia' : ref));
        for (const f of summary.facts) if (f.figure?.givenBy === 'cgt-union') f.figure.givenBy = 'russia';
      },
    });
    const knowledge = loadKnowledge(root);
    const [strike, syria] = [SECOND, ARTICLE].map((id) => knowledge.articles.find((a) => a.id === id)!);
    expect(fact(strike, 'evacuees').quote).toContain('Ferries to Corsica');
    expect(fact(syria, 'evacuees').quote).toContain("25'000");
    expect(strike!.actors.find((a) => a.id === 'russia')!.names).toContain('CGT');
    expect(syria!.actors.find((a) => a.id === 'russia')!.names).toContain('Moscou');

    const engine = createEngine(knowledge);
    const ferries = answerOnce(engine, 'Will the ferries to Corsica keep sailing?');
    expect(ferries.sources).toEqual([{ quote: fact(strike, 'evacuees').quote, factId: 'evacuees', article: SECOND }]);
    const left = answerOnce(engine, 'How many people left Aleppo?');
    expect(left.sources).toEqual([{ quote: fact(syria, 'evacuees').quote, factId: 'evacuees', article: ARTICLE }]);
  });

  it('GIVEN published dates THEN the newest comes first whatever the folder names; undated ones come last, by folder name', () => {
    const later = loadKnowledge(twoArticles({ [ARTICLE]: (s) => (s.published = '2025-01-01') }));
    expect(later.articles.map((a) => a.id)).toEqual([ARTICLE, SECOND]);
    expect(later.newest.id).toBe(ARTICLE);

    const sameDay = loadKnowledge(twoArticles({ [ARTICLE]: (s) => (s.published = '2024-03-15') }));
    expect(sameDay.articles.map((a) => a.id)).toEqual([SECOND, ARTICLE]);

    const undated = loadKnowledge(twoArticles({ [SECOND]: (s) => delete s.published }));
    expect(undated.articles.map((a) => a.id)).toEqual([ARTICLE, SECOND]);
    const bothUndated = loadKnowledge(twoArticles({ [SECOND]: (s) => delete s.published, [ARTICLE]: (s) => delete s.published }));
    expect(bothUndated.articles.map((a) => a.id)).toEqual([SECOND, ARTICLE]);
    expect(bothUndated.newest.published).toBeUndefined();
  });

  it('GIVEN an article without credit, and one whose publisher reads differently in each language THEN both load, and each language gets its own', () => {
    const knowledge = loadKnowledge(
      twoArticles({
        [SECOND]: (s) => delete s.credit,
        [ARTICLE]: (s) => (s.credit.publisher = { en: 'an unnamed agency', fr: 'une agence non nommée' }),
      }),
    );
    const [strike, syria] = [SECOND, ARTICLE].map((id) => knowledge.articles.find((a) => a.id === id)!);
    expect(strike!.credit).toBeUndefined();
    expect(syria!.credit!.publisher).toEqual({ en: 'an unnamed agency', fr: 'une agence non nommée' });
  });
});
