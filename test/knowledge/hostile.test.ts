// Knowledge folders built to mislead: links out of KNOWLEDGE_DIR, control characters in names, quotes too short to
// check, nesting and size meant to overflow. Each is one clear KnowledgeError naming the file, never a stack trace.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.ts';

const ARTICLE = 'syria-ceasefire-talks';
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copy(): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'depeche-hostile-'));
  temps.push(root);
  const dir = join(root, ARTICLE);
  cpSync(join('knowledge', ARTICLE), dir, { recursive: true });
  return { root, dir };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a summary edited as the JSON it is
function edit(dir: string, change: (summary: any) => void): void {
  const path = join(dir, 'summary.json');
  const summary = JSON.parse(readFileSync(path, 'utf8'));
  change(summary);
  writeFileSync(path, JSON.stringify(summary, null, 2));
}

function loadError(root: string): string {
  try {
    loadKnowledge(root);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error('loaded');
}

describe('GIVEN a knowledge folder built to mislead', () => {
  it('WHEN article.txt is a link to a file outside the folder THEN it is refused', () => {
    const { root, dir } = copy();
    const outside = mkdtempSync(join(tmpdir(), 'depeche-outside-'));
    temps.push(outside);
    writeFileSync(join(outside, 'passwd'), readFileSync(join(dir, 'article.txt')));
    unlinkSync(join(dir, 'article.txt'));
    symlinkSync(join(outside, 'passwd'), join(dir, 'article.txt'));
    expect(loadError(root)).toMatch(/article\.txt: a link that leads outside the knowledge folder/);
  });

  it('WHEN an article folder is a link out of the folder THEN it is refused; a link inside it is fine', () => {
    const { root, dir } = copy();
    const outside = mkdtempSync(join(tmpdir(), 'depeche-outside-'));
    temps.push(outside);
    renameSync(dir, join(outside, ARTICLE));
    symlinkSync(join(outside, ARTICLE), dir);
    expect(loadError(root)).toMatch(/a link that leads outside the knowledge folder/);
    rmSync(dir);
    renameSync(join(outside, ARTICLE), join(root, '_kept'));
    symlinkSync(join(root, '_kept'), dir);
    expect(loadKnowledge(root).articles).toHaveLength(1);
  });

  it('WHEN a folder name holds escape sequences THEN it is refused, the escapes shown, not sent to the terminal', () => {
    const { root, dir } = copy();
    renameSync(dir, join(root, 'evil\u001b[31mred'));
    const message = loadError(root);
    expect(message).toContain('\\u001b[31mred');
    expect(message).not.toContain('\u001b');
  });

  it('WHEN a quote is too short for the verbatim check to mean anything THEN it names the entry and field', () => {
    let { root, dir } = copy();
    edit(dir, (summary) => (summary.facts[0].quote = 'a'));
    expect(loadError(root)).toMatch(/fact "[^"]+", field "quote": shorter than 10 characters/);
    ({ root, dir } = copy());
    edit(dir, (summary) => (summary.credit = { ...summary.credit, quote: 'a' }));
    expect(loadError(root)).toMatch(/field "credit\.quote": shorter than 2 characters/);
  });

  it('WHEN summary.json is nested 10,000 deep THEN one line names the file and the line', () => {
    const { root, dir } = copy();
    writeFileSync(join(dir, 'summary.json'), `{"id": "x", "deep": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    expect(loadError(root)).toMatch(/summary\.json: line 1: nested more than 32 levels deep/);
  });

  it('WHEN a file is larger than any article THEN it is refused by its size', () => {
    const { root, dir } = copy();
    writeFileSync(join(dir, 'article.txt'), 'x'.repeat(5 * 1024 * 1024));
    expect(loadError(root)).toMatch(/article\.txt: larger than 4 MB/);
  });
});
