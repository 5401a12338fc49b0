// The command line of `npm run explain`, kept apart from what explain prints.
import { parseCliArgs, usageError, writeExit, type CliSpec } from '../src/cli/args.ts';

export const explainSpec: CliSpec = {
  name: 'explain',
  synopsis: 'npm run explain -- "question" ["another question" …]',
  about: [
    'Shows how the engine reads each question, along its own path: the parts of the question, their language,',
    'terms, focus and kind, the topic of the conversation, which entries scored what, and the answer. The questions',
    'are asked in one conversation, as a chat would. For maintainers tuning knowledge/.',
  ].join('\n'),
  flags: {},
};

/** The questions to explain; or the exit code, once the usage or a usage mistake has been printed. */
export function readExplainArgs(
  argv: readonly string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process,
): { questions: string[] } | { exitCode: number } {
  const args = parseCliArgs(explainSpec, argv);
  if (args.kind === 'exit') return { exitCode: writeExit(args, io) };
  const questions = args.words.map((word) => word.trim()).filter(Boolean);
  if (questions.length === 0) return { exitCode: writeExit(usageError(explainSpec, args.words.length ? 'the question is empty' : 'no question given'), io) };
  return { questions };
}
