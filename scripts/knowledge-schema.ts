// Writes knowledge/schema.json from src/knowledge/schema.ts: `npm run knowledge:schema`.
import { writeFileSync } from 'node:fs';
import { argsOrExit } from '../src/cli/args.ts';
import { summaryJsonSchema } from '../src/knowledge/json-schema.ts';

argsOrExit({ name: 'knowledge:schema', synopsis: 'npm run knowledge:schema', about: 'Writes knowledge/schema.json from src/knowledge/schema.ts.', flags: {} });

writeFileSync('knowledge/schema.json', summaryJsonSchema());
console.log('wrote knowledge/schema.json');
