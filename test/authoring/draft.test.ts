import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkArticle, summaryLine } from '../../src/authoring/check.ts';
import { draftSummary } from '../../src/authoring/draft.ts';
import { findNames } from '../../src/authoring/names.ts';
import { AuthoringError, createDraftArticle } from '../../src/authoring/new-article.ts';
import { isInformative, splitArticle } from '../../src/authoring/sentences.ts';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** A made-up agency report: a headline, four sentences (a quote, figures, names), a credit line. */
const STORM = [
  'Storm Ciara hits Brittany',
  'Storm Ciara swept across Brittany on Sunday night, cutting power to 16,000 homes, the regional prefecture said.',
  'Winds reached 150 km/h at the Pointe du Raz, according to Météo-France.',
  'The ferry company Brittany Ferries cancelled all crossings to Plymouth until Tuesday.',
  '"We have never seen gusts like these," said Anne Le Goff, the mayor of Brest.',
  'AFP',
  '',
].join('\n');

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function workspace(): { root: string; knowledge: string; text: string } {
  const root = mkdtempSync(join(tmpdir(), 'depeche-authoring-'));
  temps.push(root);
  const text = join(root, 'storm.txt');
  writeFileSync(text, STORM);
  return { root, knowledge: join(root, 'knowledge'), text };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** What an author does: every TODO replaced by a real value. */
function fillIn(summary: Json): Json {
  summary.title = { en: 'Storm Ciara hits Brittany', fr: 'La tempête Ciara frappe la Bretagne' };
  for (const actor of summary.actors) {
    actor.kind = 'place';
    actor.text = { en: `${actor.names[0]}, named in the article.`, fr: `${actor.names[0]}, cité dans l'article.` };
  }
  for (const [i, fact] of summary.facts.entries()) {
    fact.kind = fact.figure ? 'figure' : 'event';
    fact.text = { en: fact.quote, fr: `Traduction de la phrase ${i + 1}.` };
    fact.questions = { en: [`What does sentence ${i + 1} say?`], fr: [`Que dit la phrase ${i + 1} ?`] };
    fact.answers = fact.figure ? ['how_many', 'what'] : ['what'];
    if (fact.figure) fact.figure.counts = { en: 'what it counts', fr: 'ce qu’il compte' };
  }
  return summary;
}

describe('splitting an article into sentences', () => {
  it('GIVEN French and English text THEN sentences, headings and credit lines are told apart, each a verbatim slice', () => {
    const source = 'Le bilan\nM. Dupont a parlé. Les U.S. forces sont là. « Nous partirons. » Il est parti.\nDr. Smith said 3.5 million people left at 5 p.m. on Monday.\nagences/jvia\n(AFP)\n';
    const pieces = splitArticle(source);
    for (const piece of pieces) expect(source.slice(piece.start, piece.end)).toBe(piece.text);
    expect(pieces.map((p) => [p.kind, p.text])).toEqual([
      ['heading', 'Le bilan'],
      ['sentence', 'M. Dupont a parlé.'],
      ['sentence', 'Les U.S. forces sont là.'],
      ['sentence', '« Nous partirons. »'],
      ['sentence', 'Il est parti.'],
      ['sentence', 'Dr. Smith said 3.5 million people left at 5 p.m. on Monday.'],
      ['credit', 'agences/jvia'],
      ['credit', '(AFP)'],
    ]);
    expect(pieces.filter(isInformative).map((p) => p.text)).toEqual(['M. Dupont a parlé.', 'Les U.S. forces sont là.', 'Dr. Smith said 3.5 million people left at 5 p.m. on Monday.']);
  });

  it('GIVEN names in the text THEN runs of capitalised words, particles kept inside, sentence-initial common words and weekdays left out', () => {
    const names = findNames(splitArticle(STORM)).map((found) => found.name);
    expect(names).toEqual(expect.arrayContaining(['Ciara', 'Brittany', 'Pointe du Raz', 'Météo-France', 'Brittany Ferries', 'Plymouth', 'Anne Le Goff', 'Brest']));
    expect(names).not.toEqual(expect.arrayContaining(['The']));
    expect(names.some((name) => /Storm|Winds|Sunday|Tuesday|We\b/.test(name))).toBe(false);
  });
});

describe('npm run knowledge:new', () => {
  it('GIVEN a made-up article THEN the folder holds the verbatim text and a draft with one fact per sentence and its quote', () => {
    const { knowledge, text } = workspace();
    const draft = createDraftArticle({ knowledgeDir: knowledge, id: 'storm-ciara', textPath: text, published: '2020-02-10' });
    expect(readFileSync(join(knowledge, 'storm-ciara', 'article.txt'), 'utf8')).toBe(STORM);
    const summary = JSON.parse(readFileSync(join(knowledge, 'storm-ciara', 'summary.json'), 'utf8')) as Json;
    expect(summary).toMatchObject({ id: 'storm-ciara', published: '2020-02-10', credit: { publisher: 'AFP', quote: 'AFP', language: 'en' }, gaps: [], synonyms: [] });
    expect(summary.facts.map((f: Json) => f.quote)).toEqual(STORM.split('\n').slice(1, 5));
    expect(summary.facts[0].figure.value).toBe('16,000');
    expect(summary.facts[0].text.en).toMatch(/^TODO/);
    expect(summary.facts[0].actors).toEqual(['ciara', 'brittany']);
    const goff = summary.actors.find((a: Json) => a.names[0] === 'Anne Le Goff');
    // The name as the article writes it is the actor's quote; she said the quoted words.
    expect(goff).toMatchObject({ id: 'anne-le-goff', quote: 'Anne Le Goff' });
    expect(summary.facts[3].said_by).toBe('anne-le-goff');
    expect(draft).toMatchObject({ facts: 4, actors: summary.actors.length });
    expect(draft.todos).toBeGreaterThan(4 * 5);
  });

  it('GIVEN the draft THEN the loader refuses it until every TODO is filled in, naming the field; filled in, it loads and checks clean', () => {
    const { knowledge, text } = workspace();
    createDraftArticle({ knowledgeDir: knowledge, id: 'storm-ciara', textPath: text });
    const summaryPath = join(knowledge, 'storm-ciara', 'summary.json');
    expect(() => loadKnowledge(knowledge)).toThrow(KnowledgeError);
    expect(() => loadKnowledge(knowledge)).toThrow(`${summaryPath}: field "title.en": is still TODO`);

    const summary = fillIn(JSON.parse(readFileSync(summaryPath, 'utf8')));
    summary.facts[2].text.fr = 'TODO';
    writeFileSync(summaryPath, JSON.stringify(summary, null, 2));
    expect(() => loadKnowledge(knowledge)).toThrow(`${summaryPath}: fact "f3", field "text.fr": is still TODO; this draft cannot be served until every TODO is filled in`);

    summary.facts[2].text.fr = 'Les vents ont atteint 150 km/h.';
    writeFileSync(summaryPath, JSON.stringify(summary, null, 2));
    expect(loadKnowledge(knowledge).newest.id).toBe('storm-ciara');
    const check = checkArticle(join(knowledge, 'storm-ciara'));
    expect(check.error).toBeUndefined();
    expect(check.uncovered).toEqual([]);
    expect(summaryLine(check)).toMatch(/^storm-ciara: 4 facts, \d+ actors, 0 gaps, coverage 100% of sentences, /);
  });

  it('GIVEN a bad id, a bad date, a missing text or an existing folder THEN a one-line error and nothing written', () => {
    const { knowledge, text } = workspace();
    expect(() => createDraftArticle({ knowledgeDir: knowledge, id: 'Storm Ciara', textPath: text })).toThrow(/cannot be an article id/);
    expect(() => createDraftArticle({ knowledgeDir: knowledge, id: 'storm', textPath: text, published: '10/02/2020' })).toThrow(/--published "10\/02\/2020" is not a date/);
    expect(() => createDraftArticle({ knowledgeDir: knowledge, id: 'storm', textPath: join(knowledge, 'nope.txt') })).toThrow(AuthoringError);
    createDraftArticle({ knowledgeDir: knowledge, id: 'storm', textPath: text });
    expect(() => createDraftArticle({ knowledgeDir: knowledge, id: 'storm', textPath: text })).toThrow(/already exists/);
  });

  it('GIVEN the npm scripts THEN knowledge:new creates the draft, knowledge:check exits 1 naming the TODO, and 0 once filled in', () => {
    const { knowledge, text } = workspace();
    const run = (script: string, args: string[]) =>
      spawnSync(TSX, [`scripts/${script}.ts`, ...args], { cwd: ROOT, env: { ...process.env, KNOWLEDGE_DIR: knowledge }, encoding: 'utf8', timeout: 14_000 });
    const created = run('knowledge-new', ['storm-ciara', text, '--published', '2020-02-10']);
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/^created .*storm-ciara\/ in \d+ ms: article\.txt \(verbatim\) and a draft summary\.json with 4 facts/);

    const refused = run('knowledge-check', []);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/^storm-ciara: ERROR .*summary\.json: field "title\.en": is still TODO/);

    const summaryPath = join(knowledge, 'storm-ciara', 'summary.json');
    writeFileSync(summaryPath, JSON.stringify(fillIn(JSON.parse(readFileSync(summaryPath, 'utf8'))), null, 2));
    const checked = run('knowledge-check', ['storm-ciara']);
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
    expect(checked.stdout.split('\n')[0]).toMatch(/^storm-ciara: 4 facts, .*coverage 100% of sentences, .*sample questions answered by their own entry/);

    const again = run('knowledge-new', ['storm-ciara', text]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^knowledge:new: .*storm-ciara already exists: choose another id, or remove the folder first\n$/);
    // Four processes, each starting tsx: allow for a busy machine.
  }, 60_000);
});

