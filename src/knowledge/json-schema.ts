import { z } from 'zod';
import { summarySchema } from './schema.ts';

/** knowledge/schema.json: the summary format as JSON Schema, for editors; generated from the zod schema. */
export function summaryJsonSchema(): string {
  const schema = z.toJSONSchema(summarySchema, { io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'Depeche article summary (knowledge/<article>/summary.json)' }, null, 2)}\n`;
}
