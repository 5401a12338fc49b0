import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { createLogger } from '../../src/logger.ts';
import { boltLogger } from '../../src/slack/bolt-logger.ts';
import { SeenEvents } from '../../src/slack/dedupe.ts';
import { requester } from '../../src/slack/keys.ts';
import { parseSlashText } from '../../src/slack/listeners/slash-command.ts';
import { slackCommandNames } from '../../src/slack/slash.ts';

describe('parseSlashText', () => {
  it('GIVEN a command word THEN that command; GIVEN "share" first THEN shared', () => {
    expect(parseSlashText('numbers', commands)).toEqual({ share: false, line: { name: 'numbers', args: {} } });
    expect(parseSlashText('Share numbers', commands)).toEqual({ share: true, line: { name: 'numbers', args: {} } });
    expect(parseSlashText('partager ask où est Alep ?', commands)).toEqual({ share: true, line: { name: 'ask', args: { question: 'où est Alep ?' } } });
  });

  it('GIVEN no text THEN help; GIVEN a question THEN ask', () => {
    expect(parseSlashText('   ', commands).line).toEqual({ name: 'help', args: {} });
    expect(parseSlashText('share', commands)).toEqual({ share: true, line: { name: 'help', args: {} } });
    expect(parseSlashText('how many people left Aleppo', commands).line).toEqual({ name: 'ask', args: { question: 'how many people left Aleppo' } });
    expect(parseSlashText('shared sources?', commands)).toEqual({ share: false, line: { name: 'ask', args: { question: 'shared sources?' } } });
  });
});

describe('requester', () => {
  it('GIVEN a DM, a thread and a slash command THEN opaque keys per conversation and per user', () => {
    expect(requester({ team: 'T1', user: 'U1', channel: 'D1' })).toEqual({ conversationKey: 'slack:T1:D1', userKey: 'slack:T1:U1' });
    expect(requester({ team: 'T1', user: 'U1', channel: 'C1', thread: '1700.1' }).conversationKey).toBe('slack:T1:C1:1700.1');
    expect(requester({ team: 'T1', user: 'U1', channel: 'C1', perUser: true }).conversationKey).toBe('slack:T1:C1:U1');
  });
});

describe('SeenEvents', () => {
  it('GIVEN an event id seen before THEN it is a repeat until it expires', () => {
    let now = 0;
    const seen = new SeenEvents({ ttlMs: 1000, now: () => now });
    expect(seen.first('Ev1')).toBe(true);
    expect(seen.first('Ev1')).toBe(false);
    expect(seen.first('Ev2')).toBe(true);
    now = 999;
    expect(seen.first('Ev1')).toBe(false);
    now = 1000;
    expect(seen.first('Ev1')).toBe(true);
  });

  it('GIVEN more ids than it keeps THEN it forgets the oldest', () => {
    const seen = new SeenEvents({ max: 2 });
    for (const id of ['a', 'b', 'c']) seen.first(id);
    expect(seen.first('a')).toBe(true);
    expect(seen.first('c')).toBe(false);
  });
});

describe('boltLogger', () => {
  it('GIVEN Bolt logging a token THEN the line goes to pino, scrubbed, at the level of LOG_LEVEL', () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        callback();
      },
    });
    const log = boltLogger(createLogger({ level: 'info', secrets: ['xoxb-secret-token'], destination }));
    log.setLevel('debug' as never);
    expect(log.getLevel()).toBe('info');
    log.debug('not written');
    log.warn('auth failed for', { token: 'xoxb-secret-token' }, 42);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, lib: 'bolt' });
    expect(String(lines[0]!.msg)).toContain('auth failed for');
    expect(JSON.stringify(lines)).not.toContain('xoxb-secret-token');
  });
});

describe('slackCommandNames', () => {
  it('GIVEN the core naming /commands THEN Slack users read /depeche commands', () => {
    expect(slackCommandNames('- **/ask <question>**: Ask\nType /help to see')).toBe('- **/depeche ask <question>**: Ask\nType /depeche help to see');
    expect(slackCommandNames('see https://x.example/sources and /numbers-like or /depeche help')).toBe('see https://x.example/sources and /numbers-like or /depeche help');
  });
});
