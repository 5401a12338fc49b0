/**
 * Gateway and REST payloads shaped like Discord's, with the fields discord.js 14.28 reads
 * (see shared/notes/fake-discord.md: several are required, a TypeError otherwise).
 */
const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** Real-looking ids: discord.js reads creation times out of them. */
export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | increment).toString();
}

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
  /** The member's permissions in the guild (a bit set as a decimal string); MEMBER_PERMISSIONS when left out. */
  permissions?: string;
}

export function userObject(user: FakeUser) {
  return {
    id: user.id,
    username: user.username,
    global_name: user.global_name ?? user.username,
    discriminator: '0',
    avatar: null,
    bot: user.bot ?? false,
  };
}

/** ADMINISTRATOR-free but generous: what a member of a test server may do. */
export const MEMBER_PERMISSIONS = '2248473465835073';

export function memberObject(user: FakeUser) {
  return {
    user: userObject(user),
    roles: [],
    permissions: user.permissions ?? MEMBER_PERMISSIONS,
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
  };
}

export interface FakeGuild {
  id: string;
  name: string;
  /** A text channel of the guild. */
  channelId: string;
}

export function guildCreate(guild: FakeGuild, ownerId: string) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: ownerId,
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: new Date(0).toISOString(),
    preferred_locale: 'en-US',
    features: [],
    channels: [{ id: guild.channelId, type: 0, name: 'general', guild_id: guild.id, position: 0, permission_overwrites: [] }],
    roles: [],
    members: [],
    emojis: [],
    stickers: [],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

export interface MessageFields {
  channelId: string;
  author: ReturnType<typeof userObject>;
  content?: string;
  guildId?: string;
  embeds?: unknown[];
  components?: unknown[];
  flags?: number;
  reference?: unknown;
}

/** A full message object: what REST answers with and what MESSAGE_CREATE carries. */
export function messageObject(fields: MessageFields) {
  return {
    id: snowflake(),
    channel_id: fields.channelId,
    ...(fields.guildId ? { guild_id: fields.guildId } : {}),
    type: fields.reference ? 19 : 0,
    content: fields.content ?? '',
    author: fields.author,
    attachments: [],
    embeds: fields.embeds ?? [],
    mentions: [],
    mention_roles: [],
    pinned: false,
    mention_everyone: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: fields.flags ?? 0,
    components: fields.components ?? [],
    ...(fields.reference ? { message_reference: fields.reference } : {}),
  };
}

/** Where an interaction or a message comes from: a server channel, or a DM with the bot. */
export type Place = { guild: FakeGuild } | { dmChannelId: string };

export function interactionObject(options: {
  type: 2 | 3 | 4;
  applicationId: string;
  user: FakeUser;
  place: Place;
  locale: string;
  data: unknown;
  message?: unknown;
  /** When Discord created it: the bot reads this from the id to know how much of its 3 seconds is left. */
  createdAt?: number;
}) {
  const { place, user } = options;
  const where =
    'guild' in place
      ? {
          guild_id: place.guild.id,
          guild_locale: 'en-US',
          channel_id: place.guild.channelId,
          channel: { id: place.guild.channelId, type: 0, guild_id: place.guild.id, name: 'general' },
          member: memberObject(user),
          authorizing_integration_owners: { '0': place.guild.id },
          context: 0,
        }
      : {
          channel_id: place.dmChannelId,
          channel: { id: place.dmChannelId, type: 1, recipients: [userObject(user)] },
          user: userObject(user),
          authorizing_integration_owners: { '0': '0' },
          context: 1,
        };
  return {
    id: snowflake(options.createdAt),
    application_id: options.applicationId,
    type: options.type,
    token: `itoken-${snowflake()}-${Math.random().toString(36).slice(2)}`,
    version: 1,
    locale: options.locale,
    app_permissions: MEMBER_PERMISSIONS,
    entitlements: [],
    ...where,
    data: options.data,
    ...(options.message ? { message: options.message } : {}),
  };
}
