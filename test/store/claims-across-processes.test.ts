import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { REPO_ROOT } from '../discord/harness.ts';

const PROCESSES = 4;
const SLOTS = 300;

function racer(dataDir: string, instance: string): { child: ChildProcess; open: Promise<void>; result: Promise<string[]> } {
  const loader = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = fork(join(REPO_ROOT, 'test/store/claim-racer.ts'), [dataDir, instance, String(SLOTS)], { execArgv: ['--import', loader], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let opened!: () => void;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const result = new Promise<string[]>((resolve, reject) => {
    child.on('message', (message: { open?: boolean; won?: string[] }) => (message.open ? opened() : resolve(message.won ?? [])));
    child.on('exit', (code) => reject(new Error(`racer ${instance} exited with ${code} before reporting`)));
  });
  return { child, open, result };
}

/**
 * Discord shards (and instances) on one machine share DATA_DIR's SQLite file: a briefing slot must go to exactly one
 * process. `claim` is `INSERT OR IGNORE` in an IMMEDIATE transaction, which takes the file's write lock at BEGIN.
 */
describe('GIVEN several processes claiming the same briefing slots on one SQLite file at once', () => {
  it(`THEN each of ${SLOTS} slots is won by exactly one of ${PROCESSES} processes, and the store holds one claim per slot`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'depeche-claims-'));
    openSqliteStore({ dataDir }).close();
    const racers = Array.from({ length: PROCESSES }, (_, i) => racer(dataDir, `racer-${i}`));
    await Promise.all(racers.map((r) => r.open));
    for (const r of racers) r.child.send('go');
    const won = await Promise.all(racers.map((r) => r.result));

    const all = won.flat();
    expect(all).toHaveLength(SLOTS);
    expect(new Set(all).size).toBe(SLOTS);
    const store = openSqliteStore({ dataDir });
    try {
      const claims = await store.claims('discord:1');
      expect(claims).toHaveLength(SLOTS);
      // Each claim names the process that won it, and that process said it won.
      for (const claim of claims) expect(won[Number(claim.instance.replace('racer-', ''))]).toContain(claim.slot);
    } finally {
      store.close();
    }
    // How the slots were shared out varies from run to run (a race); printed, not checked.
    console.info(`claims won per process: ${won.map((slots) => slots.length).join(', ')}`);
  }, 60_000);
});
