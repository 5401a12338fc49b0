// Loads and checks test/eval/public-set.json (shared by the eval test and the accuracy bench).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXPECTS, LANGS, type EvalItem } from './judge.ts';

/** The sets live in test/eval/, read from the project root (where npm runs the tests and the bench, compiled or not). */
export const evalSetPath = (name: string): string => resolve('test', 'eval', name);
export const PUBLIC_SET_PATH = evalSetPath('public-set.json');

export function loadPublicSet(path: string = PUBLIC_SET_PATH): EvalItem[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${path}: not a JSON array`);
  return raw.map((entry, index) => checkItem(entry, `${path} #${index + 1}`));
}

function checkItem(entry: unknown, where: string): EvalItem {
  const bad = (why: string): never => {
    throw new Error(`${where}: ${why}`);
  };
  if (typeof entry !== 'object' || entry === null) bad('not an object');
  const e = entry as Record<string, unknown>;
  if (typeof e.id !== 'string' || !/^(en|fr)-\d{3}$/.test(e.id)) bad('id must look like en-001 or fr-001');
  if (!LANGS.includes(e.lang as never)) bad('lang must be "en" or "fr"');
  if (!(e.id as string).startsWith(`${e.lang as string}-`)) bad('id prefix and lang differ');
  if (typeof e.question !== 'string' || e.question.trim() === '') bad('empty question');
  if (!EXPECTS.includes(e.expect as never)) bad('expect must be answer, refuse or not_said');
  if (e.mustContain !== undefined) {
    const groups = e.mustContain;
    const ok =
      Array.isArray(groups) &&
      groups.every((g) => Array.isArray(g) && g.length > 0 && g.every((a) => typeof a === 'string' && a.trim() !== ''));
    if (!ok) bad('mustContain must be a list of non-empty lists of strings');
  }
  if (e.expect === 'answer' && !(Array.isArray(e.mustContain) && e.mustContain.length > 0)) bad('an "answer" item needs mustContain');
  if (e.expect === 'refuse' && e.mustContain !== undefined) bad('a "refuse" item has no mustContain');
  if (e.note !== undefined && typeof e.note !== 'string') bad('note must be a string');
  return e as unknown as EvalItem;
}

/** The article the public sets are about: the served copy of its text (checked verbatim against its summary). */
export const PUBLIC_SET_ARTICLE = 'syria-ceasefire-talks';

export function findArticleText(article = PUBLIC_SET_ARTICLE, knowledgeRoot = 'knowledge'): { path: string; text: string } | undefined {
  const path = join(knowledgeRoot, article, 'article.txt');
  return existsSync(path) ? { path, text: readFileSync(path, 'utf8') } : undefined;
}
