import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startRetention } from '../../src/ops/retention.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { captureLogs } from './helpers.ts';

const DAY = 86_400_000;

describe('GIVEN the retention pass over a store', () => {
  it('THEN refused questions older than RETENTION_DAYS are forgotten at start and at each pass, newer ones kept', async () => {
    const store = openSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'depeche-retention-')) });
    let now = 100 * DAY;
    await store.recordUnanswered('asked 95 days ago', now - 95 * DAY);
    await store.recordUnanswered('asked 10 days ago', now - 10 * DAY);
    const { lines, logger } = captureLogs();
    const retention = startRetention({ store, days: 90, logger, now: () => now, everyMs: DAY });
    await lines.waitFor((line) => line.msg.startsWith('retention: forgot'), 'the first pass');
    expect((await store.listUnanswered()).map((q) => q.text)).toEqual(['asked 10 days ago']);
    now += 85 * DAY;
    expect(await retention.run()).toEqual({ questions: 1, votes: 0 });
    expect(await store.listUnanswered()).toEqual([]);
    retention.stop();
    await store.close();
  });
});
