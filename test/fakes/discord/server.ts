import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway, shardOf } from './gateway.ts';
import { interactionObject, messageObject, snowflake, userObject, type FakeGuild, type FakeUser, type Place } from './payloads.ts';
import { FakeRest, type Failure, type RestRequest } from './rest.ts';

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  /** Small in tests so that heartbeats and their acks are exercised within a test's lifetime. */
  heartbeatIntervalMs?: number;
  /**
   * How many shards the bot must run (1): what `/gateway/bot` recommends, and what IDENTIFY must say. The bot is
   * then in one guild per shard (`guilds`), and each guild's events go to its shard only.
   */
  shards?: number;
  /** `session_start_limit.max_concurrency` of `/gateway/bot`: how many shards may identify in the same 5 seconds (1). */
  maxConcurrency?: number;
}

/** An interaction the fake has dispatched, with ways to wait for what the bot did with it. */
export interface SentInteraction {
  id: string;
  token: string;
  channelId: string;
  /** The bot's first response (`POST .../callback`), whatever it was. */
  callback(): Promise<RestRequest>;
  /** The message the user sees: the callback's data, or the edit of the original after a defer. */
  reply(): Promise<{ body: any; deferred: boolean }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The n-th follow-up message (0-based). */
  followUp(index: number): Promise<RestRequest>;
}

export type OptionValue = string | boolean;

/**
 * A loopback Discord on 127.0.0.1 (free port) that speaks the real protocol to the real discord.js:
 * REST `/gateway/bot`, the WebSocket gateway, interaction callbacks, webhooks, channel messages, DM channels
 * and command registration. See shared/notes/fake-discord.md for what each payload must hold.
 */
