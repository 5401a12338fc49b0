// Measures the articles of KNOWLEDGE_DIR, or one of them: `npm run knowledge:check [article-id]`. One line per
// article, then what to look at. Exits 1 when an article cannot load, 0 otherwise (warnings included).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkArticle, detailLines, summaryLine, type CheckTools } from '../src/authoring/check.ts';
import { argsOrExit } from '../src/cli/args.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { hardNegatives } from '../src/engine/self-test.ts';
import { leanArticle } from '../src/knowledge/lean.ts';
import { KnowledgeError, loadKnowledge } from '../src/knowledge/load.ts';

const tools: CheckTools = { hardNegatives, leanArticle };
const args = argsOrExit({
  name: 'knowledge:check',
  synopsis: 'npm run knowledge:check [-- <article-id>]',
  about: 'Measures the articles of KNOWLEDGE_DIR (or one of them): one line per article, then what to look at and why.\nExits 1 when an article cannot load, 0 otherwise.',
  flags: {},
});

function articleDirs(root: string, only: string | undefined): string[] {
  if (only) {
    const dir = join(root, only);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ConfigError(`${dir}: no such article folder`);
    return [dir];
  }
  try {
    return readdirSync(root)
      .filter((name) => !/^[._]/.test(name) && statSync(join(root, name)).isDirectory())
      .sort()
      .map((name) => join(root, name));
  } catch {
    throw new ConfigError(`${root}: cannot read the knowledge folder`);
  }
}

function main(argv: string[]): number {
  const root = loadConfig().knowledgeDir;
  const checks = articleDirs(root, argv[0]).map((dir) => checkArticle(dir, tools));
  for (const check of checks) console.log(summaryLine(check));
  const details = checks.flatMap(detailLines);
  if (details.length) console.log(['', ...details].join('\n'));
  let failed = checks.some((check) => check.error);
  // Each article loads on its own; together they must too (article ids are unique across the folder).
  if (!argv[0] && !failed) {
    try {
      loadKnowledge(root);
    } catch (error) {
      if (!(error instanceof KnowledgeError)) throw error;
      console.log(`\nERROR ${error.message}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

try {
  process.exitCode = main(args.words);
} catch (error) {
  const known = error instanceof ConfigError;
  process.stderr.write(`knowledge:check: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
  process.exitCode = known ? 2 : 1;
}
