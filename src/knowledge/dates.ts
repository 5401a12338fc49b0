/**
 * The date a fact's `when` means, from the article's own words and the day it was published: "lundi" in an
 * article of Tuesday 20 December 2016 is Monday 19 December; "la semaine dernière" is the week before; "le 15 avril
 * 2019" is itself. Agency copy writes time relative to its dateline, and a reader asking "when?" wants the day.
 *
 * Dates are strings of their own precision: YYYY-MM-DD, YYYY-MM or YYYY, which also sort in time order.
 * Words are matched folded (no case, no accents) and whole, one pass over a few tokens: no pattern backtracks.
 */
export interface ResolvedDate {
  date: string;
  /** "la semaine dernière", "fin 2022": the date is the best guess, not the day the article gives. */
  approximate: boolean;
}

const WEEKDAYS = new Map<string, number>([
  ['dimanche', 0], ['lundi', 1], ['mardi', 2], ['mercredi', 3], ['jeudi', 4], ['vendredi', 5], ['samedi', 6],
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);
const MONTHS = new Map<string, number>([
  ['janvier', 1], ['fevrier', 2], ['mars', 3], ['avril', 4], ['mai', 5], ['juin', 6], ['juillet', 7], ['aout', 8],
  ['septembre', 9], ['octobre', 10], ['novembre', 11], ['decembre', 12],
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7], ['august', 8],
  ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['janv', 1], ['fev', 2], ['feb', 2], ['avr', 4], ['apr', 4], ['juil', 7], ['jul', 7], ['sept', 9], ['sep', 9],
  ['oct', 10], ['nov', 11], ['dec', 12],
]);
const NUMBER_WORDS = new Map<string, number>([
  ['un', 1], ['une', 1], ['deux', 2], ['trois', 3], ['quatre', 4], ['cinq', 5], ['six', 6], ['sept', 7], ['huit', 8], ['neuf', 9], ['dix', 10],
  ['one', 1], ['a', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
]);
/** Words of the quote that put the fact after the article: "doit être célébrée dimanche", "will meet on Monday". */
const FUTURE = new Set(['doit', 'doivent', 'devra', 'devront', 'sera', 'seront', 'aura', 'auront', 'prochain', 'prochaine', 'will', 'next', 'shall', 'prevu', 'prevue', 'scheduled']);

const DAY_MS = 86_400_000;

export function foldWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * The date that `when` names, or undefined when the words give none ("récemment"). `quote` is the fact's quote, for
 * the tense; `published` is YYYY-MM-DD, without which only absolute dates resolve.
 */
export function resolveWhen(when: string, quote: string, published?: string): ResolvedDate | undefined {
  const words = foldWords(when);
  const absolute = absoluteDate(words);
  if (absolute) return absolute;
  if (!published) return undefined;
  const base = Date.parse(`${published}T00:00:00Z`);
  const day = (offset: number, approximate = false): ResolvedDate => ({ date: new Date(base + offset * DAY_MS).toISOString().slice(0, 10), approximate });
  const has = (...candidates: string[]) => candidates.some((word) => words.includes(word));
  if (has('hier', 'yesterday')) return day(-1);
  if (has('demain', 'tomorrow')) return day(1);
  const weekday = words.find((word) => WEEKDAYS.has(word));
  if (weekday !== undefined) {
    const target = WEEKDAYS.get(weekday)!;
    const today = new Date(base).getUTCDay();
    const future = foldWords(quote).some((word) => FUTURE.has(word)) || has('prochain', 'prochaine', 'next');
    const lastWeek = has('derniere', 'dernier', 'last');
    if (future) return day(((target - today + 7) % 7) || 7);
    const back = (today - target + 7) % 7;
    return day(lastWeek && back === 0 ? -7 : -back);
  }
  if (has('aujourd', 'aujourdhui', 'today', 'tonight', 'soir', 'matin')) return day(0);
  if (has('semaine', 'week')) {
    if (has('derniere', 'last', 'passee')) return day(-7, true);
    if (has('prochaine', 'next')) return day(7, true);
  }
  // "il y a cinq jours", "five days ago", "depuis trois jours".
  const daysAt = words.findIndex((word) => word === 'jours' || word === 'days' || word === 'jour' || word === 'day');
  if (daysAt > 0) {
    const count = countOf(words[daysAt - 1]!);
    if (count !== undefined) return day(-count);
  }
  return undefined;
}

function countOf(word: string): number | undefined {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS.get(word);
}

/** "15 avril 2019", "9 July 2024", "July 9, 2024", "août 2023", "en 2020", "fin 2022". */
function absoluteDate(words: readonly string[]): ResolvedDate | undefined {
  const yearAt = words.findIndex((word) => /^(1[89]|20)\d\d$/.test(word));
  if (yearAt < 0) return undefined;
  const year = words[yearAt]!;
  const approximate = words.some((word) => word === 'fin' || word === 'debut' || word === 'end' || word === 'early' || word === 'late' || word === 'mi');
  const monthAt = words.findIndex((word, i) => i < yearAt && MONTHS.has(word));
  if (monthAt < 0) return { date: year, approximate };
  const month = String(MONTHS.get(words[monthAt]!)).padStart(2, '0');
  // "15 avril", "1er mai", "July 9".
  const dayOf = (word: string | undefined) => (word && /^\d{1,2}(?:er|st|nd|rd|th)?$/.test(word) ? Number.parseInt(word, 10) : 0);
  const dayNumber = dayOf(words[monthAt - 1]) || dayOf(words[monthAt + 1]);
  if (dayNumber < 1 || dayNumber > 31) return { date: `${year}-${month}`, approximate };
  const date = `${year}-${month}-${String(dayNumber).padStart(2, '0')}`;
  return Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ? { date: `${year}-${month}`, approximate } : { date, approximate };
}
