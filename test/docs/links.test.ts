// Every relative link of the README and of docs/ leads to a file or folder of the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
const LINK = /\]\(([^)\s]+)\)/g;

describe('GIVEN the README and the docs', () => {
  it.each(PAGES)('THEN every relative link of %s resolves inside the repository', (page) => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    const broken: string[] = [];
    for (const [, target] of text.matchAll(LINK)) {
      if (/^(?:https?:|mailto:|#)/.test(target!)) continue;
      const path = resolve(dirname(join(ROOT, page)), target!.split('#')[0]!);
      if (!path.startsWith(ROOT) || !existsSync(path)) broken.push(target!);
    }
    expect(broken).toEqual([]);
  });
});
