import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildCreate, userObject, type FakeGuild, type FakeUser } from './payloads.ts';
import { Recorder } from '../recorder.ts';

/** What the fake saw or did on the gateway, in order: tests wait on these instead of sleeping. */
export type GatewayEvent =
  | { kind: 'connect' }
  | { kind: 'identify'; token: string; intents: number; shard: [number, number] }
  | { kind: 'ready'; sessionId: string; shard: number }
  | { kind: 'resume'; sessionId: string; seq: number }
  | { kind: 'resumed'; sessionId: string; shard: number }
  | { kind: 'heartbeat' }
  | { kind: 'closed'; code: number; by: 'fake' | 'client'; shard?: number }
  /** An event sent (or kept for a RESUME) to the session of `shard`. */
  | { kind: 'dispatch'; t: string; shard: number };

interface Session {
  id: string;
  shard: number;
  seq: number;
  socket?: WebSocket;
  /** Dispatches sent while no socket was open: Discord replays them after a RESUME. */
  missed: string[];
}

export interface GatewayOptions {
  server: Server;
  url: () => string;
  token: string;
  applicationId: string;
  bot: FakeUser;
  /** Every guild the bot is in; each is announced to the session of its shard. */
  guilds: readonly FakeGuild[];
  /** How many shards the bot must connect with (what `/gateway/bot` recommends). */
  shardCount: number;
  heartbeatIntervalMs: number;
}

/** Discord's rule: a guild's events go to shard `(guild_id >> 22) % shard_count`; DMs go to shard 0. */
export function shardOf(guildId: string | undefined, shardCount: number): number {
  return guildId === undefined ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * The gateway of a bot with `shardCount` shards (1 by default): HELLO, IDENTIFY/READY per shard, heartbeats,
 * numbered dispatches routed to the shard of their guild, RESUME.
 */
export class FakeGateway {
  readonly events = new Recorder<GatewayEvent>('fake Discord gateway', (event) => JSON.stringify(event));
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<number, Session>();
  private sessionCount = 0;
  /** Close code for every IDENTIFY; 4004 plays a rejected token. */
  rejectIdentifyWith?: number;
  /** Close code for the next IDENTIFY only (4014: the portal refuses an intent, the bot retries without). */
  rejectNextIdentifyWith?: number;

  constructor(private readonly options: GatewayOptions) {
    this.wss = new WebSocketServer({ server: options.server, path: '/gw' });
    this.wss.on('connection', (socket) => this.onConnection(socket));
  }

  /**
   * Sends an op-0 dispatch with the next sequence number to the session of the shard that owns it (the shard of
   * `d.guild_id`, shard 0 without one), or keeps it for the RESUME if that shard is away.
   */
  dispatch(t: string, d: unknown): void {
    const guildId = (d as { guild_id?: string } | null)?.guild_id;
    this.dispatchTo(shardOf(guildId, this.options.shardCount), t, d);
  }

  /** Closes a shard's socket with a close code, as Discord does on a drop (4000) or a rejected token (4004). */
  closeSocket(code: number, shard = 0): void {
    const socket = this.sessions.get(shard)?.socket;
    if (!socket) throw new Error(`fake Discord: no open gateway socket for shard ${shard} to close`);
    this.detach(socket);
    this.events.push({ kind: 'closed', code, by: 'fake', shard });
    socket.close(code, 'closed by the fake');
  }

  async close(): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private dispatchTo(shard: number, t: string, d: unknown): void {
    const session = this.sessions.get(shard);
    if (!session) throw new Error(`fake Discord: cannot dispatch ${t} to shard ${shard}, no session (is the bot connected?)`);
    const frame = JSON.stringify({ op: 0, t, s: ++session.seq, d });
    this.events.push({ kind: 'dispatch', t, shard });
    if (session.socket && session.socket.readyState === session.socket.OPEN) session.socket.send(frame);
    else session.missed.push(frame);
  }

  private onConnection(socket: WebSocket): void {
    this.events.push({ kind: 'connect' });
    const send = (payload: unknown) => socket.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null });
    socket.on('close', (code) => {
      const session = this.sessionOf(socket);
      if (session) {
        this.detach(socket);
        this.events.push({ kind: 'closed', code, by: 'client', shard: session.shard });
      }
    });
    socket.on('message', (raw) => {
      const { op, d } = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> | number | null };
      if (op === 1) {
        this.events.push({ kind: 'heartbeat' });
        send({ op: 11 });
      } else if (op === 2) this.identify(socket, d as { token: string; intents: number; shard?: [number, number] });
      else if (op === 6) this.resume(socket, d as { session_id: string; seq: number; token: string });
    });
  }

  private identify(socket: WebSocket, d: { token: string; intents: number; shard?: [number, number] }): void {
    const [shard, count] = d.shard ?? [0, 1];
    this.events.push({ kind: 'identify', token: d.token, intents: d.intents, shard: [shard, count] });
    const forced = this.rejectNextIdentifyWith ?? this.rejectIdentifyWith;
    const rejection = forced === undefined ? this.identifyError(d.token, shard, count) : { code: forced, reason: 'Authentication failed.' };
    this.rejectNextIdentifyWith = undefined;
    if (rejection) {
      this.events.push({ kind: 'closed', code: rejection.code, by: 'fake', shard });
      socket.close(rejection.code, rejection.reason);
      return;
    }
    // A new session for a shard takes its events from now on; an older socket of that shard gets nothing more.
    const session: Session = { id: `session-${++this.sessionCount}`, shard, seq: 0, socket, missed: [] };
    this.sessions.set(shard, session);
    const guilds = this.options.guilds.filter((guild) => shardOf(guild.id, count) === shard);
    // READY lists the shard's guilds as unavailable, then GUILD_CREATE fills each in: discord.js waits for them before `ready`.
    this.dispatchTo(shard, 'READY', {
      v: 10,
      user: { ...userObject(this.options.bot), bot: true },
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.url(),
      application: { id: this.options.applicationId, flags: 0 },
      private_channels: [],
      shard: [shard, count],
    });
    for (const guild of guilds) this.dispatchTo(shard, 'GUILD_CREATE', guildCreate(guild, 'owner-0'));
    this.events.push({ kind: 'ready', sessionId: session.id, shard });
  }

  /** Discord's answers to a bad IDENTIFY: 4004 for a wrong token, 4011 when the bot must shard, 4010 for a shard it does not have. */
  private identifyError(token: string, shard: number, count: number): { code: number; reason: string } | undefined {
    if (token !== this.options.token) return { code: 4004, reason: 'Authentication failed.' };
    if (count < this.options.shardCount) return { code: 4011, reason: 'Sharding required.' };
    if (count !== this.options.shardCount || shard < 0 || shard >= count) return { code: 4010, reason: 'Invalid shard.' };
    return undefined;
  }

  private resume(socket: WebSocket, d: { session_id: string; seq: number; token: string }): void {
    this.events.push({ kind: 'resume', sessionId: d.session_id, seq: d.seq });
    const session = [...this.sessions.values()].find((candidate) => candidate.id === d.session_id);
    if (!session || d.token !== this.options.token) {
      socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    session.socket = socket;
    for (const frame of session.missed.splice(0)) socket.send(frame);
    this.dispatchTo(session.shard, 'RESUMED', {});
    this.events.push({ kind: 'resumed', sessionId: session.id, shard: session.shard });
  }

  private sessionOf(socket: WebSocket): Session | undefined {
    return [...this.sessions.values()].find((session) => session.socket === socket);
  }

  private detach(socket: WebSocket): void {
    const session = this.sessionOf(socket);
    if (session) session.socket = undefined;
  }
}
