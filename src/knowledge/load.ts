import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { describeJsonError } from './json-error.ts';
import { resolveWhen, foldWords } from './dates.ts';
import { summarySchema, type FactInput, type SummaryFile } from './schema.ts';
import type { Article, FactEntry, Knowledge } from './types.ts';

export const SOURCE_FILE = 'article.txt';
export const SUMMARY_FILE = 'summary.json';

const FOLDER_PROBLEMS: Record<string, string> = {
  ENOENT: 'there is no such folder',
  ENOTDIR: 'it is a file, not a folder',
  EACCES: 'it cannot be read (permission denied)',
};

/** A knowledge folder that cannot be served. The message names the file, the entry and the field. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
}

export interface LoadKnowledgeOptions {
  /** The setting `root` comes from (`KNOWLEDGE_DIR`): a folder that cannot be read is then reported as that setting's mistake. */
  variable?: string;
}

/** Loads every article folder under `root` (folders starting with `_` or `.` are skipped). */
export function loadKnowledge(root: string, options: LoadKnowledgeOptions = {}): Knowledge {
  // "KNOWLEDGE_DIR must be the folder of articles, got "/nonexistent": there is no such folder"
  const badRoot = (problem: string) =>
    new KnowledgeError(options.variable ? `${options.variable} must be the folder of articles, got ${JSON.stringify(root)}: ${problem}` : `${root}: ${problem}`);
  let entries: string[];
  try {
    entries = readdirSync(root).filter((name) => !/^[._]/.test(name) && statSync(join(root, name)).isDirectory());
  } catch (error) {
    throw badRoot(FOLDER_PROBLEMS[(error as NodeJS.ErrnoException).code ?? ''] ?? `cannot read the knowledge folder (${(error as Error).message})`);
  }
  if (entries.length === 0) throw badRoot(`no article folder in it (each article is a folder holding ${SOURCE_FILE} and ${SUMMARY_FILE})`);
  for (const name of entries) {
    // Printed as JSON: the escapes are shown, never sent to the terminal.
    if (CONTROL.test(name)) throw new KnowledgeError(`${root}: the folder name ${JSON.stringify(name)} holds control characters; rename it with letters, digits and dashes`);
  }
  const articles = entries.map((name) => loadArticle(join(root, name), root)).sort(newestFirst);
  checkArticleIds(articles);
  return Object.freeze({ articles: Object.freeze(articles), newest: articles[0]! });
}

/** Newest `published` first; undated articles after every dated one; ties by folder name. */
export function newestFirst(a: Pick<Article, 'published' | 'dir'>, b: Pick<Article, 'published' | 'dir'>): number {
  const byDate = (b.published ?? '').localeCompare(a.published ?? '');
  if (byDate !== 0) return byDate;
  const [x, y] = [basename(a.dir), basename(b.dir)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** C0 and C1 control characters, DEL included: what this pattern is for. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** A summary is tens of kilobytes; these bounds only keep a broken or hostile file from costing more than a clear error. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MAX_JSON_DEPTH = 32;
/**
 * Below these lengths a verbatim check proves nothing ("a" is in every article): a fact's quote is a sentence or a
 * clause, an actor's or the credit's at least a short name ("UE", "AFP").
 */
export const MIN_FACT_QUOTE = 10;
export const MIN_NAME_QUOTE = 2;

/** `root`, when given, is the knowledge folder: the article's files must be inside it, links included. */
export function loadArticle(dir: string, root?: string): Article {
  const sourcePath = join(dir, SOURCE_FILE);
  const summaryPath = join(dir, SUMMARY_FILE);
  if (root) for (const path of [dir, sourcePath, summaryPath]) refuseOutside(path, root);
  const source = readText(sourcePath);
  const summaryText = readText(summaryPath);
  checkDepth(summaryPath, summaryText);
  const raw = parseJson(summaryPath, summaryText);
  refuseTodos(summaryPath, raw);
  const parsed = summarySchema.safeParse(raw);
  if (!parsed.success) throw new KnowledgeError(describeSchemaError(summaryPath, raw, parsed.error));
  const summary = parsed.data;
  checkEntries(summaryPath, summary, source);
  const facts = summary.facts.map((fact) => withResolvedWhen(fact, summary.published));
  const factsById = new Map(facts.map((fact) => [fact.id, fact]));
  return deepFreeze({
    id: summary.id,
    dir,
    source,
    title: summary.title,
    ...(summary.published ? { published: summary.published } : {}),
    ...(summary.credit ? { credit: summary.credit } : {}),
    briefing: summary.briefing.map((id) => factsById.get(id)!),
    actors: summary.actors,
    facts,
    gaps: summary.gaps,
    synonyms: summary.synonyms,
  });
}

function readText(path: string): string {
  let text: string;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) throw new KnowledgeError(`${path}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; an article and its summary are far smaller`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof KnowledgeError) throw error;
    throw new KnowledgeError(`${path}: missing or unreadable`);
  }
  return text;
}

