import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { usage } from '../../src/cli/args.ts';
import { askSpec, runAskCli } from '../../src/cli/ask-cli.ts';

/** runAskCli on in-memory streams; `tty` makes stdin look like a keyboard. */
function startAsk(argv: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const stdin = Object.assign(new PassThrough(), { isTTY: options.tty });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exitCode = runAskCli({ argv, stdin, stdout, stderr, env: { KNOWLEDGE_DIR: 'knowledge', ...options.env } });
  return { stdin, exitCode, stdout: () => out, stderr: () => err };
}

describe('runAskCli', () => {
  it('GIVEN --help THEN the usage on stdout and exit 0, nothing asked', async () => {
    const ask = startAsk(['--help']);
    expect(await ask.exitCode).toBe(0);
    expect(ask.stdout()).toBe(usage(askSpec));
    expect(ask.stderr()).toBe('');
  });

  it.each([[['']], [['  ', ' ']], [['--json', '']]])('GIVEN the empty question %j THEN it says so with the usage line, exit 2', async (argv) => {
    const ask = startAsk(argv);
    expect(await ask.exitCode).toBe(2);
    expect(ask.stdout()).toBe('');
    expect(ask.stderr()).toBe('ask: the question is empty\nUsage: npm run -s ask -- [--json] ["question"]  (--help for more)\n');
  });

  it('GIVEN an unknown flag THEN it is named and nothing is asked (exit 2)', async () => {
    const ask = startAsk(['--jsn', 'How many people left Aleppo?']);
    expect(await ask.exitCode).toBe(2);
    expect(ask.stderr()).toMatch(/^ask: unknown option --jsn\n/);
    expect(ask.stdout()).toBe('');
  });

  it('GIVEN no question and stdin at a terminal THEN a one-line hint on stderr, and the lines typed are still answered', async () => {
    const ask = startAsk(['--json'], { tty: true });
    await expect.poll(ask.stderr).toMatch(/\n$/);
    expect(ask.stderr()).toBe('ask: type a question and press Enter, one per line; Ctrl-D ends (--help for more)\n');
    expect(ask.stdout()).toBe('');
    ask.stdin.end('How many people left Aleppo?\n');
    expect(await ask.exitCode).toBe(0);
    expect((JSON.parse(ask.stdout()) as { answered: boolean; text: string }).text).toMatch(/25,000/);
  });

  it('GIVEN no question and stdin a pipe THEN no hint: stderr stays empty for scripts', async () => {
    const ask = startAsk(['--json']);
    ask.stdin.end('How many people left Aleppo?\n');
    expect(await ask.exitCode).toBe(0);
    expect(ask.stderr()).toBe('');
    expect(ask.stdout().trimEnd().split('\n')).toHaveLength(1);
  });

  it('GIVEN KNOWLEDGE_DIR=/nonexistent THEN one line names the variable, what it takes and what is wrong (exit 2)', async () => {
    const ask = startAsk(['How many people left Aleppo?'], { env: { KNOWLEDGE_DIR: '/nonexistent' } });
    expect(await ask.exitCode).toBe(2);
    expect(ask.stderr()).toBe('ask: KNOWLEDGE_DIR must be the folder of articles, got "/nonexistent": there is no such folder\n');
    expect(ask.stdout()).toBe('');
  });

  it('GIVEN a broken setting ask uses THEN it is named; a half-set Discord or Slack configuration is not read at all', async () => {
    const broken = startAsk(['How many people left Aleppo?'], { env: { MAX_QUESTION_LENGTH: 'long' } });
    expect(await broken.exitCode).toBe(2);
    expect(broken.stderr()).toBe('ask: MAX_QUESTION_LENGTH must be a whole number of characters, 1 or more, got "long"\n');
    const halfSet = startAsk(['--json', 'How many people left Aleppo?'], { env: { DISCORD_TOKEN: 'abc', SLACK_BOT_TOKEN: 'xoxp-wrong', PORT: 'abc' } });
    expect(await halfSet.exitCode).toBe(0);
    expect(halfSet.stderr()).toBe('');
  });
});