export async function startFakeDiscord(options: FakeDiscordOptions = {}) {
  const token = options.token ?? 'fake-bot-token.for-tests';
  const applicationId = options.applicationId ?? '100000000000000001';
  const bot: FakeUser = { id: applicationId, username: 'Depeche', bot: true };
  const shardCount = options.shards ?? 1;
  const guild: FakeGuild = { id: '200000000000000001', name: 'Test server', channelId: '300000000000000001' };
  const guilds = guildsPerShard(guild, shardCount);
  const alice: FakeUser = { id: '400000000000000001', username: 'alice', global_name: 'Alice' };
  const bob: FakeUser = { id: '400000000000000002', username: 'bob', global_name: 'Bob' };
  let port = 0;
  const gatewayUrl = () => `ws://127.0.0.1:${port}/gw`;

  const server = createServer();
  const rest = new FakeRest({ token, applicationId, bot, gatewayUrl, shards: shardCount, maxConcurrency: options.maxConcurrency ?? 1 });
  server.on('request', (req, res) => {
    rest.handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 0, message: String(error) }));
    });
  });
  const gateway = new FakeGateway({ server, url: gatewayUrl, token, applicationId, bot, guilds, shardCount, heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1000 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  const placeOf = (dm: string | undefined, where = guild): Place => (dm ? { dmChannelId: dm } : { guild: where });

  function dispatchInteraction(payload: ReturnType<typeof interactionObject>, ageMs: number): SentInteraction {
    rest.track({ id: payload.id, token: payload.token, channelId: payload.channel_id, sentAt: Date.now() - ageMs, acknowledged: false });
    gateway.dispatch('INTERACTION_CREATE', payload);
    const callback = () => rest.requests.waitFor((r) => r.path === `/interactions/${payload.id}/${payload.token}/callback` && r.status < 300, { what: `callback for interaction ${payload.id}` });
    const webhook = `/webhooks/${applicationId}/${payload.token}`;
    return {
      id: payload.id,
      token: payload.token,
      channelId: payload.channel_id,
      callback,
      async reply() {
        const first = await callback();
        if (first.body.type !== 5) return { body: first.body.data, deferred: false };
        const edit = await rest.requests.waitFor((r) => r.method === 'PATCH' && r.path === `${webhook}/messages/@original` && r.status < 300, { what: 'edit of the deferred reply' });
        return { body: edit.body, deferred: true };
      },
      followUp: (index) =>
        rest.requests
          .waitFor((r) => r.method === 'POST' && r.path === webhook && r.status < 300 && rest.requests.items.filter((x) => x.method === 'POST' && x.path === webhook && x.status < 300).indexOf(r) === index, { what: `follow-up #${index}` }),
    };
  }

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    token,
    applicationId,
    bot,
    /** The guild commands and messages happen in unless told otherwise. */
    guild,
    /** One guild per shard: `guilds[n]` is on shard n (`guild` is one of them: on shard 0 for 1 to 4 shards). */
    guilds,
    alice,
    bob,
    /** The shard a guild's events go to (DMs: shard 0). */
    shardOf: (guildId: string | undefined) => shardOf(guildId, shardCount),
    gateway,
    rest,
    requests: rest.requests,

    /**
     * A user runs `/name` with option values; `dm` names a DM channel, else it runs in the channel of `guild`
     * (default: `guild`). `ageMs` plays a late delivery: the interaction was created that long ago (its id and the
     * 3-second clock).
     */
    slashCommand(spec: { name: string; options?: Record<string, OptionValue>; locale?: string; user?: FakeUser; dm?: string; guild?: FakeGuild; ageMs?: number }): SentInteraction {
      const options = Object.entries(spec.options ?? {}).map(([name, value]) => ({ name, type: typeof value === 'boolean' ? 5 : 3, value }));
      const where = spec.guild ?? guild;
      const data = { id: snowflake(), name: spec.name, type: 1, options, ...(spec.dm ? {} : { guild_id: where.id }) };
      const createdAt = Date.now() - (spec.ageMs ?? 0);
      const payload = interactionObject({ type: 2, applicationId, user: spec.user ?? alice, place: placeOf(spec.dm, where), locale: spec.locale ?? 'en-US', data, createdAt });
      return dispatchInteraction(payload, spec.ageMs ?? 0);
    },

    /** The user has typed `value` into the `option` of `/name`: Discord asks for choices. */
    autocomplete(spec: { name: string; option: string; value: string; locale?: string; ageMs?: number }): SentInteraction {
      const data = { id: snowflake(), name: spec.name, type: 1, guild_id: guild.id, options: [{ name: spec.option, type: 3, value: spec.value, focused: true }] };
      const payload = interactionObject({ type: 4, applicationId, user: alice, place: placeOf(undefined), locale: spec.locale ?? 'en-US', data, createdAt: Date.now() - (spec.ageMs ?? 0) });
      return dispatchInteraction(payload, spec.ageMs ?? 0);
    },

    /**
     * A user clicks a button of a message the bot sent (`message` is that message's body): a MESSAGE_COMPONENT
     * interaction (type 3) carrying the message. `ageMs` plays a late delivery, as for slash commands.
     */
    clickButton(spec: { customId: string; message: { embeds?: unknown[]; components?: unknown[]; flags?: number }; locale?: string; dm?: string; user?: FakeUser; ageMs?: number }): SentInteraction {
      const place = placeOf(spec.dm);
      const channelId = 'guild' in place ? guild.channelId : place.dmChannelId;
      const message = messageObject({ channelId, author: userObject(bot), embeds: spec.message.embeds, components: spec.message.components, flags: spec.message.flags, guildId: spec.dm ? undefined : guild.id });
      const data = { custom_id: spec.customId, component_type: 2 };
      const createdAt = Date.now() - (spec.ageMs ?? 0);
      const payload = interactionObject({ type: 3, applicationId, user: spec.user ?? alice, place, locale: spec.locale ?? 'en-US', data, message, createdAt });
      return dispatchInteraction(payload, spec.ageMs ?? 0);
    },

    /** A user posts a message: in a DM channel when `dm` is given, else in the channel of `guild` (default: `guild`). */
    sendMessage(spec: { content: string; dm?: string; guild?: FakeGuild; author?: FakeUser; mentionsBot?: boolean; mentionEveryone?: boolean }) {
      const author = userObject(spec.author ?? alice);
      const where = spec.guild ?? guild;
      const message = {
        ...messageObject({ channelId: spec.dm ?? where.channelId, author, content: spec.content, guildId: spec.dm ? undefined : where.id }),
        mentions: spec.mentionsBot ? [userObject(bot)] : [],
        mention_everyone: spec.mentionEveryone ?? false,
        // discord.js emits messageCreate for an uncached DM channel only with this field (and Partials.Channel).
        ...(spec.dm ? { channel_type: 1 } : { member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 } }),
      };
      gateway.dispatch('MESSAGE_CREATE', message);
      return { id: message.id, channelId: message.channel_id };
    },

    /** The first message the bot posts to a channel, optionally the one replying to `replyTo`. */
    channelMessage(channelId: string, replyTo?: string): Promise<RestRequest> {
      return rest.requests.waitFor(
        (r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages` && r.status < 300 && (!replyTo || r.body?.message_reference?.message_id === replyTo),
        { what: `message in channel ${channelId}${replyTo ? ` replying to ${replyTo}` : ''}` },
      );
    },

    failNext(method: string, path: RegExp, failure: Failure): void {
      rest.failNext(method, path, failure);
    },

    async close(): Promise<void> {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;

/** A guild per shard, index = shard: `first` on its own shard, and another guild with a channel of its own on each other one. */
function guildsPerShard(first: FakeGuild, shardCount: number): FakeGuild[] {
  const home = shardOf(first.id, shardCount);
  return Array.from({ length: shardCount }, (_, shard) => {
    const step = (shard - home + shardCount) % shardCount;
    if (step === 0) return first;
    // The shard is read from the id's timestamp bits (id >> 22): stepping them moves the guild to the next shard.
    const id = (BigInt(first.id) + (BigInt(step) << 22n)).toString();
    return { id, name: `Test server ${shard}`, channelId: (BigInt(first.channelId) + BigInt(step)).toString() };
  });
}
