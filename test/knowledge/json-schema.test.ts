import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summaryJsonSchema } from '../../src/knowledge/json-schema.ts';

interface Node {
  type?: string;
  description?: string;
  examples?: unknown[];
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
  required?: string[];
}

/** Every field of the format, with its path and the node of the object that holds it. */
function fields(node: Node, path = ''): { path: string; node: Node; parent?: Node }[] {
  const found: { path: string; node: Node; parent?: Node }[] = [];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    found.push({ path: `${path}.${name}`, node: child, parent: node }, ...fields(child, `${path}.${name}`));
  }
  if (node.items) found.push(...fields(node.items, `${path}[]`).map((field) => ({ ...field, parent: field.parent === node.items ? node : field.parent })));
  for (const alternative of node.anyOf ?? []) found.push(...fields(alternative, path));
  return found;
}

describe('knowledge/schema.json', () => {
  const schema = JSON.parse(summaryJsonSchema()) as Node;

  it('GIVEN the zod schema THEN the committed JSON Schema is the one generated from it (npm run knowledge:schema)', () => {
    expect(readFileSync('knowledge/schema.json', 'utf8')).toBe(summaryJsonSchema());
  });

  it('GIVEN the JSON Schema THEN it documents the fields a writer needs; credit and published are optional', () => {
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'briefing', 'actors', 'facts', 'gaps']));
    expect(schema.required).not.toContain('credit');
    expect(schema.required).not.toContain('published');
    expect(JSON.stringify(schema.properties!.facts)).toContain('The exact words of the article the fact rests on.');
  });

  it('GIVEN every field THEN it has a description, and an example unless it only holds fields that have theirs', () => {
    const all = fields(schema);
    expect(all.length).toBeGreaterThan(40);
    for (const { path, node } of all) {
      expect(node.description, path).toBeTruthy();
      const container = node.type === 'object' || (node.type === 'array' && node.items?.type === 'object');
      const languageOfExample = /\.(en|fr)$/.test(path);
      if (!container && !languageOfExample) expect(node.examples?.length, `${path} has no example`).toBeGreaterThan(0);
    }
  });

  it('GIVEN the hard parts of the format THEN the schema shows them: a quote over two lines, figures in words, digits and ranges', () => {
    const quote = schema.properties!.facts!.items!.properties!.quote!;
    expect(quote.description).toMatch(/\\n in JSON/);
    expect(quote.examples!.some((example) => String(example).includes('\n'))).toBe(true);
    const value = schema.properties!.facts!.items!.properties!.figure!.properties!.value!;
    expect(value.examples).toEqual(expect.arrayContaining(['16', 'seize', '50 à 70']));
    expect(schema.properties!.published!.examples).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
  });
});
