import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_FILE, SUMMARY_FILE } from '../knowledge/load.ts';
import { idSchema, isoDateSchema } from '../knowledge/schema.ts';
import { draftSummary, type Draft } from './draft.ts';

/** A request `npm run knowledge:new` cannot carry out; the message says what to change. */
export class AuthoringError extends Error {
  override name = 'AuthoringError';
}

/**
 * `npm run knowledge:new -- <article-id> <article.txt> [--published YYYY-MM-DD]`: creates <knowledgeDir>/<id>/ with
 * the text copied byte for byte and a draft summary.json. Never overwrites an article.
 */
export function createDraftArticle(options: { knowledgeDir: string; id: string; textPath: string; published?: string }): Draft & { dir: string } {
  if (!idSchema.safeParse(options.id).success) throw new AuthoringError(`"${options.id}" cannot be an article id: use lowercase letters, digits and dashes (minsk-ceasefire)`);
  if (options.published !== undefined && !isoDateSchema.safeParse(options.published).success) {
    throw new AuthoringError(`--published "${options.published}" is not a date: write it YYYY-MM-DD (2024-03-15)`);
  }
  let source: string;
  try {
    source = readFileSync(options.textPath, 'utf8');
  } catch {
    throw new AuthoringError(`${options.textPath}: missing or unreadable`);
  }
  if (!source.trim()) throw new AuthoringError(`${options.textPath}: the file is empty`);
  const dir = join(options.knowledgeDir, options.id);
  if (existsSync(dir)) throw new AuthoringError(`${dir} already exists: choose another id, or remove the folder first`);
  const draft = draftSummary({ id: options.id, source, published: options.published });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, SOURCE_FILE), source);
  writeFileSync(join(dir, SUMMARY_FILE), `${JSON.stringify(draft.summary, null, 2)}\n`);
  return { ...draft, dir };
}
