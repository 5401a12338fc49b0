import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../discord/harness.ts';

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a script of the repo as its own process, as `npm run …` would, with only PATH, HOME and `env`: in `cwd`
 * (an empty temporary folder by default, so that no developer's .env is read), `stdin` written then closed.
 */
export function runToEnd(script: string, options: { args?: string[]; env?: Record<string, string>; cwd?: string; stdin?: string } = {}): Promise<Finished> {
  const loader = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, join(REPO_ROOT, script), ...(options.args ?? [])], {
    cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'depeche-run-')),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** `npm run report` on the store in `dataDir`. */
export function report(dataDir: string, args: string[] = []): Promise<Finished> {
  return runToEnd('scripts/report.ts', { args, env: { DATA_DIR: dataDir } });
}
