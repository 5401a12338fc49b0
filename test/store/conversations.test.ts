import { commands as registry } from '../../commands/index.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import type { ConversationState } from '../../src/core/conversations.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { startCuttableProxy, type CuttableProxy } from '../postgres/proxy.ts';
import { closeAll, freshDatabaseUrl, openPostgres } from './places.ts';

let proxy: CuttableProxy | undefined;
afterEach(async () => {
  await closeAll();
  await proxy?.close();
  proxy = undefined;
});

const knowledge = loadKnowledge('knowledge');
const config = parseConfig({});

describe('conversations kept in PostgreSQL', () => {
  it('GIVEN a question answered by one instance THEN its follow-up, asked of another, is read with its topic', async () => {
    const url = await freshDatabaseUrl();
    const instances = await Promise.all(
      [1, 2].map(async () => {
        const store = await openPostgres(url);
        const conversations = store.conversations!<ConversationState>({ ttlMs: config.conversationTtlMs });
        return createDepeche({ commands: registry, knowledge, config, conversations });
      }),
    );
    const who = { conversationKey: 'slack:T1:D1', userKey: 'slack:T1:U1' };
    await instances[0]!.ask('What did Putin say?', who);
    const followUp = await instances[1]!.ask('And Erdogan?', who);
    // Read alone, "And Erdogan?" asks who he is; after Putin's words, what Erdogan said.
    expect(followUp.text).toContain('said on Tuesday that he had agreed');
    const alone = await instances[1]!.ask('And Erdogan?', { ...who, conversationKey: 'slack:T1:D2' });
    expect(alone.text).not.toContain('said on Tuesday');
  });

  it('GIVEN a conversation THEN every instance reads it until it has been quiet for the TTL, and clear forgets all', async () => {
    const url = await freshDatabaseUrl();
    let now = 1_000_000;
    const [a, b] = await Promise.all([openPostgres(url), openPostgres(url)]);
    const options = { ttlMs: 300_000, now: () => now };
    const [mine, theirs] = [a.conversations!<ConversationState>(options), b.conversations!<ConversationState>(options)];
    const state: ConversationState = { topic: { words: ['poutine'], entries: ['fact:putin-terrorism'], type: 'who', lang: 'fr', article: 'syria-ceasefire-talks' }, suggestions: ['Qui ?'] };
    await mine.set('discord:1', state);
    expect(await theirs.get('discord:1')).toEqual(state);
    expect(await theirs.get('discord:2')).toBeUndefined();
    now += 299_999;
    expect(await theirs.get('discord:1')).toEqual(state);
    now += 1;
    expect(await theirs.get('discord:1')).toBeUndefined();
    await theirs.set('discord:1', { suggestions: ['Who?'] });
    await mine.set('discord:2', state);
    await mine.clear();
    expect(await theirs.get('discord:1')).toBeUndefined();
    expect(await theirs.get('discord:2')).toBeUndefined();
  });

  it('GIVEN the database lost THEN reading finds nothing and writing is dropped, without throwing, and the loss is reported once', async () => {
    const url = await freshDatabaseUrl();
    proxy = await startCuttableProxy({ port: Number(new URL(url).port) });
    const store = await openPostgres(proxy.through(url), { retryMs: 60_000 });
    const errors: unknown[] = [];
    const conversations = store.conversations!<ConversationState>({ ttlMs: 300_000, onError: (error) => errors.push(error) });
    await conversations.set('discord:1', { suggestions: ['Who?'] });
    proxy.cut();
    expect(await conversations.get('discord:1')).toBeUndefined();
    await conversations.set('discord:1', { suggestions: ['Why?'] });
    expect(await conversations.get('discord:1')).toBeUndefined();
    await conversations.clear();
    expect(errors).toHaveLength(1);
  });
});
