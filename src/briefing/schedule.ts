import { Cron } from 'croner';
import type { Schedule } from '../store/types.ts';

/** Posts closer together than this are refused: a briefing is not a chat, and Slack allows ~1 post/s per channel. */
export const MIN_INTERVAL_MS = 15 * 60_000;

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const CRON_FIELD = /^[\d*,/\-A-Za-z?LW#]+$/;

/** croner does the time-zone and daylight-saving arithmetic; a pattern is built once per schedule. */
const patterns = new Map<string, Cron>();

function cronFor(schedule: Schedule): Cron {
  const pattern = schedule.kind === 'daily' ? dailyPattern(schedule.time) : schedule.cron;
  const key = `${pattern}|${schedule.timeZone}`;
  let cron = patterns.get(key);
  if (!cron) {
    cron = new Cron(pattern, { timezone: schedule.timeZone, paused: true });
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
