// Writes knowledge/schema.json from src/knowledge/schema.ts: `npm run knowledge:schema`.
import { writeFileSync } from 'node:fs';
import { summaryJsonSchema } from '../src/knowledge/json-schema.ts';

writeFileSync('knowledge/schema.json', summaryJsonSchema());
console.log('wrote knowledge/schema.json');
