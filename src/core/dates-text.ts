import type { Lang } from '../shared/types.ts';

const LOCALES: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };
const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: Lang, precision: 'day' | 'month' | 'year'): Intl.DateTimeFormat {
  const key = `${lang}:${precision}`;
  let found = formats.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      precision === 'day' ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } : precision === 'month' ? { month: 'long', year: 'numeric' } : { year: 'numeric' };
    found = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: 'UTC' });
    formats.set(key, found);
  }
  return found;
}

/** A date of its own precision in words: "Monday 19 December 2016", "août 2023", "2019". */
export function dateLabel(date: string, lang: Lang): string {
  const [year, month, day] = date.split('-');
  const precision = day ? 'day' : month ? 'month' : 'year';
  return format(lang, precision).format(new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1))));
}

/** The name of a day: "Sunday", "dimanche". */
export function weekdayLabel(date: string, lang: Lang): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year!, month! - 1, day!)));
}
