import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildCreate, userObject, type FakeGuild, type FakeUser } from './payloads.ts';
import { Recorder } from '../recorder.ts';

/** What the fake saw or did on the gateway, in order: tests wait on these instead of sleeping. */
export type GatewayEvent =
  | { kind: 'connect' }
  | { kind: 'identify'; token: string; intents: number }
  | { kind: 'ready'; sessionId: string }
  | { kind: 'resume'; sessionId: string; seq: number }
  | { kind: 'resumed'; sessionId: string }
  | { kind: 'heartbeat' }
  | { kind: 'closed'; code: number; by: 'fake' | 'client' };

interface Session {
  id: string;
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
  guild: FakeGuild;
  heartbeatIntervalMs: number;
}

/** The gateway of a single-shard bot: HELLO, IDENTIFY/READY, heartbeats, numbered dispatches, RESUME. */
export class FakeGateway {
  readonly events = new Recorder<GatewayEvent>('fake Discord gateway', (event) => JSON.stringify(event));
  private readonly wss: WebSocketServer;
  private session?: Session;
  private sessionCount = 0;
  /** Close code for every IDENTIFY; 4004 plays a rejected token. */
  rejectIdentifyWith?: number;
  /** Close code for the next IDENTIFY only (4014: the portal refuses an intent, the bot retries without). */
  rejectNextIdentifyWith?: number;

  constructor(private readonly options: GatewayOptions) {
    this.wss = new WebSocketServer({ server: options.server, path: '/gw' });
    this.wss.on('connection', (socket) => this.onConnection(socket));
  }

  /** Sends an op-0 dispatch with the next sequence number, or keeps it for the RESUME if the bot is away. */
  dispatch(t: string, d: unknown): void {
    const session = this.session;
    if (!session) throw new Error(`fake Discord: cannot dispatch ${t}, no session (is the bot connected?)`);
    const frame = JSON.stringify({ op: 0, t, s: ++session.seq, d });
    if (session.socket && session.socket.readyState === session.socket.OPEN) session.socket.send(frame);
    else session.missed.push(frame);
  }

  /** Closes the bot's socket with a close code, as Discord does on a drop (4000) or a rejected token (4004). */
  closeSocket(code: number): void {
    const socket = this.session?.socket;
    if (!socket) throw new Error('fake Discord: no open gateway socket to close');
    this.detach(socket);
    this.events.push({ kind: 'closed', code, by: 'fake' });
    socket.close(code, 'closed by the fake');
  }

  async close(): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(socket: WebSocket): void {
    this.events.push({ kind: 'connect' });
    const send = (payload: unknown) => socket.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null });
    socket.on('close', (code) => {
      if (this.session?.socket === socket) {
        this.detach(socket);
        this.events.push({ kind: 'closed', code, by: 'client' });
      }
    });
    socket.on('message', (raw) => {
      const { op, d } = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> | number | null };
      if (op === 1) {
        this.events.push({ kind: 'heartbeat' });
        send({ op: 11 });
      } else if (op === 2) this.identify(socket, d as { token: string; intents: number });
      else if (op === 6) this.resume(socket, d as { session_id: string; seq: number; token: string });
    });
  }

  private identify(socket: WebSocket, d: { token: string; intents: number }): void {
    this.events.push({ kind: 'identify', token: d.token, intents: d.intents });
    const rejection = this.rejectNextIdentifyWith ?? this.rejectIdentifyWith ?? (d.token === this.options.token ? undefined : 4004);
    this.rejectNextIdentifyWith = undefined;
    if (rejection) {
      this.events.push({ kind: 'closed', code: rejection, by: 'fake' });
      socket.close(rejection, 'Authentication failed.');
      return;
    }
    const session: Session = { id: `session-${++this.sessionCount}`, seq: 0, socket, missed: [] };
    this.session = session;
    // READY lists the guild as unavailable, then GUILD_CREATE fills it in: discord.js waits for it before `ready`.
    this.dispatch('READY', {
      v: 10,
      user: { ...userObject(this.options.bot), bot: true },
      guilds: [{ id: this.options.guild.id, unavailable: true }],
      session_id: session.id,
      resume_gateway_url: this.options.url(),
      application: { id: this.options.applicationId, flags: 0 },
      private_channels: [],
    });
    this.dispatch('GUILD_CREATE', guildCreate(this.options.guild, 'owner-0'));
    this.events.push({ kind: 'ready', sessionId: session.id });
  }

  private resume(socket: WebSocket, d: { session_id: string; seq: number; token: string }): void {
    this.events.push({ kind: 'resume', sessionId: d.session_id, seq: d.seq });
    const session = this.session;
    if (!session || session.id !== d.session_id || d.token !== this.options.token) {
      socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    session.socket = socket;
    for (const frame of session.missed.splice(0)) socket.send(frame);
    this.dispatch('RESUMED', {});
    this.events.push({ kind: 'resumed', sessionId: session.id });
  }

  private detach(socket: WebSocket): void {
    if (this.session?.socket === socket) this.session.socket = undefined;
  }
}
