// Every script answers --help with its usage (exit 0), and names an unknown flag (exit 2) before reading any setting:
// with credentials in .env, `npm start -- --termnial` must not start the bots.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SCRIPTS = { start: 'src/main.ts', 'deploy-commands': 'scripts/deploy-commands.ts', 'knowledge:check': 'scripts/knowledge-check.ts', 'knowledge:new': 'scripts/knowledge-new.ts', eval: 'scripts/eval.ts' };

function run(script: string, ...args: string[]) {
  // Credentials that would start the bots, were the flag not refused first.
  const env = { ...process.env, DISCORD_TOKEN: 'x'.repeat(60), DISCORD_APPLICATION_ID: '123456789012345678', NO_COLOR: '1' };
  return spawnSync(TSX, [script, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
}

describe('GIVEN each script', () => {
  it.each(Object.entries(SCRIPTS))('WHEN %s gets --help THEN it prints its usage and exits 0; an unknown flag exits 2 naming it', (name, script) => {
    const help = run(script, '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: /i);
    const typo = run(script, '--termnial');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('--termnial');
    expect(typo.stderr.split('\n').length).toBeLessThanOrEqual(3);
  });
});
