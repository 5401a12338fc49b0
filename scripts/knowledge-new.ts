// Starts a new article: `npm run knowledge:new -- <article-id> <path/to/article.txt> [--published YYYY-MM-DD]`.
// Creates KNOWLEDGE_DIR/<article-id>/ with the verbatim text and a draft summary.json to fill in (README, "Adding an article").
import { join } from 'node:path';
import { AuthoringError, createDraftArticle } from '../src/authoring/new-article.ts';
import { ConfigError, loadConfig } from '../src/config.ts';

const USAGE = 'usage: npm run knowledge:new -- <article-id> <path/to/article.txt> [--published YYYY-MM-DD]';

function main(argv: string[]): void {
  const unknown = argv.find((arg, i) => arg.startsWith('-') && arg !== '--published' && argv[i - 1] !== '--published');
  if (unknown === '--help' || unknown === '-h') {
    process.stdout.write(`${USAGE}\nCreates <KNOWLEDGE_DIR>/<article-id>/ with the text and a draft summary.json to fill in (docs/adding-an-article.md).\n`);
    process.exit(0);
  }
  if (unknown) {
    process.stderr.write(`knowledge:new: unknown option ${unknown}\n${USAGE}\n`);
    process.exit(2);
  }
  const at = argv.indexOf('--published');
  const published = at >= 0 ? (argv[at + 1] ?? '') : undefined;
  const [id, textPath, ...extra] = argv.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
  if (!id || !textPath || extra.length) throw new AuthoringError(USAGE);
  const started = performance.now();
  const draft = createDraftArticle({ knowledgeDir: loadConfig().knowledgeDir, id, textPath, published });
  const ms = performance.now() - started;
  console.log(`created ${draft.dir}/ in ${ms.toFixed(0)} ms: article.txt (verbatim) and a draft summary.json with ${draft.facts} facts, ${draft.actors} actors and ${draft.todos} fields marked TODO.`);
  console.log(`Next: fill in every TODO in ${join(draft.dir, 'summary.json')} (delete what is not worth a fact), then run npm run knowledge:check ${id}.`);
  console.log('Until every TODO is filled in, Depeche refuses to load the folder (a running Depeche keeps serving what it had).');
}

try {
  main(process.argv.slice(2));
} catch (error) {
  const known = error instanceof AuthoringError || error instanceof ConfigError;
  process.stderr.write(`knowledge:new: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(known ? 2 : 1);
}
