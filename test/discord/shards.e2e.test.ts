import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { startBot } from './harness.ts';

/**
 * The adapter as one shard of two (what each shard's process of `npm start` with DISCORD_SHARDS runs), in this process,
 * against a loopback Discord that routes each guild's events to its shard, `(guild_id >> 22) % 2`, and DMs to shard 0.
 */
describe('GIVEN two Depeche adapters, shards 0 and 1 of two, on a loopback Discord with two shards', () => {
  let fake: FakeDiscord;
  let shards: Awaited<ReturnType<typeof startBot>>[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: 2, heartbeatIntervalMs: 5000 });
    const config = (id: number) => ({ token: fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl, shard: { id, count: 2 } });
    shards = [await startBot(fake, { config: config(0) }), await startBot(fake, { config: config(1) })];
  });
  afterAll(async () => {
    for (const shard of shards) await shard.running.stop();
    await fake?.close();
  });

  test('THEN /gateway/bot recommends two shards, each identifies as [id, 2], and each is told of its own guild only', async () => {
    const gateway = await fetch(`${fake.apiUrl}/v10/gateway/bot`, { headers: { authorization: `Bot ${fake.token}` } });
    expect(((await gateway.json()) as { shards: number }).shards).toBe(2);
    const identifies = fake.gateway.events.items.flatMap((event) => (event.kind === 'identify' ? [event.shard] : []));
    expect(identifies).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake.guilds.map((guild) => fake.shardOf(guild.id))).toEqual([0, 1]);
    const guildCreates = fake.gateway.events.items.flatMap((event) => (event.kind === 'dispatch' && event.t === 'GUILD_CREATE' ? [event.shard] : []));
    expect(guildCreates).toEqual([0, 1]);
  });

  test.each([0, 1])('WHEN /ask runs in the guild of shard %i THEN that shard alone gets it, and it is answered once', async (shard) => {
    const guild = fake.guilds[shard]!;
    const sent = fake.slashCommand({ name: 'ask', options: { question: 'How many people left Aleppo?' }, guild });
    const { body } = await sent.reply();
    expect(body.embeds[0].description).toMatch(/25,000/);
    const callbacks = fake.requests.filter((request) => request.path === `/interactions/${sent.id}/${sent.token}/callback`);
    expect(callbacks.map((callback) => callback.status)).toEqual([204]);
    const dispatched = fake.gateway.events.items.filter((event) => event.kind === 'dispatch' && event.t === 'INTERACTION_CREATE');
    expect(dispatched.at(-1)).toEqual({ kind: 'dispatch', t: 'INTERACTION_CREATE', shard });
  });

  test('WHEN Depeche is mentioned in the guild of shard 1 THEN shard 1 replies there, once', async () => {
    const guild = fake.guilds[1]!;
    const { id } = fake.sendMessage({ content: `<@${fake.bot.id}> who retook Aleppo?`, mentionsBot: true, guild });
    const reply = await fake.channelMessage(guild.channelId, id);
    expect(reply.body.embeds[0].description).toMatch(/Syrian government retook Aleppo/);
    expect(fake.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${guild.channelId}/messages`)).toHaveLength(1);
    expect(fake.gateway.events.items.filter((event) => event.kind === 'dispatch' && event.t === 'MESSAGE_CREATE').at(-1)).toMatchObject({ shard: 1 });
  });

  test('WHEN a user writes in a DM THEN it goes to shard 0, which answers in the DM', async () => {
    const dm = '900000000000000001';
    fake.sendMessage({ content: 'How many people left Aleppo?', dm });
    const reply = await fake.channelMessage(dm);
    expect(reply.body.embeds[0].description).toMatch(/25,000/);
    expect(fake.gateway.events.items.filter((event) => event.kind === 'dispatch' && event.t === 'MESSAGE_CREATE').at(-1)).toMatchObject({ shard: 0 });
  });
});

describe('GIVEN a loopback Discord that wants two shards', () => {
  let fake: FakeDiscord | undefined;
  afterAll(() => fake?.close());

  test('WHEN the bot connects without sharding THEN Discord closes with 4011 and start fails with one line saying to set DISCORD_SHARDS', async () => {
    fake = await startFakeDiscord({ shards: 2 });
    await expect(startBot(fake)).rejects.toThrow(
      'Discord requires sharding (close 4011: sharding required): the bot is in too many servers for one connection; set DISCORD_SHARDS=auto',
    );
    expect(fake.gateway.events.items.flatMap((event) => (event.kind === 'identify' ? [event.shard] : []))).toEqual([[0, 1]]);
  });
});
