import { describe, expect, it } from 'vitest';
import { keepWrites } from '../../src/store/kept-writes.ts';
import type { Store } from '../../src/store/types.ts';
import { captureLogs } from '../ops/helpers.ts';

/** A store whose disk is full until `fixed` is set: only the writes the core makes, and a read. */
function fullDisk() {
  const written: string[] = [];
  const disk = { full: true };
  const store = {
    async recordUnanswered(text: string) {
      if (disk.full) throw new Error('SQLITE_FULL: database or disk is full');
      written.push(text);
    },
    async listUnanswered() {
      return written.map((text) => ({ text, count: 1, lastAsked: 0 }));
    },
  } as unknown as Store;
  return { store, written, disk };
}

describe('GIVEN a store whose writes fail', () => {
  it('THEN the failing writes are kept, health says failing with the error, and they are written once the store is back', async () => {
    const { store, written, disk } = fullDisk();
    const { lines, logger } = captureLogs();
    const writes = keepWrites(store, { logger, retryMs: 60_000 });
    const changes: boolean[] = [];
    writes.onChange((failing) => changes.push(failing));
    await expect(writes.store.recordUnanswered('How tall is Lavrov?')).rejects.toThrow(/disk is full/);
    await expect(writes.store.recordUnanswered('Who won the match?')).rejects.toThrow();
    expect(writes.state()).toEqual({ failing: true, error: 'SQLITE_FULL: database or disk is full', pending: 2, lost: 0 });
    expect(lines.filter((line) => line.msg.includes('kept to try again'))).toHaveLength(2);
    // Reads go through untouched.
    expect(await writes.store.listUnanswered()).toEqual([]);
    disk.full = false;
    await writes.retry();
    expect(written).toEqual(['How tall is Lavrov?', 'Who won the match?']);
    expect(writes.state()).toEqual({ failing: false, pending: 0, lost: 0 });
    expect(changes).toEqual([true, false]);
    writes.stop();
  });

  it('THEN beyond the bound the oldest write is given up, counted, and logged with what it held', async () => {
    const { store } = fullDisk();
    const { lines, logger } = captureLogs();
    const writes = keepWrites(store, { logger, maxPending: 2, retryMs: 60_000 });
    for (const question of ['first', 'second', 'third']) await writes.store.recordUnanswered(question).catch(() => {});
    expect(writes.state()).toMatchObject({ failing: true, pending: 2, lost: 1 });
    expect(lines.filter((line) => line.msg.includes('given up'))[0]).toMatchObject({ what: 'recordUnanswered', held: '"first"', lost: 1 });
    writes.stop();
  });
});
