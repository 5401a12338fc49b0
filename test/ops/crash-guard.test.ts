import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installCrashGuard } from '../../src/ops/crash-guard.ts';
import { captureLogs } from './helpers.ts';

describe('GIVEN the crash guard on a process', () => {
  function setup() {
    const target = new EventEmitter();
    const { lines, logger } = captureLogs(['xoxb-secret-token']);
    let clock = 0;
    const fatal: string[] = [];
    const guard = installCrashGuard({ logger, onFatal: (reason) => void fatal.push(reason), target: target as unknown as NodeJS.Process, now: () => clock, maxExceptions: 2, windowMs: 1000 });
    return { target, lines, guard, fatal, tick: (ms: number) => (clock += ms) };
  }

  it('WHEN a promise is rejected with no handler THEN it is logged and counted, secrets scrubbed, and the process goes on', () => {
    const { target, lines, guard, fatal } = setup();
    target.emit('unhandledRejection', new Error('listener failed with xoxb-secret-token'));
    target.emit('unhandledRejection', 'a plain string');
    expect(guard.counts.rejections).toBe(2);
    expect(fatal).toEqual([]);
    expect(lines.filter((line) => line.msg?.includes('still serving'))).toHaveLength(2);
    expect(JSON.stringify(lines.items)).not.toContain('xoxb-secret-token');
  });

  it('WHEN exceptions are uncaught THEN one alone is logged, and a burst stops the process once, cleanly', () => {
    const { target, guard, fatal, tick } = setup();
    target.emit('uncaughtException', new Error('one'));
    tick(2000);
    target.emit('uncaughtException', new Error('two, much later'));
    expect(fatal).toEqual([]);
    for (const n of [1, 2, 3]) target.emit('uncaughtException', new Error(`burst ${n}`));
    expect(guard.counts.exceptions).toBe(5);
    expect(fatal).toEqual(['uncaught exceptions']);
  });

  it('WHEN disposed THEN it no longer listens', () => {
    const { target, guard } = setup();
    guard.dispose();
    expect(target.listenerCount('unhandledRejection') + target.listenerCount('uncaughtException')).toBe(0);
  });
});
