import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../discord/harness.ts';
import { endRun, runScript } from '../discord/process.ts';

const KNOWLEDGE_DIR = join(REPO_ROOT, 'knowledge');
let run: ReturnType<typeof runScript> | undefined;
afterEach(async () => {
  await endRun(run, undefined);
  run = undefined;
});

/** `npm start [-- --terminal]` with only `env`, lines typed on its stdin. */
function start(env: Record<string, string>, options: { terminal?: boolean; lines?: string[] } = {}) {
  run = runScript('src/main.ts', { KNOWLEDGE_DIR, ...env }, { args: options.terminal ? ['--terminal'] : [], stdin: (options.lines ?? []).map((line) => `${line}\n`).join('') });
  return run;
}

describe('npm start -- --terminal', () => {
  it('GIVEN a half-set Discord, a broken Slack token and PORT=abc THEN the chat opens anyway and answers seven pasted questions, none rate-limited', async () => {
    const questions = ['Who backs Assad?', 'Where will the talks be held?', 'How many people left Aleppo?', 'Who retook Aleppo?', 'What did Putin say?', 'Who is Erdogan?', 'How many arrests?'];
    const chat = start({ DISCORD_TOKEN: 'half-set', SLACK_BOT_TOKEN: 'xoxp-wrong-kind', PORT: 'abc', RATE_LIMIT_COUNT: '2' }, { terminal: true, lines: questions });
    expect((await chat.exited).code).toBe(0);
    expect(chat.stderr.items.filter(Boolean)).toEqual([]);
    const replies = chat.stdout().split('you> ').slice(1, -1);
    expect(replies).toHaveLength(7);
    replies.forEach((reply, i) => {
      expect(reply.startsWith(`${questions[i]}\n`)).toBe(true);
      expect(reply).toMatch(/\nSources \(original, French\):\n/);
    });
    expect(chat.stdout()).not.toMatch(/faster than I can keep up/);
    // Piped, not a terminal: no colour, no wrapping, and the shell prompt starts on a line of its own.
    expect(chat.stdout()).not.toContain('\x1b');
    expect(chat.stdout().endsWith('you> \n')).toBe(true);
  });

  it('GIVEN the same half-set Discord without --terminal THEN one line names what is missing', async () => {
    const bot = start({ DISCORD_TOKEN: 'half-set' });
    expect((await bot.exited).code).toBe(1);
    expect(bot.stderr.items.filter(Boolean)).toEqual(['depeche: DISCORD_APPLICATION_ID is missing (DISCORD_TOKEN is set)']);
  });

  it.each([
    [{ KNOWLEDGE_DIR: '/nonexistent' }, 'depeche: KNOWLEDGE_DIR must be the folder of articles, got "/nonexistent": there is no such folder'],
    [{ LOG_LEVEL: 'loud' }, 'depeche: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent, got "loud"'],
  ])('GIVEN %j THEN even the terminal chat stops with one line naming the variable', async (env, line) => {
    const chat = start(env, { terminal: true });
    expect((await chat.exited).code).toBe(1);
    expect(chat.stderr.items.filter(Boolean)).toEqual([line]);
    expect(chat.stdout()).toBe('');
  });
});
