import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { explainSpec, readExplainArgs } from '../../scripts/explain-args.ts';
import { parseCliArgs, usage } from '../../src/cli/args.ts';
import { askSpec } from '../../src/cli/ask-cli.ts';

/** Streams that keep what was written to them. */
function io() {
  const capture = () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    return { stream, text: () => text };
  };
  const out = capture();
  const err = capture();
  return { io: { stdout: out.stream, stderr: err.stream }, stdout: out.text, stderr: err.text };
}

describe('parseCliArgs (shared by ask and explain)', () => {
  it.each([['--help'], ['-h'], ['a question', '--help']])('GIVEN %j THEN the usage goes to stdout with exit 0', (...argv) => {
    const args = parseCliArgs(askSpec, argv);
    expect(args).toEqual({ kind: 'exit', exitCode: 0, stream: 'stdout', text: usage(askSpec) });
    expect(usage(askSpec)).toMatch(/^Usage: npm run -s ask -- \[--json\] \["question"\]\n/);
    expect(usage(askSpec)).toMatch(/\n {2}--json {6}print one JSON object per answer/);
    expect(usage(askSpec)).toMatch(/\n {2}-h, --help {2}show this help and exit\n$/);
  });

  it.each([
    [['--jsn', 'How many?'], 'ask: unknown option --jsn'],
    [['How many?', '-x'], 'ask: unknown option -x'],
    [['--json=yes', 'How many?'], 'ask: --json takes no value'],
  ])('GIVEN %j THEN one line names the mistake, one gives the usage, exit 2', (argv, problem) => {
    const args = parseCliArgs(askSpec, argv);
    expect(args).toEqual({ kind: 'exit', exitCode: 2, stream: 'stderr', text: `${problem}\nUsage: npm run -s ask -- [--json] ["question"]  (--help for more)\n` });
  });

  it('GIVEN flags and words in any order THEN the flags are read and the words kept in order; -- ends the flags', () => {
    expect(parseCliArgs(askSpec, ['How', '--json', 'many?'])).toEqual({ kind: 'run', flags: new Set(['json']), words: ['How', 'many?'] });
    expect(parseCliArgs(askSpec, ['--', '--json', '-5 degrees?'])).toEqual({ kind: 'run', flags: new Set(), words: ['--json', '-5 degrees?'] });
    // "help" as a word is a question, not the flag.
    expect(parseCliArgs(askSpec, ['help'])).toEqual({ kind: 'run', flags: new Set(), words: ['help'] });
  });
});

describe('readExplainArgs', () => {
  it('GIVEN --help THEN the usage of explain on stdout, exit 0', () => {
    const out = io();
    expect(readExplainArgs(['--help'], out.io)).toEqual({ exitCode: 0 });
    expect(out.stdout()).toBe(usage(explainSpec));
    expect(out.stdout()).toMatch(/^Usage: npm run explain -- "question"/);
    expect(out.stderr()).toBe('');
  });

  it.each([
    [['--verbose', 'who?'], 'explain: unknown option --verbose'],
    [[''], 'explain: the question is empty'],
    [[], 'explain: no question given'],
  ])('GIVEN %j THEN %s and the usage line on stderr, exit 2', (argv, problem) => {
    const out = io();
    expect(readExplainArgs(argv, out.io)).toEqual({ exitCode: 2 });
    expect(out.stderr()).toBe(`${problem}\nUsage: ${explainSpec.synopsis}  (--help for more)\n`);
    expect(out.stdout()).toBe('');
  });

  it('GIVEN questions THEN they are returned, in order', () => {
    expect(readExplainArgs(['who backs Assad?', 'où ?'])).toEqual({ questions: ['who backs Assad?', 'où ?'] });
  });
});
