import { commands as registry } from '../../commands/index.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import { messages } from '../../src/core/messages.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import type { RunningAdapter } from '../../src/core/adapter.ts';
import { startBot } from '../discord/harness.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { KNOWLEDGE_DIR } from './helpers.ts';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const limited = (now?: () => number) =>
  createDepeche({ commands: registry, knowledge, config: parseConfig({ RATE_LIMIT_COUNT: '5', RATE_LIMIT_WINDOW_SECONDS: '10' }), now });
const alice = { conversationKey: 'discord:dm-alice', userKey: 'discord:alice' };
const bob = { conversationKey: 'discord:dm-bob', userKey: 'discord:bob' };

describe('GIVEN a rate limit of 5 questions in 10 s per user', () => {
  it('WHEN Alice floods 50 questions THEN she gets 5 answers and 45 polite private replies, and Bob is answered at once', async () => {
    let clock = 1_000_000;
    const depeche = limited(() => clock);
    const flood = Array.from({ length: 50 }, () => depeche.ask('How many people left Aleppo?', alice));
    const startedAt = performance.now();
    const bobs = await depeche.ask('Who retook Aleppo?', bob);
    const bobMs = performance.now() - startedAt;
    const replies = await Promise.all(flood);

    expect(replies.slice(0, 5).every((reply) => reply.answered)).toBe(true);
    expect(replies.slice(5).every((reply) => reply.text === messages.en.rateLimited && reply.private === true && !reply.answered)).toBe(true);
    expect(bobs.answered).toBe(true);
    expect(bobs.text).not.toBe(messages.en.rateLimited);
    expect(bobMs).toBeLessThan(250);

    // The window slides: ten seconds later Alice may ask again; French askers are refused in French.
    expect((await depeche.ask('Combien de personnes ont quitté Alep ?', alice)).text).toBe(messages.fr.rateLimited);
    clock += 10_000;
    expect((await depeche.ask('How many people left Aleppo?', alice)).answered).toBe(true);
  });

  it('WHEN a flood is refused THEN refusing costs far less than answering (the flood cannot eat the CPU)', async () => {
    const depeche = limited();
    for (let i = 0; i < 5; i += 1) await depeche.ask('How many people left Aleppo?', alice);
    const startedAt = performance.now();
    for (let i = 0; i < 1000; i += 1) await depeche.ask('How many people left Aleppo?', alice);
    // A thousand refusals: under a millisecond each even on a slow machine.
    expect(performance.now() - startedAt).toBeLessThan(1000);
  });
});

describe('GIVEN the Discord bot with that limit, on a loopback Discord', () => {
  let fake: FakeDiscord | undefined;
  let running: RunningAdapter | undefined;
  afterEach(async () => {
    await running?.stop();
    await fake?.close();
    fake = running = undefined;
  });

  it('WHEN Alice floods 30 DMs THEN Bob\'s DM is still answered promptly, and Alice gets 5 answers then the polite reply', async () => {
    fake = await startFakeDiscord();
    ({ running } = await startBot(fake, { depeche: limited() }));
    const aliceDm = '500000000000000001';
    const bobDm = '500000000000000002';
    const bobUser = { id: '400000000000000002', username: 'bob', global_name: 'Bob' };

    for (let i = 0; i < 30; i += 1) fake.sendMessage({ dm: aliceDm, content: `How many people left Aleppo? (${i})` });
    const sentAt = performance.now();
    fake.sendMessage({ dm: bobDm, author: bobUser, content: 'Who retook Aleppo?' });
    const bobReply = await fake.channelMessage(bobDm);
    const bobMs = performance.now() - sentAt;

    const description = (body: { embeds: { description?: string }[] }) => body.embeds.map((embed) => embed.description ?? '').join('\n');
    expect(description(bobReply.body)).not.toContain(messages.en.rateLimited);
    expect(description(bobReply.body)).toMatch(/Aleppo/i);
    // Generous: the point is that Bob does not wait for Alice's 30 replies to be posted one by one.
    expect(bobMs).toBeLessThan(2000);

    const aliceReplies = () => fake!.requests.items.filter((r) => r.method === 'POST' && r.path === `/channels/${aliceDm}/messages`);
    await fake.requests.waitFor(() => aliceReplies().length >= 30, { what: "Alice's 30 replies", timeoutMs: 15_000 });
    const texts = aliceReplies().map((r) => description(r.body));
    expect(texts.filter((text) => text === messages.en.rateLimited)).toHaveLength(25);
    expect(texts.filter((text) => text !== messages.en.rateLimited)).toHaveLength(5);
    // Nothing Depeche posts may ping anyone, refusals included.
    expect(aliceReplies().every((r) => JSON.stringify(r.body.allowed_mentions) === JSON.stringify({ parse: [], replied_user: false }))).toBe(true);
  });
});
