import { syrianArticleKnowledge } from '../fixtures/two-articles.ts';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { twoArticleKnowledge } from '../fixtures/two-articles.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const TIMEOUT = 30_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tsx src/cli/ask.ts ...args` from the repo root, feeding `stdin` (closed at once when absent). */
function ask(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return run(TSX, ['src/cli/ask.ts', ...args], options);
}

/** Runs `npm ...args` from the repo root, as the README writes it. */
function npm(args: string[]): Promise<Run> {
  return run('npm', args, {});
}

function run(command: string, commandArgs: string[], options: { stdin?: string; env?: Record<string, string> }): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    // As from a user's shell: not the log level of the npm that runs the tests (it reaches children as npm_config_loglevel).
    const { npm_config_loglevel: _parentLogLevel, ...env } = process.env;
    const child = spawn(command as string, commandArgs as string[], {
      cwd: ROOT,
      env: { ...env, KNOWLEDGE_DIR: syrianArticleKnowledge(), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${command} ${commandArgs.join(' ')} timed out; stderr: ${stderr}`));
    }, TIMEOUT - 2_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

interface JsonAnswer {
  answered: boolean;
  text: string;
  lang: string;
  sources: { quote: string; factId: string; article: string }[];
}

function jsonLines(stdout: string): JsonAnswer[] {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as JsonAnswer);
}

const source = readFileSync(join(ROOT, 'knowledge', 'syria-ceasefire-talks', 'article.txt'), 'utf8');
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('ask CLI', () => {
  it(
    'GIVEN --json and a question THEN stdout is exactly one JSON line with answered, text, lang, sources',
    async () => {
      const run = await ask(['--json', 'How many people left Aleppo?']);
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')).toHaveLength(2); // one line and its newline
      const [answer] = jsonLines(run.stdout);
      expect(Object.keys(answer!).sort()).toEqual(['answered', 'lang', 'sources', 'text']);
      expect(answer!.answered).toBe(true);
      expect(answer!.lang).toBe('en');
      expect(answer!.text).toMatch(/25,000/);
      expect(answer!.sources.length).toBeGreaterThan(0);
      for (const item of answer!.sources) {
        expect(Object.keys(item).sort()).toEqual(['article', 'factId', 'quote']);
        expect(source).toContain(item.quote);
      }
      expect(answer!.sources.map((s) => s.factId)).toContain('evacuees');
    },
    TIMEOUT,
  );

  it(
    'GIVEN --json and three lines on stdin THEN three JSON lines come out, in order',
    async () => {
      const run = await ask(['--json'], {
        stdin: "Combien de personnes ont quitté Alep ?\n/numbers\nWhat is the capital of Kazakhstan?\n",
      });
      expect(run.code).toBe(0);
      const answers = jsonLines(run.stdout);
      expect(answers).toHaveLength(3);
      expect(answers[0]!.answered).toBe(true);
      expect(answers[0]!.lang).toBe('fr');
      expect(answers[0]!.sources.map((s) => s.factId)).toContain('evacuees');
      expect(answers[1]!.answered).toBe(true);
      expect(answers[1]!.sources.map((s) => s.factId)).toEqual(expect.arrayContaining(['evacuees', 'six-arrests']));
      expect(answers[2]!.answered).toBe(false);
      expect(answers[2]!.sources).toEqual([]);
      for (const answer of answers) expect(Object.keys(answer).sort()).toEqual(['answered', 'lang', 'sources', 'text']);
    },
    TIMEOUT,
  );

  it(
    'GIVEN two articles and /numbers lines THEN the words after the command choose the article, the newest without them',
    async () => {
      const root = twoArticleKnowledge();
      const run = await ask(['--json'], { stdin: '/numbers\n/numbers syria\n/numbers football\n', env: { KNOWLEDGE_DIR: root } });
      rmSync(root, { recursive: true, force: true });
      expect(run.code).toBe(0);
      const [newest, chosen, none] = jsonLines(run.stdout);
      expect(newest!.sources.map((s) => s.factId)).toEqual(['jobs-threatened']);
      expect(chosen!.sources.map((s) => s.factId)).toEqual(expect.arrayContaining(['evacuees', 'six-arrests']));
      expect(none!.answered).toBe(false);
      expect(none!.text).toMatch(/^No article matches "football"/);
      expect(none!.text).toContain('marseille-dock-strike');
      expect(none!.text).toContain('syria-ceasefire-talks');
    },
    TIMEOUT,
  );

  it(
    'GIVEN a follow-up over stdin THEN both lines share one conversation',
    async () => {
      const run = await ask(['--json'], { stdin: 'What did Putin say?\nAnd Erdogan?\n' });
      expect(run.code).toBe(0);
      const [putin, erdogan] = jsonLines(run.stdout);
      expect(putin!.sources.map((s) => s.factId)).toContain('putin-terrorism');
      expect(erdogan!.answered).toBe(true);
      expect(erdogan!.text).toMatch(/Erdogan/);
      expect(erdogan!.sources.map((s) => s.factId)).toContain('erdogan-putin-cooperation');
    },
    TIMEOUT,
  );

  it(
    'GIVEN a question in text mode THEN it prints the answer and its sources',
    async () => {
      const run = await ask(['Who backs Assad?']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/main military backers of Syrian President Bashar al-Assad/);
      // For people: the quote in the article's words, marked as the original, without the id of its entry.
      expect(run.stdout).toMatch(/\nSources \(original, French\):\n {2}“[^\n]*Assad/);
      expect(run.stdout).not.toContain('[backers]');
      expect(run.stdout).toMatch(/Source: agences\/jvia/);
      expect(run.stderr).toBe('');
    },
    TIMEOUT,
  );

  it(
    'GIVEN KNOWLEDGE_DIR with a bad quote THEN it exits non-zero, names the file on stderr, and prints nothing on stdout',
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'depeche-cli-'));
      temps.push(root);
      const dir = join(root, 'syria-ceasefire-talks');
      cpSync(join(ROOT, 'knowledge', 'syria-ceasefire-talks'), dir, { recursive: true });
      const summaryPath = join(dir, 'summary.json');
      const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as { facts: { id: string; quote: string }[] };
      summary.facts.find((fact) => fact.id === 'evacuees')!.quote = 'au moins 30 000 civils';
      writeFileSync(summaryPath, JSON.stringify(summary));

      const run = await ask(['--json', 'How many people left Aleppo?'], { env: { KNOWLEDGE_DIR: root } });
      expect(run.code).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(summaryPath);
      expect(run.stderr).toContain('"evacuees"');
      expect(run.stderr).toContain('"quote"');
      expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    },
    TIMEOUT,
  );
});

describe('GIVEN the commands exactly as the README writes them', () => {
  it('WHEN npm run -s ask -- --json "question" THEN stdout is one JSON object and nothing else (no npm banner)', async () => {
    const run = await npm(['run', '-s', 'ask', '--', '--json', 'How many people left Aleppo?']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(Object.keys(JSON.parse(lines[0]!) as object)).toEqual(['answered', 'text', 'lang', 'sources']);
  }, TIMEOUT);

  it('WHEN npm run ask without -s THEN npm speaks: its banner names the script', async () => {
    const run = await npm(['run', 'ask', '--', '--json', 'How many people left Aleppo?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\n?> depeche@[\d.]+ ask\n/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\{"answered":true,/);
  }, TIMEOUT);

  it('WHEN npm run -s ask -- --help and npm run -s explain -- --help THEN each prints its usage and exits 0', async () => {
    for (const script of ['ask', 'explain']) {
      const run = await npm(['run', '-s', script, '--', '--help']);
      expect(run.code, script).toBe(0);
      expect(run.stdout, script).toMatch(new RegExp(`^Usage: npm run (-s )?${script} -- `));
      expect(run.stderr, script).toBe('');
    }
  }, TIMEOUT);

  it('WHEN npm run -s ask -- --jsn "question" THEN the unknown flag is named on stderr, nothing is answered, exit 2', async () => {
    const run = await npm(['run', '-s', 'ask', '--', '--jsn', 'How many people left Aleppo?']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^ask: unknown option --jsn\n/);
  }, TIMEOUT);

  it('WHEN a script name is mistyped THEN npm says so and exits non-zero (the project does not silence npm)', async () => {
    const run = await npm(['run', 'nope']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/Missing script: "nope"/);
  }, TIMEOUT);
});
