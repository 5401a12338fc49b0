// A process racing others for the same briefing slots on one SQLite file (test/store/claims-across-processes.test.ts):
// it opens the store, says `open`, waits for `go`, claims every slot as fast as it can, and sends back those it won.
import { openSqliteStore } from '../../src/store/sqlite.ts';

const [dataDir, instance, slots] = process.argv.slice(2) as [string, string, string];
const store = openSqliteStore({ dataDir, busyTimeoutMs: 20_000 });
process.once('message', async () => {
  const won: string[] = [];
  for (let i = 0; i < Number(slots); i++) {
    const slot = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    if (await store.claim({ channel: 'discord:1', slot, subscriptionId: 1, instance }, Date.now())) won.push(slot);
  }
  store.close();
  process.send!({ won }, () => process.disconnect());
});
process.send!({ open: true });
