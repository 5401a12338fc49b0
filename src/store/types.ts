import type { Lang } from '../shared/types.ts';

/** The SQLite store's file name in DATA_DIR. */
export const STORE_FILE = 'depeche.sqlite';

/**
 * A store that cannot be used (unwritable folder, corrupt or locked file, newer schema): the message names the
 * file and says what to do, so that `npm start` prints one clear line.
 */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** When a subscription posts: every day at a local time, or a cron expression, both in an IANA time zone. */
export type Schedule = { kind: 'daily'; time: string; timeZone: string } | { kind: 'cron'; cron: string; timeZone: string };

export interface Subscription {
  id: number;
  /** Opaque channel key: `discord:<channel id>`, `slack:<channel id>`. The store knows no platform. */
  channel: string;
  schedule: Schedule;
  lang: Lang;
  /** `config`: from BRIEFING_CHANNELS, re-created at each start; `command`: a user subscribed. */
  origin: 'command' | 'config';
  /** Epoch ms, when it was last (re)subscribed. Slots before it are never posted: subscribing at 08:10 does not post 08:00. */
  createdAt: number;
  /** Post only when an article newer than `lastArticle` is loaded (so that a channel is not sent the same story daily). */
  onlyNew: boolean;
  /** The article of its last successful post, if any (kept when the subscription is renewed). */
  lastArticle?: PostedArticle;
}

/** Which article a post carried: enough to tell later whether a newer one exists. */
export interface PostedArticle {
  id: string;
  /** YYYY-MM-DD, when the article has a date. */
  published?: string;
}

/** `onlyNew` defaults to false. */
export type NewSubscription = Omit<Subscription, 'id' | 'createdAt' | 'onlyNew' | 'lastArticle'> & { onlyNew?: boolean };

/** What became of a claimed slot. */
export type ClaimOutcome = 'posted' | 'gone' | 'failed';

export interface Claim {
  channel: string;
  /** The scheduled instant, ISO 8601 UTC. */
  slot: string;
  subscriptionId: number;
  instance: string;
  claimedAt: number;
  outcome?: ClaimOutcome;
  detail?: string;
}

export interface UnansweredQuestion {
  /** Normalized: lower case, single spaces, no trailing punctuation. No user ids are kept. */
  text: string;
  count: number;
  /** Epoch ms. */
  firstSeen: number;
  lastSeen: number;
}

/**
 * An answer people may rate, saved when it is posted so that a click reaching any instance sharing the store
 * finds what it rates. Kept for a while only (`pruneAnswers`); the votes on it keep their own copy.
 */
export interface RatedAnswer {
  /** Opaque and unguessable, at most 32 characters: it rides in the buttons (Discord custom_id, Slack value). */
  id: string;
  /** The question as asked, normalized like unanswered ones (`normalizeQuestion`); `/numbers` for a command. */
  question: string;
  /** The ids of the entries (facts, actors) the answer rests on, in the answer's order, without repeats. */
  entries: string[];
  /** The ids of the articles those entries belong to, without repeats. */
  articles: string[];
  lang: Lang;
}

/** One person's vote on one answer. */
export interface AnswerVote {
  answerId: string;
  /** A one-way hash standing for the voter (never a user id): one vote per voter and answer. */
  voter: string;
  helpful: boolean;
}

/** The votes on the answers to one question that rested on the same entries (same ids, same order), in one language. */
export interface VoteTally {
  question: string;
  entries: string[];
  articles: string[];
  lang: Lang;
  helpful: number;
  notHelpful: number;
  /** Epoch ms of the latest vote. */
  lastVoted: number;
}

/**
 * What Depeche keeps between restarts, and what several instances share: SQLite in DATA_DIR (one machine), or
 * PostgreSQL (DATABASE_URL, any number of machines). Every method is atomic on its own; `claim` and `firstDelivery`
 * are insert-if-absent, which is what makes a briefing posted and an event answered once.
 */
