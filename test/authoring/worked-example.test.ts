// docs/adding-an-article.md walks an editor through docs/worked-example/: the draft it shows is what knowledge:new
// makes of that dispatch, and the finished folder loads, passes knowledge:check and answers the page's questions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/authoring/check.ts';
import { draftSummary } from '../../src/authoring/draft.ts';
import { answerSession } from '../../src/core/answer-session.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const DIR = 'docs/worked-example/grenoble-bridge';

describe('GIVEN the worked example of docs/adding-an-article.md', () => {
  it('THEN knowledge:new drafts its names, credit, dateline place, time, figures and speaker', () => {
    const { summary } = draftSummary({ id: 'grenoble-bridge', source: readFileSync(`${DIR}/article.txt`, 'utf8'), published: '2025-03-14' }) as { summary: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(summary.credit).toMatchObject({ publisher: 'Agence', quote: '(Agence)' });
    expect(summary.actors.map((a: { names: string[] }) => a.names[0])).toEqual(expect.arrayContaining(['Grenoble', 'Christophe Ferrari', 'Auvergne-Rhône-Alpes']));
    expect(summary.facts[0]).toMatchObject({ when: 'vendredi' });
    expect(summary.facts[1].figure).toMatchObject({ value: '12 millions', unit: 'euros', qualifier: 'about' });
    expect(summary.facts[2]).toMatchObject({ said_by: 'christophe-ferrari' });
  });

  it('THEN the finished folder passes the check and answers as the page says', () => {
    const check = checkArticle(DIR);
    expect(check.error).toBeUndefined();
    expect(check.misses).toEqual([]);
    const session = answerSession(createEngine(loadKnowledge('docs/worked-example')));
    expect(session.ask('When did the bridge reopen?').text).toMatch(/on Friday/);
    expect(session.ask('who said it?').text).toMatch(/Grenoble metropolitan authority/);
    expect(session.ask("c'est combien les travaux ?").text).toMatch(/12 millions d'euros/);
    expect(session.ask('why was it closed?').text).toMatch(/^The article does not say why/);
    expect(session.ask("what's the weather in Grenoble?").answered).toBe(false);
  });
});
