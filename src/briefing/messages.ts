import type { Lang } from '../shared/types.ts';

/** What the subscription commands say, in both languages. */
export const briefingMessages = {
  en: {
    unavailable: 'Scheduled briefings are only available in Discord and Slack channels.',
    notAllowed: "You are not allowed to change this channel's scheduled briefings: ask someone who manages the channel.",
    subscribed: (when: string, lang: string, next: string) => `This channel will receive the briefing ${when}, in ${lang}. Next one: ${next}.`,
    onlyNew: 'It is posted only when there is an article newer than the last one posted here.',
    onlyNewTag: 'only new articles',
    problem: {
      time: 'I could not read that time: give it as HH:MM, for example 08:00.',
      timeZone: 'I do not know that time zone: use an IANA name such as Europe/Zurich or UTC.',
      cron: 'I could not read that schedule: give a time such as 08:00, or a five-field cron expression such as 0 8 * * 1-5.',
      tooOften: 'That schedule posts too often: leave at least 15 minutes between briefings.',
      tooMany: 'This channel already has as many scheduled briefings as allowed: /subscriptions lists them, and /unsubscribe removes one.',
      channelTooOften: 'With that one, this channel would get more than 4 briefings within an hour: choose another time, or /unsubscribe one first.',
    },
    unreadable: (word: string) => `I could not read "${word}": give a time (08:00) or a cron expression (0 8 * * 1-5), then optionally a time zone (Europe/Zurich), a language (en or fr) and only-new.`,
    unsubscribed: (count: number) => (count === 1 ? 'This channel will no longer receive the scheduled briefing.' : `This channel will no longer receive its ${count} scheduled briefings.`),
    nothingToRemove: 'This channel has no scheduled briefing to stop.',
    noSuchSubscription: (id: string) => `This channel has no scheduled briefing #${id}; /subscriptions lists them.`,
    none: 'This channel has no scheduled briefing. /subscribe sets one up.',
    listTitle: 'Scheduled briefings',
    item: (id: number, when: string, lang: string, next: string) => `#${id}: ${when}, in ${lang}; next: ${next}`,
    unreachable: (reason: string) => `paused: I cannot post here (${reason}); subscribe again once I can`,
    languages: { en: 'English', fr: 'French' },
  },
  fr: {
    unavailable: 'Les résumés programmés ne sont disponibles que dans les salons Discord et Slack.',
    notAllowed: "Vous n'avez pas le droit de modifier les résumés programmés de ce salon : demandez à quelqu'un qui le gère.",
    subscribed: (when: string, lang: string, next: string) => `Ce salon recevra le résumé ${when}, en ${lang}. Prochain : ${next}.`,
    onlyNew: "Il n'est publié que s'il existe un article plus récent que le dernier publié ici.",
    onlyNewTag: 'seulement les nouveaux articles',
    problem: {
      time: "Je n'ai pas compris cette heure : donnez-la sous la forme HH:MM, par exemple 08:00.",
      timeZone: 'Je ne connais pas ce fuseau horaire : utilisez un nom IANA comme Europe/Zurich ou UTC.',
      cron: "Je n'ai pas compris ce programme : donnez une heure comme 08:00, ou une expression cron à cinq champs comme 0 8 * * 1-5.",
      tooOften: 'Ce programme publie trop souvent : laissez au moins 15 minutes entre deux résumés.',
      tooMany: 'Ce salon a déjà autant de résumés programmés que permis : /subscriptions les liste, et /unsubscribe en retire un.',
      channelTooOften: 'Avec celui-ci, ce salon recevrait plus de 4 résumés en une heure : choisissez une autre heure, ou retirez-en un avec /unsubscribe.',
    },
    unreadable: (word: string) => `Je n'ai pas compris « ${word} » : donnez une heure (08:00) ou une expression cron (0 8 * * 1-5), puis éventuellement un fuseau horaire (Europe/Zurich), une langue (en ou fr) et only-new.`,
    unsubscribed: (count: number) => (count === 1 ? 'Ce salon ne recevra plus le résumé programmé.' : `Ce salon ne recevra plus ses ${count} résumés programmés.`),
    nothingToRemove: "Ce salon n'a aucun résumé programmé à arrêter.",
    noSuchSubscription: (id: string) => `Ce salon n'a pas de résumé programmé n°${id} ; /subscriptions les liste.`,
    none: "Ce salon n'a aucun résumé programmé. /subscribe en crée un.",
    listTitle: 'Résumés programmés',
    item: (id: number, when: string, lang: string, next: string) => `n°${id} : ${when}, en ${lang} ; prochain : ${next}`,
    unreachable: (reason: string) => `en pause : je ne peux pas publier ici (${reason}) ; abonnez-vous à nouveau quand ce sera possible`,
    languages: { en: 'anglais', fr: 'français' },
  },
} satisfies Record<Lang, unknown>;

/** A slot as the channel's people read it: in the subscription's time zone. */
export function formatSlot(ms: number | undefined, timeZone: string, lang: Lang): string {
  if (ms === undefined) return '—';
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CH' : 'en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(ms);
}
