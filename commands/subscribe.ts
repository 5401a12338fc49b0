import { briefingMessages, formatSlot } from '../src/briefing/messages.ts';
import { describeSchedule, isTimeZone, type ScheduleRequest } from '../src/briefing/schedule.ts';
import { plainReply } from '../src/core/reply.ts';
import type { Lang } from '../src/shared/types.ts';
import type { Command, CommandContext } from '../src/core/command.ts';

// A Map: a word looked up on a plain object would find its prototype's ("constructor", "__proto__").
const LANG_WORDS = new Map<string, Lang>([['en', 'en'], ['english', 'en'], ['anglais', 'en'], ['fr', 'fr'], ['french', 'fr'], ['français', 'fr'], ['francais', 'fr']]);
/** The Discord option's name, and the word that asks for it on Slack. */
export const ONLY_NEW = 'only-new';

/**
 * `08:00 Europe/Zurich fr only-new`, `0 8 * * 1-5 UTC`, `fr`: on Slack the whole text arrives in the first option, so
 * the words are told apart by their shape (a time, a time zone, a language, only-new; what is left is a cron expression).
 */
export function parseScheduleText(text: string): (ScheduleRequest & { lang?: Lang; onlyNew?: true }) | { unreadable: string } | { problem: 'timeZone' } {
  const request: ScheduleRequest & { lang?: Lang; onlyNew?: true } = {};
  const cron: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const lower = word.toLowerCase();
    if (lower === ONLY_NEW) request.onlyNew = true;
    else if (/^\d{1,2}:\d{2}$/.test(word) && !request.time) request.time = word;
    else if (LANG_WORDS.has(lower) && !request.lang) request.lang = LANG_WORDS.get(lower);
    // Any IANA name, `Europe/Zurich` as well as `UTC` or `CET`; cron's day and month names (MON, JAN) are none.
    else if (/[A-Za-z]/.test(word) && isTimeZone(word) && !request.timeZone) request.timeZone = word;
    else if (/^[A-Za-z]+\/[A-Za-z_/+-]+$/.test(word)) return { problem: 'timeZone' };
    else if (/^[\d*,/\-A-Za-z?LW#]+$/.test(word)) cron.push(word);
    else return { unreadable: word };
  }
  if (cron.length) {
    if (request.time) return { unreadable: cron[0]! };
    request.cron = cron.join(' ');
  }
  return request;
}

/** The checks every subscription command makes: a channel, a store, and (for changes) the right to manage it. */
export function subscriptionGate(ctx: CommandContext, needsManage: boolean) {
  const t = briefingMessages[ctx.lang];
  if (!ctx.subscriptions || !ctx.channelKey) return { refusal: plainReply(ctx.lang, t.unavailable, { private: true }) };
  if (needsManage && ctx.canManage !== true) return { refusal: plainReply(ctx.lang, t.notAllowed, { private: true }) };
  return { service: ctx.subscriptions, channel: ctx.channelKey, t };
}

export const subscribe: Command = {
  name: 'subscribe',
  description: { en: 'Post the briefing in this channel on a schedule', fr: 'Publier le résumé dans ce salon selon un horaire' },
  needs: ['channel', 'subscriptions'],
  requires: 'manage-channel',
  options: [
    {
      name: 'schedule',
      type: 'string',
      required: false,
      maxLength: 100,
      description: { en: 'A time of day (08:00) or a cron expression (0 8 * * 1-5)', fr: 'Une heure (08:00) ou une expression cron (0 8 * * 1-5)' },
    },
    {
      name: 'timezone',
      type: 'string',
      required: false,
      maxLength: 64,
      description: { en: 'An IANA time zone, such as Europe/Zurich', fr: 'Un fuseau horaire IANA, comme Europe/Zurich' },
    },
    {
      name: 'language',
      type: 'string',
      required: false,
      maxLength: 10,
      description: { en: 'en or fr', fr: 'en ou fr' },
    },
    {
      name: ONLY_NEW,
      type: 'boolean',
      required: false,
      description: { en: 'Post only when there is an article newer than the last one posted', fr: "Publier seulement s'il y a un article plus récent que le dernier publié" },
    },
  ],
  async run(ctx) {
    const gate = subscriptionGate(ctx, true);
    if (gate.refusal) return gate.refusal;
    const { service, channel, t } = gate;
    const parsed = parseScheduleText([ctx.args.schedule, ctx.args.timezone, ctx.args.language].filter(Boolean).join(' '));
    if ('problem' in parsed) return plainReply(ctx.lang, t.problem[parsed.problem], { private: true });
    if ('unreadable' in parsed) return plainReply(ctx.lang, t.unreadable(parsed.unreadable), { private: true });
    const lang = parsed.lang ?? ctx.lang;
    const onlyNew = parsed.onlyNew === true || ctx.flags?.has(ONLY_NEW) === true;
    const result = await service.subscribe(channel, { ...parsed, lang, onlyNew });
    if ('problem' in result) return plainReply(ctx.lang, t.problem[result.problem], { private: true });
    const { schedule } = result.subscription;
    const r = briefingMessages[lang];
    const text = r.subscribed(describeSchedule(schedule, lang), r.languages[lang], formatSlot(result.next, schedule.timeZone, lang));
    return plainReply(lang, onlyNew ? `${text} ${r.onlyNew}` : text);
  },
};
