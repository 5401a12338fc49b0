import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Recorder } from '../fakes/recorder.ts';
import { REPO_ROOT } from './harness.ts';

/**
 * Runs a TypeScript entry point of the repo as its own Node process, the way `npm start` or
 * `npm run deploy-commands` would, with only the given configuration: it runs in an empty temporary
 * folder so that a developer's `.env` cannot leak in, and inherits no DISCORD_/SLACK_ variable.
 * `stdin` is what the process reads, then its end (at once when absent).
 */
export function runScript(script: string, env: Record<string, string>, options: { args?: string[]; stdin?: string } = {}) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT'].includes(key)));
  const loader = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, join(REPO_ROOT, script), ...(options.args ?? [])], {
    cwd: mkdtempSync(join(tmpdir(), 'depeche-discord-')),
    env: { ...inherited, LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(options.stdin ?? '');
  const stdout: string[] = [];
  const stderr = new Recorder<string>(`${script} stderr`, (line) => line);
  child.stdout.on('data', (chunk: Buffer) => stdout.push(String(chunk)));
  let partial = '';
  child.stderr.on('data', (chunk: Buffer) => {
    const lines = (partial + String(chunk)).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) stderr.push(line);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      if (partial) stderr.push(partial);
      resolve({ code, signal });
    });
  });
  return {
    child,
    stderr,
    stdout: () => stdout.join(''),
    exited,
    /** Lines of stderr that are not pino's JSON logs: what a person reading the terminal sees as a message. */
    plainErrors: () => stderr.items.filter((line) => line && !line.startsWith('{')),
  };
}

/** Ends a bot process that is still running (SIGKILL) and closes its fake: what every process test does after each test. */
export async function endRun(run: ReturnType<typeof runScript> | undefined, fake: { close(): Promise<void> } | undefined): Promise<void> {
  if (run && run.child.exitCode === null && run.child.signalCode === null) {
    run.child.kill('SIGKILL');
    await run.exited;
  }
  await fake?.close();
}