describe('GIVEN the Ariane 6 dispatch (test/fixtures/dispatches/ariane-6.txt)', () => {
  const source = readFileSync(join(ROOT, 'test/fixtures/dispatches/ariane-6.txt'), 'utf8');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the draft is the JSON an editor edits
  const { summary } = draftSummary({ id: 'ariane-6-first-flight', source, published: '2024-07-09' }) as { summary: any };
  const names: string[] = summary.actors.map((actor: Json) => actor.names[0]);
  const fact = (words: string) => summary.facts.find((f: Json) => f.quote.includes(words));

  it('THEN the draft names the real names whole, and no heading, dateline, title or common word', () => {
    for (const name of ['Ariane 6', 'The Exploration Company', 'CSO-3', 'Covid-19', 'Stéphane Israël', 'Martin Sion', 'Josef Aschbacher', 'Philippe Baptiste', 'Kourou', 'Vega-C']) expect(names).toContain(name);
    for (const junk of ['KOUROU', 'Agence', 'Centre', 'PDG du Centre', 'Sion', 'Israël', 'Covid-', 'CSO-', 'Anomalie', 'H', 'Après']) expect(names).not.toContain(junk);
  });

  it('THEN things and people get their kind from the words around them, and the dateline place is the story\'s place', () => {
    const kind = (name: string) => summary.actors.find((actor: Json) => actor.names[0] === name)?.kind;
    expect(kind('Ariane 6')).toBe('object');
    expect(kind('Vinci')).toBe('object');
    expect(kind('Stéphane Israël')).toBe('person');
    expect(kind('Kourou')).toBe('place');
  });

  it('THEN the credit is read from the dateline, and the dateline is no part of the first fact', () => {
    expect(summary.credit).toMatchObject({ publisher: 'Agence', quote: '(Agence)' });
    expect(summary.facts[0].quote).toMatch(/^La nouvelle fusée européenne Ariane 6 a réussi mardi/);
    expect(source).toContain(summary.facts[0].quote);
  });

  it('THEN the height, the launch day and the orbit\'s altitude are pre-filled, with who said each quote', () => {
    expect(fact('haut d\'environ 56').figure).toMatchObject({ value: '56', unit: 'm', qualifier: 'about' });
    expect(fact('a réussi mardi').when).toBe('mardi');
    expect(fact('600 km').figure).toMatchObject({ value: '600', unit: 'km', qualifier: 'about' });
    expect(fact('4 milliards').figure).toMatchObject({ value: '4 milliards', unit: 'euros', qualifier: 'about' });
    expect(fact('Nous avons retrouvé un accès autonome').said_by).toBe('josef-aschbacher');
    expect(fact('carnet de commandes').said_by).toBe('stephane-israel');
    // Words quoted over two sentences stay one fact with who said them.
    expect(fact('jour historique').quote).toContain('a déclaré');
  });
});
