import { commands as registry } from '../../commands/index.ts';
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { createDepeche, type Depeche } from '../../src/core/depeche.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { watchKnowledge, type KnowledgeWatcher } from '../../src/ops/reload.ts';
import { ARTICLE, captureLogs, knowledgeCopy } from './helpers.ts';

const FACT = 'ceasefire-commitment';
const SECOND = 'marseille-dock-strike';
const QUESTION = 'What did Russia, Iran and Turkey agree to?';
const who = { conversationKey: 'reload', userKey: 'reload:user' };

interface Summary {
  facts: { id: string; text: { en: string; fr: string }; quote: string }[];
}

describe('GIVEN a running Depeche watching a copy of knowledge/', () => {
  let dir: string;
  let watcher: KnowledgeWatcher | undefined;
  afterEach(() => {
    watcher?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function start() {
    dir = knowledgeCopy();
    const { lines, logger } = captureLogs();
    const depeche = createDepeche({ commands: registry, knowledge: loadKnowledge(dir), config: parseConfig({}) });
    watcher = watchKnowledge({ dir, depeche, logger, debounceMs: 50 });
    return { depeche, logs: lines };
  }

  const summaryPath = () => join(dir, ARTICLE, 'summary.json');
  function editFact(change: (fact: Summary['facts'][number]) => void): void {
    const summary = JSON.parse(readFileSync(summaryPath(), 'utf8')) as Summary;
    change(summary.facts.find((fact) => fact.id === FACT)!);
    writeFileSync(summaryPath(), JSON.stringify(summary, null, 2));
  }
  const answer = async (depeche: Depeche) => depeche.ask(QUESTION, who);

  it('WHEN a fact text is edited THEN the next answer says the new text', async () => {
    const { depeche, logs } = start();
    const before = await answer(depeche);
    expect(before.sources.map((source) => source.factId)).toContain(FACT);
    expect(before.text).not.toContain('(edited for the test)');

    editFact((fact) => {
      fact.text.en = fact.text.en.replace(/\.$/, ' (edited for the test).');
    });
    expect(watcher!.reloadNow()).toEqual({ ok: true, articles: 1 });

    expect((await answer(depeche)).text).toContain('(edited for the test)');
    expect(logs.items.some((line) => line.msg === 'knowledge reloaded')).toBe(true);
  });

  it('WHEN a quote is no longer in the article THEN the previous knowledge keeps serving and the error names file, fact and field', async () => {
    const { depeche, logs } = start();
    const before = await answer(depeche);

    editFact((fact) => {
      fact.quote = 'words that the article never says';
      fact.text.en = 'This text must never be served.';
    });
    const result = watcher!.reloadNow();

    const expected = `${summaryPath()}: fact "${FACT}", field "quote": not found verbatim in article.txt`;
    expect(result).toEqual({ ok: false, error: expected });
    const logged = logs.items.find((line) => line.level >= 50);
    expect(logged?.error).toBe(expected);
    expect(logged?.msg).toContain(expected);
    const after = await answer(depeche);
    expect(after.text).toBe(before.text);
    expect(after.text).not.toContain('never be served');
  });

  it('WHEN the JSON is cut mid-write THEN it is refused, and the complete file that follows is taken', async () => {
    const { depeche, logs } = start();
    const whole = readFileSync(summaryPath(), 'utf8');
    writeFileSync(summaryPath(), whole.slice(0, whole.length / 2));
    expect(watcher!.reloadNow()).toMatchObject({ ok: false, error: expect.stringMatching(/summary\.json: not valid JSON/) });
    expect((await answer(depeche)).sources.map((source) => source.factId)).toContain(FACT);

    writeFileSync(summaryPath(), whole.replace('committed to work towards a ceasefire', 'committed, after an edit, to work towards a ceasefire'));
    expect(watcher!.reloadNow()).toEqual({ ok: true, articles: 1 });
    expect((await answer(depeche)).text).toContain('after an edit');
    expect(logs.items.filter((line) => line.msg === 'knowledge reloaded')).toHaveLength(1);
  });

  it('WHEN a file is saved THEN the watcher reloads by itself', async () => {
    const { depeche, logs } = start();
    editFact((fact) => {
      fact.text.en = fact.text.en.replace(/\.$/, ' (saved in an editor).');
    });
    await logs.waitFor((line) => line.msg === 'knowledge reloaded', { timeoutMs: 10_000, what: 'a reload after the save' });
    expect((await answer(depeche)).text).toContain('(saved in an editor)');
  });

  it('WHEN an invalid file is saved THEN the watcher logs the error and keeps the old answers', async () => {
    const { depeche, logs } = start();
    const before = await answer(depeche);
    editFact((fact) => {
      fact.quote = 'not in the article';
    });
    const logged = await logs.waitFor((line) => line.level >= 50, { timeoutMs: 10_000, what: 'a refused reload after the save' });
    expect(logged.error).toBe(`${summaryPath()}: fact "${FACT}", field "quote": not found verbatim in article.txt`);
    expect((await answer(depeche)).text).toBe(before.text);
  });

  it('WHEN an article folder is added THEN the watcher loads it; WHEN it is removed THEN it is gone again', async () => {
    const { depeche, logs } = start();
    const reloads = () => logs.items.filter((line) => line.msg === 'knowledge reloaded');
    // Written under a name the loader skips, then renamed: the folder appears whole, as a deploy or a `mv` makes it.
    cpSync(resolve('test', 'fixtures', 'articles', SECOND), join(dir, `_${SECOND}`), { recursive: true });
    renameSync(join(dir, `_${SECOND}`), join(dir, SECOND));
    const added = await logs.waitFor((line) => line.msg === 'knowledge reloaded' && (line.articles as string[]).includes(SECOND), { timeoutMs: 10_000, what: 'a reload with the added article' });
    expect(added.articles).toEqual([SECOND, ARTICLE]);
    expect(depeche.knowledge().newest.id).toBe(SECOND);
    expect((await depeche.run('numbers', {}, who)).sources.map((source) => source.factId)).toEqual(['jobs-threatened']);

    const before = reloads().length;
    rmSync(join(dir, SECOND), { recursive: true, force: true });
    const removed = await logs.waitFor((line) => line.msg === 'knowledge reloaded' && reloads().indexOf(line) >= before && !(line.articles as string[]).includes(SECOND), {
      timeoutMs: 10_000,
      what: 'a reload without the removed article',
    });
    expect(removed.articles).toEqual([ARTICLE]);
    expect(depeche.knowledge().articles.map((article) => article.id)).toEqual([ARTICLE]);
    expect((await depeche.run('numbers', { article: SECOND }, who)).text).toMatch(/^No article matches/);
  });
});
