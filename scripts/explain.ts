// Shows how the engine reads a question, along its own path: small talk, the parts of the question, each part's
// language, terms, focus and kind, whether the conversation's topic was used, which entries scored what, and the
// answer. Lines are asked in one conversation, as a chat would: `npm run explain -- "What did Putin say?" "And Erdogan?"`.
import { commands } from '../commands/index.ts';
import { answerSession } from '../src/core/answer-session.ts';
import { createEngine } from '../src/engine/engine.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { readExplainArgs } from './explain-args.ts';

const args = readExplainArgs(process.argv.slice(2));
if ('exitCode' in args) process.exit(args.exitCode);
const knowledge = loadKnowledge(process.env.KNOWLEDGE_DIR ?? 'knowledge');
const session = answerSession(createEngine(knowledge), { commands });
for (const question of args.questions) {
  const trace: string[] = [];
  const reply = session.ask(question, { trace });
  console.log(`\n> ${question}`);
  for (const line of trace) console.log(`  ${line}`);
  console.log(`  => ${reply.answer.kind}${reply.refused ? ' (refused)' : ''} [${reply.lang}] ${reply.text.replace(/\n/g, '\n     ')}`);
}
