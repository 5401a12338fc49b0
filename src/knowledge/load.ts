import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { summarySchema, type SummaryFile } from './schema.ts';
import type { Article, Knowledge } from './types.ts';

export const SOURCE_FILE = 'article.txt';
export const SUMMARY_FILE = 'summary.json';

/** A knowledge folder that cannot be served. The message names the file, the entry and the field. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
}

/** Loads every article folder under `root` (folders starting with `_` or `.` are skipped). */
export function loadKnowledge(root: string): Knowledge {
  let entries: string[];
  try {
    entries = readdirSync(root).filter((name) => !/^[._]/.test(name) && statSync(join(root, name)).isDirectory());
  } catch {
    throw new KnowledgeError(`${root}: cannot read the knowledge folder`);
  }
  entries.sort();
  if (entries.length === 0) throw new KnowledgeError(`${root}: no article folder in it`);
  const articles = entries.map((name) => loadArticle(join(root, name)));
  checkGlobalIds(articles);
  return Object.freeze({ articles: Object.freeze(articles), primary: articles[0]! });
}

export function loadArticle(dir: string): Article {
  const sourcePath = join(dir, SOURCE_FILE);
  const summaryPath = join(dir, SUMMARY_FILE);
  const source = readText(sourcePath);
  const raw = parseJson(summaryPath, readText(summaryPath));
  const parsed = summarySchema.safeParse(raw);
  if (!parsed.success) throw new KnowledgeError(describeSchemaError(summaryPath, raw, parsed.error));
  const summary = parsed.data;
  checkEntries(summaryPath, summary, source);
  const factsById = new Map(summary.facts.map((fact) => [fact.id, fact]));
  return deepFreeze({
    id: summary.id,
    dir,
    source,
    title: summary.title,
    credit: summary.credit,
    briefing: summary.briefing.map((id) => factsById.get(id)!),
    actors: summary.actors,
    facts: summary.facts,
    gaps: summary.gaps,
    synonyms: summary.synonyms,
  });
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new KnowledgeError(`${path}: missing or unreadable`);
  }
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new KnowledgeError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** Turns the first schema issue into "file: fact "id", field "quote": reason". */
function describeSchemaError(file: string, raw: unknown, error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.map(String);
  const [section, index, ...rest] = path;
  const where =
    index !== undefined && /^\d+$/.test(index) && ['actors', 'facts', 'gaps'].includes(section!)
      ? `${entryLabel(section!)} ${entryName(raw, section!, Number(index))}, field "${rest.join('.') || '(entry)'}"`
      : `field "${path.join('.') || '(root)'}"`;
  return `${file}: ${where}: ${issue.message}`;
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
  for (const actor of summary.actors) {
    if (!source.includes(actor.quote)) fail('actor', actor.id, 'quote', notVerbatim);
  }
  for (const fact of summary.facts) {
    if (!source.includes(fact.quote)) fail('fact', fact.id, 'quote', notVerbatim);
    fact.actors.forEach((ref, i) => {
      if (!actorIds.has(ref)) fail('fact', fact.id, `actors.${i}`, `no actor "${ref}"`);
    });
    const givenBy = fact.figure?.givenBy;
    if (givenBy && !actorIds.has(givenBy)) fail('fact', fact.id, 'figure.givenBy', `no actor "${givenBy}"`);
  }
  for (const gap of summary.gaps) {
    gap.related?.forEach((ref, i) => {
      if (!factIds.has(ref)) fail('gap', gap.id, `related.${i}`, `no fact "${ref}"`);
    });
  }
  summary.briefing.forEach((ref, i) => {
    if (!factIds.has(ref)) throw new KnowledgeError(`${file}: field "briefing.${i}": no fact "${ref}"`);
  });
  if (!source.includes(summary.credit.quote)) {
    throw new KnowledgeError(`${file}: field "credit.quote": ${notVerbatim}`);
  }
}

/** Ids are reported in answers without their article, so they must be unique across articles too. */
function checkGlobalIds(articles: Article[]): void {
  const owner = new Map<string, string>();
  for (const article of articles) {
    if (owner.has(article.id)) {
      throw new KnowledgeError(`${join(article.dir, SUMMARY_FILE)}: field "id": article id "${article.id}" is also used by ${owner.get(article.id)}`);
    }
    owner.set(article.id, relative('.', article.dir));
  }
  const factOwner = new Map<string, string>();
  for (const article of articles) {
    for (const entry of [...article.actors, ...article.facts, ...article.gaps]) {
      const other = factOwner.get(entry.id);
      if (other && other !== article.id) {
        throw new KnowledgeError(`${join(article.dir, SUMMARY_FILE)}: entry "${entry.id}", field "id": also used in article "${other}"`);
      }
      factOwner.set(entry.id, article.id);
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