export interface Store {
  /** Where it lives, for messages ("data/depeche.sqlite"). */
  readonly location: string;
  /** Adds a subscription, or renews the one with the same channel and schedule (its language, onlyNew, its start; not its lastArticle). */
  subscribe(subscription: NewSubscription, now: number): Promise<Subscription>;
  /** Records the article a subscription's post carried (after the post succeeded). */
  recordPostedArticle(subscriptionId: number, article: PostedArticle): Promise<void>;
  /** Removes a channel's subscriptions (all, or one by id); returns how many. */
  unsubscribe(channel: string, id?: number): Promise<number>;
  /** One channel's subscriptions, or all of them. */
  subscriptions(channel?: string): Promise<Subscription[]>;
  /**
   * Claims (channel, slot) for this instance, atomically: true for exactly one caller across every instance
   * sharing the store, ever. Only the owner of a claim posts.
   */
  claim(claim: { channel: string; slot: string; subscriptionId: number; instance: string }, now: number): Promise<boolean>;
  /** Records what became of a claimed slot. */
  finish(channel: string, slot: string, outcome: ClaimOutcome, detail: string | undefined, now: number): Promise<void>;
  claims(channel?: string): Promise<Claim[]>;
  /** Forgets claims older than `before` (epoch ms): they can no longer be posted again anyway. */
  pruneClaims(before: number): Promise<number>;
  /** A channel Depeche can no longer post to (deleted, access removed): skipped until someone subscribes again. */
  markUnreachable(channel: string, reason: string, now: number): Promise<void>;
  clearUnreachable(channel: string): Promise<void>;
  unreachable(): Promise<Map<string, { reason: string; since: number }>>;
  /** Counts a question Depeche could not answer (already normalized or not: it is normalized here). */
  recordUnanswered(text: string, now?: number): Promise<void>;
  /** Most asked first, then most recent. */
  listUnanswered(limit?: number): Promise<UnansweredQuestion[]>;
  /** Saves an answer that can be rated; an id saved again is left as it was. */
  saveAnswer(answer: RatedAnswer, now: number): Promise<void>;
  /**
   * Records a vote, replacing the voter's earlier vote on the same answer (one vote per voter and answer, which
   * may change): true when the answer is known; false, and nothing recorded, when it never was or was pruned.
   * The vote keeps a copy of the answer's question, entries, articles and language: pruning answers keeps votes.
   */
  vote(vote: AnswerVote, now: number): Promise<boolean>;
  /** Forgets answers saved before `before` (epoch ms): they can no longer be rated. Returns how many. */
  pruneAnswers(before: number): Promise<number>;
  /**
   * Retention (RETENTION_DAYS): forgets refused questions last asked, and votes last cast, before `before` (epoch ms).
   * Returns how many of each.
   */
  pruneRecords(before: number): Promise<{ questions: number; votes: number }>;
  /**
   * Votes counted per (question, entries, lang): the tallies with at least one vote of the kind asked for
   * (`helpful` true or false), most such votes first, then the most recently voted.
   */
  listVotes(options: { helpful: boolean; limit?: number }): Promise<VoteTally[]>;
  /**
   * True the first time `key` is offered within `ttlMs` (and records it), false for a repeat: atomic across every
   * instance sharing the store. Slack's retried events are told apart this way (`slack-event:<event id>`).
   */
  firstDelivery(key: string, ttlMs: number, now?: number): Promise<boolean>;
  /**
   * Conversations kept in a shared database (PostgreSQL), so that a follow-up reaching another instance still knows
   * its topic; absent where the process's memory serves as well (SQLite: one machine).
   */
  conversations?<State>(options: { ttlMs: number; onError?(error: unknown): void; now?: () => number }): ExpiringValues<State>;
  /** Told what a shared store learns by itself: another instance changed subscriptions, the database went or came back. */
  watch?(listener: StoreListener): void;
  close(): Promise<void>;
}

/**
 * Values by key, forgotten after `ttlMs` of silence. Never throws: a value that cannot be read is absent, one that
 * cannot be written is lost (a follow-up then starts afresh), and the error goes to `onError`.
 */
export interface ExpiringValues<State> {
  get(key: string): Promise<State | undefined>;
  set(key: string, state: State): Promise<void>;
  /** Forgets every value. */
  clear(): Promise<void>;
}

/** `up`/`down`: whether the database answers; `changed`: subscriptions changed elsewhere, or the database came back. */
export interface StoreListener {
  onState?(state: 'up' | 'down'): void;
  onChange?(): void;
}

/** The form in which unanswered questions are counted: "How many  people left?" and "how many people left" are one. */
export function normalizeQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?!.…]+$/u, '')
    .slice(0, 500);
}