/** A link that leads out of the knowledge folder would serve any file of the machine as an article's source. */
function refuseOutside(path: string, root: string): void {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(path);
    realRoot = realpathSync(root);
  } catch {
    return; // Missing: readText says so.
  }
  if (real !== realRoot && !real.startsWith(realRoot + sep)) throw new KnowledgeError(`${path}: a link that leads outside the knowledge folder; copy the file in instead`);
}

/** Nesting deeper than any summary needs is refused before parsing, in one pass that cannot overflow the stack. */
function checkDepth(path: string, text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) {
        const line = text.slice(0, i).split('\n').length;
        throw new KnowledgeError(`${path}: line ${line}: nested more than ${MAX_JSON_DEPTH} levels deep; a summary needs a few`);
      }
    } else if (c === '}' || c === ']') depth -= 1;
  }
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new KnowledgeError(`${path}: not valid JSON at ${describeJsonError(text, error as Error)}`);
  }
}

/** Turns the first schema issue into "file: fact "id", field "quote": reason". */
function describeSchemaError(file: string, raw: unknown, error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${file}: ${describePath(raw, issue.path.map(String))}: ${issue.message}`;
}

/** `['facts', '2', 'text', 'en']` → `fact "f3", field "text.en"`; outside the entries, `field "title.en"`. */
function describePath(raw: unknown, path: readonly string[]): string {
  const [section, index, ...rest] = path;
  return index !== undefined && /^\d+$/.test(index) && ['actors', 'facts', 'gaps'].includes(section!)
    ? `${entryLabel(section!)} ${entryName(raw, section!, Number(index))}, field "${rest.join('.') || '(entry)'}"`
    : `field "${path.join('.') || '(root)'}"`;
}

/** The marker `npm run knowledge:new` leaves in every field an author must write. */
export const TODO_MARKER = 'TODO';

/**
 * A draft (npm run knowledge:new) must never go live by accident: any text still starting with TODO is refused,
 * naming the first such field and how many more there are.
 */
function refuseTodos(file: string, raw: unknown): void {
  const found: string[][] = [];
  const walk = (value: unknown, path: string[]): void => {
    if (typeof value === 'string') {
      if (value.trimStart().startsWith(TODO_MARKER)) found.push(path);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, String(i)]));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(raw, []);
  if (found.length === 0) return;
  const more = found.length > 1 ? ` (and ${found.length - 1} more field${found.length > 2 ? 's' : ''} marked TODO)` : '';
  throw new KnowledgeError(`${file}: ${describePath(raw, found[0]!)}: is still TODO${more}; this draft cannot be served until every TODO is filled in`);
}

function entryLabel(section: string): string {
  return section === 'actors' ? 'actor' : section === 'gaps' ? 'gap' : 'fact';
}

function entryName(raw: unknown, section: string, index: number): string {
  const entry = (raw as Record<string, unknown[]> | null)?.[section]?.[index] as { id?: unknown } | undefined;
  return typeof entry?.id === 'string' ? `"${entry.id}"` : `#${index + 1}`;
}

