import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summaryJsonSchema } from '../../src/knowledge/json-schema.ts';

describe('knowledge/schema.json', () => {
  it('GIVEN the zod schema THEN the committed JSON Schema is the one generated from it (npm run knowledge:schema)', () => {
    expect(readFileSync('knowledge/schema.json', 'utf8')).toBe(summaryJsonSchema());
  });

  it('GIVEN the JSON Schema THEN it documents the fields a writer needs', () => {
    const schema = JSON.parse(summaryJsonSchema()) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'credit', 'briefing', 'actors', 'facts', 'gaps']));
    expect(JSON.stringify(schema.properties.facts)).toContain('The exact words of the article the fact rests on.');
  });
});
