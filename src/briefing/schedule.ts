import { Cron } from 'croner';
import type { Schedule } from '../store/types.ts';

/** Posts closer together than this are refused: a briefing is not a chat, and Slack allows ~1 post/s per channel. */
export const MIN_INTERVAL_MS = 15 * 60_000;

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const CRON_FIELD = /^[\d*,/\-A-Za-z?LW#]+$/;

/** croner does the time-zone and daylight-saving arithmetic; a pattern is built once per schedule. */
const patterns = new Map<string, Cron>();
/** Patterns are typed by users: the cache is bounded. */
const MAX_PATTERNS = 1000;

function cronFor(schedule: Schedule): Cron {
  const pattern = schedule.kind === 'daily' ? dailyPattern(schedule.time) : schedule.cron;
  const key = `${pattern}|${schedule.timeZone}`;
  let cron = patterns.get(key);
  if (!cron) {
    cron = new Cron(pattern, { timezone: schedule.timeZone, paused: true });
    if (patterns.size >= MAX_PATTERNS) patterns.clear();
    patterns.set(key, cron);
  }
  return cron;
}

function dailyPattern(time: string): string {
  const [, hours, minutes] = TIME.exec(time) ?? [];
  if (hours === undefined || minutes === undefined) throw new Error(`not a time of day: ${time}`);
  return `${Number(minutes)} ${Number(hours)} * * *`;
}

/** The first slot strictly after `after` (epoch ms), or undefined if the pattern has no more. */
export function nextSlot(schedule: Schedule, after: number): number | undefined {
  return cronFor(schedule).nextRun(new Date(after))?.getTime();
}

/** A channel gets at most this many briefings in any hour, all its subscriptions together. */
export const MAX_POSTS_PER_HOUR = 4;
const HOUR_MS = 3_600_000;
/** How far ahead the busiest hour is looked for: a week holds every weekly pattern. */
const LOOK_AHEAD_MS = 7 * 24 * HOUR_MS;

/** The most posts that `schedules` together make within any 60 minutes of the coming week. */
export function busiestHour(schedules: readonly Schedule[], from: number): number {
  const slots: number[] = [];
  for (const schedule of schedules) {
    // At most one post per MIN_INTERVAL_MS each (makeSchedule refuses closer), so this loop is bounded too.
    for (let slot = nextSlot(schedule, from); slot !== undefined && slot <= from + LOOK_AHEAD_MS; slot = nextSlot(schedule, slot)) slots.push(slot);
  }
  slots.sort((a, b) => a - b);
  let busiest = 0;
  for (let start = 0, end = 0; end < slots.length; end += 1) {
    while (slots[end]! - slots[start]! >= HOUR_MS) start += 1;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}

/** The latest slot in (from, to], if any: after downtime only the newest missed slot is worth posting. */
export function latestSlot(schedule: Schedule, from: number, to: number): number | undefined {
  let latest: number | undefined;
  for (let slot = nextSlot(schedule, from); slot !== undefined && slot <= to; slot = nextSlot(schedule, slot)) latest = slot;
  return latest;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type ScheduleRequest = { time?: string; cron?: string; timeZone?: string };

/**
 * A schedule from what a user typed, with the configured defaults; a string is the problem to tell the user.
 * Cron expressions have five fields (minute granularity) and must leave MIN_INTERVAL_MS between posts.
 */
export function makeSchedule(request: ScheduleRequest, defaults: { time: string; timeZone: string }): Schedule | { problem: 'time' | 'timeZone' | 'cron' | 'tooOften' } {
  const timeZone = request.timeZone ?? defaults.timeZone;
  if (!isTimeZone(timeZone)) return { problem: 'timeZone' };
  let schedule: Schedule;
  if (request.cron) {
    const fields = request.cron.trim().split(/\s+/);
    if (fields.length !== 5 || !fields.every((field) => CRON_FIELD.test(field))) return { problem: 'cron' };
    schedule = { kind: 'cron', cron: fields.join(' '), timeZone };
    try {
      cronFor(schedule);
    } catch {
      return { problem: 'cron' };
    }
  } else {
    const match = TIME.exec(request.time ?? defaults.time);
    if (!match) return { problem: 'time' };
    schedule = { kind: 'daily', time: `${match[1]!.padStart(2, '0')}:${match[2]}`, timeZone };
  }
  const runs = cronFor(schedule).nextRuns(8, new Date());
  for (let i = 1; i < runs.length; i++) if (runs[i]!.getTime() - runs[i - 1]!.getTime() < MIN_INTERVAL_MS) return { problem: 'tooOften' };
  if (runs.length === 0) return { problem: 'cron' };
  return schedule;
}

/** "every day at 08:00 (Europe/Zurich)", "0 8 * * 1-5 (UTC)". */
export function describeSchedule(schedule: Schedule, lang: 'en' | 'fr'): string {
  if (schedule.kind === 'cron') return `cron \`${schedule.cron}\` (${schedule.timeZone})`;
  return lang === 'fr' ? `chaque jour à ${schedule.time} (${schedule.timeZone})` : `every day at ${schedule.time} (${schedule.timeZone})`;
}