function checkEntries(file: string, summary: SummaryFile, source: string): void {
  const fail = (label: string, id: string, field: string, reason: string): never => {
    throw new KnowledgeError(`${file}: ${label} "${id}", field "${field}": ${reason}`);
  };
  const seen = new Set<string>();
  const entries = [
    ...summary.actors.map((entry) => ({ label: 'actor', entry })),
    ...summary.facts.map((entry) => ({ label: 'fact', entry })),
    ...summary.gaps.map((entry) => ({ label: 'gap', entry })),
  ];
  for (const { label, entry } of entries) {
    if (seen.has(entry.id)) fail(label, entry.id, 'id', 'this id is used twice');
    seen.add(entry.id);
  }
  const actorIds = new Set(summary.actors.map((actor) => actor.id));
  const factIds = new Set(summary.facts.map((fact) => fact.id));
  const notVerbatim = `not found verbatim in ${SOURCE_FILE}`;
  const tooShort = (min: number) => `shorter than ${min} characters: too short for its being in ${SOURCE_FILE} to mean anything`;
  for (const actor of summary.actors) {
    if (actor.quote.trim().length < MIN_NAME_QUOTE) fail('actor', actor.id, 'quote', tooShort(MIN_NAME_QUOTE));
    if (!source.includes(actor.quote)) fail('actor', actor.id, 'quote', notVerbatim);
  }
  for (const fact of summary.facts) {
    if (fact.quote.trim().length < MIN_FACT_QUOTE) fail('fact', fact.id, 'quote', tooShort(MIN_FACT_QUOTE));
    if (!source.includes(fact.quote)) fail('fact', fact.id, 'quote', notVerbatim);
    fact.actors.forEach((ref, i) => {
      if (!actorIds.has(ref)) fail('fact', fact.id, `actors.${i}`, `no actor "${ref}"`);
    });
    const givenBy = fact.figure?.givenBy;
    if (givenBy && !actorIds.has(givenBy)) fail('fact', fact.id, 'figure.givenBy', `no actor "${givenBy}"`);
    checkRoles(fact, actorIds, (field, reason) => fail('fact', fact.id, field, reason));
  }
  for (const gap of summary.gaps) {
    gap.related?.forEach((ref, i) => {
      if (!factIds.has(ref)) fail('gap', gap.id, `related.${i}`, `no fact "${ref}"`);
    });
  }
  summary.briefing.forEach((ref, i) => {
    if (!factIds.has(ref)) throw new KnowledgeError(`${file}: field "briefing.${i}": no fact "${ref}"`);
  });
  if (summary.credit && summary.credit.quote.trim().length < MIN_NAME_QUOTE) throw new KnowledgeError(`${file}: field "credit.quote": ${tooShort(MIN_NAME_QUOTE)}`);
  if (summary.credit && !source.includes(summary.credit.quote)) {
    throw new KnowledgeError(`${file}: field "credit.quote": ${notVerbatim}`);
  }
}

/** A fact's roles name actors of its article, and its places and times are words of its own quote. */
function checkRoles(fact: FactInput, actorIds: ReadonlySet<string>, fail: (field: string, reason: string) => never): void {
  for (const role of ['who', 'target'] as const) {
    fact[role]?.forEach((ref, i) => {
      if (!actorIds.has(ref)) fail(`${role}.${i}`, `no actor "${ref}"`);
    });
  }
  if (fact.said_by && !actorIds.has(fact.said_by)) fail('said_by', `no actor "${fact.said_by}"`);
  const quoted = (words: string) => foldWords(fact.quote).join(' ').includes(foldWords(words).join(' '));
  if (fact.where && !actorIds.has(fact.where) && !quoted(fact.where)) {
    fail('where', `"${fact.where}" is neither an actor id nor words of the fact's quote`);
  }
  const when = typeof fact.when === 'string' ? fact.when : fact.when?.text;
  if (when && !quoted(when)) fail(typeof fact.when === 'string' ? 'when' : 'when.text', `"${when}" is not in the fact's quote: use the article's own words for the time`);
}

/** A fact as served: its `when` resolved against the day the article was published, when the words allow. */
function withResolvedWhen(fact: FactInput, published: string | undefined): FactEntry {
  if (fact.when === undefined) return fact as FactEntry;
  const text = typeof fact.when === 'string' ? fact.when : fact.when.text;
  const given = typeof fact.when === 'string' ? undefined : fact.when.date;
  const resolved = given ? { date: given, approximate: false } : resolveWhen(text, fact.quote, published);
  return { ...fact, when: { text, ...(resolved ? { date: resolved.date, approximate: resolved.approximate } : {}) } };
}

/**
 * Article ids name articles in commands and answers, so they are unique; entry ids only need to be unique
 * within their article (checked in checkEntries), since every reference resolves within its own article.
 */
function checkArticleIds(articles: readonly Article[]): void {
  const owner = new Map<string, string>();
  for (const article of [...articles].sort((a, b) => (a.dir < b.dir ? -1 : 1))) {
    if (owner.has(article.id)) {
      throw new KnowledgeError(`${join(article.dir, SUMMARY_FILE)}: field "id": article id "${article.id}" is also used by ${owner.get(article.id)}`);
    }
    owner.set(article.id, relative('.', article.dir));
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
