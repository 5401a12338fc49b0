import type { Lang } from '../shared/types.ts';
import type { Schedule, Store, Subscription } from '../store/types.ts';
import { systemClock, type Clock } from './clock.ts';
import { busiestHour, makeSchedule, MAX_POSTS_PER_HOUR, nextSlot, type ScheduleRequest } from './schedule.ts';

export interface SubscriptionView {
  subscription: Subscription;
  /** Epoch ms of the next post, if the schedule has one. */
  next?: number;
  /** Why the channel is skipped, when the platform said it cannot be posted to. */
  unreachable?: string;
}

/** Why a subscription is refused: a schedule it cannot read or that posts too often, or a channel that has enough. */
export type SubscribeProblem = 'time' | 'timeZone' | 'cron' | 'tooOften' | 'tooMany' | 'channelTooOften';

/** Subscriptions a channel may have (BRIEFING_MAX_PER_CHANNEL): anyone allowed to subscribe could otherwise add hundreds. */
export const DEFAULT_MAX_PER_CHANNEL = 10;

/** What the /subscribe, /unsubscribe and /subscriptions commands use: the store plus the configured defaults. */
export interface SubscriptionService {
  readonly defaults: { time: string; timeZone: string };
  /** `onlyNew`: post only when an article newer than the last one posted is loaded. */
  subscribe(channel: string, request: ScheduleRequest & { lang: Lang; onlyNew?: boolean }): Promise<SubscriptionView | { problem: SubscribeProblem }>;
  /** All of the channel's subscriptions, or the one with this id; returns how many were removed. */
  unsubscribe(channel: string, id?: number): Promise<number>;
  list(channel: string): Promise<SubscriptionView[]>;
  /** Called after every change (the scheduler looks again). */
  onChange(listener: () => void): void;
}

export function createSubscriptionService(options: { store: Store; defaults: { time: string; timeZone: string }; clock?: Clock; maxPerChannel?: number }): SubscriptionService {
  const { store, defaults } = options;
  const maxPerChannel = options.maxPerChannel ?? DEFAULT_MAX_PER_CHANNEL;
  const clock = options.clock ?? systemClock;
  const listeners: (() => void)[] = [];
  const changed = () => listeners.forEach((listener) => listener());
  const view = (subscription: Subscription, unreachable?: string): SubscriptionView => ({
    subscription,
    next: nextSlot(subscription.schedule, clock.now()),
    ...(unreachable ? { unreachable } : {}),
  });

  return {
    defaults,
    async subscribe(channel, request) {
      const schedule = makeSchedule(request, defaults);
      if ('problem' in schedule) return schedule;
      // Checked before the insert, not with it: two managers subscribing at the same instant may pass one over.
      const existing = await store.subscriptions(channel);
      if (existing.length >= maxPerChannel) return { problem: 'tooMany' };
      if (busiestHour([...existing.map((s) => s.schedule), schedule], clock.now()) > MAX_POSTS_PER_HOUR) return { problem: 'channelTooOften' };
      const subscription = await store.subscribe({ channel, schedule, lang: request.lang, origin: 'command', onlyNew: request.onlyNew ?? false }, clock.now());
      // Someone could run the command in the channel: if Depeche could not post there before, it may now.
      await store.clearUnreachable(channel);
      changed();
      return view(subscription);
    },
    async unsubscribe(channel, id) {
      const removed = await store.unsubscribe(channel, id);
      if (removed) changed();
      return removed;
    },
    async list(channel) {
      const unreachable = await store.unreachable();
      return (await store.subscriptions(channel)).map((subscription) => view(subscription, unreachable.get(channel)?.reason));
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}

/**
 * BRIEFING_CHANNELS as subscriptions (in English, at BRIEFING_TIME in BRIEFING_TZ): added when new, removed when
 * dropped from the list or when the time changed. Subscriptions made with /subscribe are left alone.
 */
export async function syncConfigChannels(store: Store, config: { channels: readonly string[]; time: string; timeZone: string }, now: number): Promise<void> {
  const schedule: Schedule = { kind: 'daily', time: config.time, timeZone: config.timeZone };
  const wanted = new Set(config.channels);
  const kept = new Set<string>();
  for (const subscription of await store.subscriptions()) {
    const same = subscription.schedule.kind === 'daily' && subscription.schedule.time === config.time && subscription.schedule.timeZone === config.timeZone;
    if (same && wanted.has(subscription.channel)) kept.add(subscription.channel);
    else if (subscription.origin === 'config') await store.unsubscribe(subscription.channel, subscription.id);
  }
  // Existing ones are left as they are: renewing them would make a slot missed during a restart look not yet due.
  for (const channel of wanted) if (!kept.has(channel)) await store.subscribe({ channel, schedule, lang: 'en', origin: 'config' }, now);
}
