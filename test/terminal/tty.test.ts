import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../discord/harness.ts';

/** util-linux `script` gives the process a real terminal (a pty): what `npm start` sees when a person runs it. */
const hasScript = spawnSync('script', ['--version']).status === 0;
const LOADER = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const SGR = /\x1b\[[0-9;]*m/; // eslint-disable-line no-control-regex -- colour codes are what is looked for

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** `npm start [args]` in a terminal of `columns` columns; `screen()` is everything the terminal received. */
function inTerminal(args: string[], env: Record<string, string>, columns = 60) {
  const command = `stty cols ${columns} rows 40; exec ${process.execPath} --import ${LOADER} ${join(REPO_ROOT, 'src/main.ts')} ${args.join(' ')}`;
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => ['PATH', 'HOME', 'TMPDIR'].includes(key)));
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: REPO_ROOT, env: { ...inherited, TERM: 'xterm-256color', KNOWLEDGE_DIR: join(REPO_ROOT, 'knowledge'), ...env } });
  children.push(child);
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  /** What a person would read: no escape codes, no carriage returns. */
  const text = () => stripVTControlCharacters(screen).replace(/\r/g, '');
  return { child, exited, screen: () => screen, text, type: (keys: string) => child.stdin.write(keys) };
}

describe.skipIf(!hasScript)('GIVEN npm start in a real terminal (a pty)', () => {
  it('WHEN a question is asked THEN the answer is wrapped at the terminal width, in colour, and Ctrl-D leaves on a new line', async () => {
    const term = inTerminal(['--terminal'], {});
    await expect.poll(term.text, { timeout: 15_000 }).toMatch(/you> $/);
    term.type('How many people left Aleppo?\r');
    await expect.poll(term.text, { timeout: 15_000 }).toMatch(/Kazakhstan"\n\nyou> $/);
    term.type('\x04');
    expect(await term.exited).toBe(0);
    expect(term.screen()).toMatch(SGR);
    const lines = term.text().split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
    expect(term.text()).toMatch(/\bRed Cross\b|\bRed\nCross\b/);
    expect(term.text().endsWith('you> \n')).toBe(true);
  }, 30_000);

  it('WHEN NO_COLOR is set THEN no colour codes', async () => {
    const term = inTerminal(['--terminal'], { NO_COLOR: '1' });
    await expect.poll(term.text, { timeout: 15_000 }).toMatch(/you> $/);
    term.type('How many people left Aleppo?\r');
    await expect.poll(term.text, { timeout: 15_000 }).toMatch(/Kazakhstan"\n\nyou> $/);
    term.type('\x03');
    expect(await term.exited).toBe(0);
    expect(term.screen()).not.toMatch(SGR);
    expect(term.text().endsWith('you> \n')).toBe(true);
  }, 30_000);

  it('WHEN a platform starts THEN its logs are lines for people, not JSON', async () => {
    // A Discord that cannot be reached: it logs that it is starting, then stops with one line.
    const term = inTerminal([], { DISCORD_TOKEN: 'some.bot.token', DISCORD_APPLICATION_ID: '123456789', DISCORD_API_URL: 'http://127.0.0.1:1/api' }, 120);
    expect(await term.exited).toBe(1);
    expect(term.text()).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: health: discord is starting$/m);
    expect(term.text()).toMatch(/^depeche: Discord is unreachable at DISCORD_API_URL/m);
    expect(term.text()).not.toContain('{"level"');
  }, 30_000);
});
