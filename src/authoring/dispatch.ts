/**
 * What an agency dispatch says before its story and around its facts, read as an editor reads it: the dateline
 * ("KOUROU (Guyane française), 9 juil 2024 (Agence) -"), the credit in it, and in each sentence the roles a draft
 * can fill in (when, the figure with its unit and how exact it is, who said it). General patterns of French and
 * English news writing; nothing here knows an article.
 */
import { fold } from '../engine/normalize.ts';

export interface Dateline {
  /** The place as the dateline writes it ("KOUROU"), and as a name ("Kourou"). */
  place: string;
  placeName: string;
  /** The credit inside it, as printed ("Agence", "AFP"), and its quote with the brackets ("(Agence)"). */
  credit?: { publisher: string; quote: string };
  /** Where the story itself starts in the line (after " - "). */
  storyStart: number;
}

/** "PLACE (region), date (CREDIT) - ": every part bounded, so that the pattern cannot run away on a long line. */
const DATELINE = /^([\p{Lu}][\p{Lu}\p{M}'’ .-]{1,40}?)(?:\s*\([^()]{1,60}\))?,\s*[^()\n]{1,40}?\(([^()]{1,40})\)\s*[-–—]+\s*/u;

export function readDateline(line: string): Dateline | undefined {
  const match = DATELINE.exec(line.slice(0, 300));
  if (!match) return undefined;
  const place = match[1]!.trim();
  const placeName = place
    .toLowerCase()
    .split(/([ -])/)
    .map((part) => (part.length > 1 ? part[0]!.toUpperCase() + part.slice(1) : part))
    .join('');
  const credit = match[2]!.trim();
  return { place, placeName, credit: { publisher: credit, quote: `(${credit})` }, storyStart: match[0].length };
}

const WEEKDAYS = new Set(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const MONTHS = 'janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december';
const DATE = new RegExp(`\\b(?:\\d{1,2}(?:er)? )?(?:${MONTHS}) \\d{4}\\b|\\b(?:en|in) \\d{4}\\b`);

/** The time a sentence gives, in its own words ("mardi", "en juillet 2023"), if it gives one. */
export function whenIn(quote: string): string | undefined {
  const words = quote.match(/[\p{L}]+/gu) ?? [];
  const weekday = words.find((word) => WEEKDAYS.has(fold(word)));
  if (weekday) return weekday;
  // Matched on the folded text, then taken back from the quote at the same place (folding keeps lengths for Latin text).
  const folded = fold(quote);
  const match = folded.length === quote.length ? DATE.exec(folded) : null;
  return match ? quote.slice(match.index, match.index + match[0].length) : undefined;
}

/** Units as articles write them, and as the schema's `unit` says them. */
const UNITS: readonly [RegExp, string][] = [
  [/^(?:milliards?|millions?) d['’]euros\b/u, 'euros'],
  [/^(?:euros?|€)/u, 'euros'],
  [/^(?:milliards?|millions?) de dollars\b/u, 'dollars'],
  [/^(?:dollars?|\$)/u, 'dollars'],
  [/^(?:km|kilom[eè]tres?|kilometres?)\b/u, 'km'],
  [/^(?:m|m[eè]tres?|metres?|meters?)\b/u, 'm'],
  [/^(?:tonnes?|tons?)\b/u, 'tonnes'],
  [/^(?:%|pour ?cent|per ?cent)/u, '%'],
  [/^(?:ans|années|years)\b/u, 'years'],
];
const QUALIFIERS: readonly [string, 'about' | 'at least' | 'more than' | 'at most' | 'less than'][] = [
  ['environ', 'about'], ['pres de', 'about'], ['quelque', 'about'], ['about', 'about'], ['around', 'about'], ['nearly', 'about'], ['some', 'about'],
  ['au moins', 'at least'], ['at least', 'at least'], ['plus de', 'more than'], ['more than', 'more than'], ['over', 'more than'],
  ['au plus', 'at most'], ['at most', 'at most'], ['moins de', 'less than'], ['less than', 'less than'],
];

export interface DraftFigure {
  value: string;
  unit?: string;
  /** The words after the number, as the article writes them: what it counts, for the editor to confirm. */
  counted?: string;
  qualifier?: (typeof QUALIFIERS)[number][1];
}

/**
 * The figure of a sentence: the first number that is neither part of a name ("Ariane 6") nor a time ("16H00"), with
 * its unit, the words it counts and how exact the article says it is.
 */
export function figureIn(quote: string): DraftFigure | undefined {
  for (const match of quote.matchAll(/\d[\d'’.,\u00a0\u202f]*\d|\d/gu)) {
    const at = match.index;
    const before = quote.slice(Math.max(0, at - 20), at);
    const after = quote.slice(at + match[0].length);
    // Part of a name ("Ariane 6", "P120C", "CSO-3"), a time ("16H00"), or a year with no unit ("en 2025": a date).
    if (/\p{Lu}[\p{L}-]*[ -]$/u.test(before) || /[\p{L}-]$/u.test(before) || /^[hH:]\d/.test(after) || /^-?\p{L}/u.test(after)) continue;
    const rest = after.replace(/^[\s\u00a0\u202f]+/u, '');
    if (/^(?:19|20)\d\d$/.test(match[0]) && !UNITS.some(([pattern]) => pattern.test(rest))) continue;
    const scale = /^(milliards?|millions?|billion|million)\b/u.exec(rest)?.[0];
    const value = scale ? `${match[0]} ${scale}` : match[0];
    const unitText = rest;
    const unit = UNITS.find(([pattern]) => pattern.test(unitText))?.[1];
    const tail = (scale ? rest.slice(scale.length) : rest).replace(/^[\s\u00a0]*(?:d['’]|de |of )?/u, '');
    // What it counts, where no unit says it: "117 lancements", "25'000 civils".
    const counted = unit ? undefined : /^[\p{L}'’-]+/u.exec(tail)?.[0];
    const foldedBefore = fold(before).replace(/['’]/g, ' ');
    const qualifier = QUALIFIERS.find(([words]) => foldedBefore.trimEnd().endsWith(words) || foldedBefore.trimEnd().endsWith(`${words} d`))?.[1];
    return { value, ...(unit ? { unit } : {}), ...(counted ? { counted } : {}), ...(qualifier ? { qualifier } : {}) };
  }
  return undefined;
}

/** Verbs and phrases that attribute words to someone: "a déclaré", "a lancé" (said), "selon", "said", "according to". */
const ATTRIBUTIONS = /(?<![\p{L}])(?:(?:a|ont|avait|avaient) (?:déclaré|indiqué|expliqué|lancé|affirmé|annoncé|souligné|estimé|ajouté|assuré|précisé|dit|confié|rappelé|jugé|résumé)|selon|d['’]après|said|says|told|announced|added|explained|according to)(?![\p{L}])/iu;

/** Whether the sentence attributes what it says, and where the attribution starts (the speaker is named after it). */
export function attributionIn(quote: string): number | undefined {
  const match = ATTRIBUTIONS.exec(quote);
  return match?.index;
}

/** Words before a name that say what kind of thing it is: a rocket, an engine, a satellite… */
const OBJECT_CUES = new Set([
  'fusee', 'lanceur', 'moteur', 'satellite', 'satellites', 'telescope', 'capsule', 'sonde', 'version', 'constellation', 'navire', 'avion', 'vaisseau', 'loi', 'batiment', 'cathedrale', 'tableau',
  'rocket', 'launcher', 'engine', 'probe', 'spacecraft', 'ship', 'aircraft', 'law', 'building', 'painting', 'statue',
]);

/** Titles before a person's name: "le PDG d'ArianeGroup, Martin Sion", "le directeur général de l'ESA, Josef Aschbacher". */
const PERSON_CUES = new Set(['pdg', 'ceo', 'directeur', 'directrice', 'president', 'presidente', 'ministre', 'minister', 'porte', 'spokesman', 'spokeswoman', 'chef', 'cheffe', 'secretaire', 'secretary', 'patron', 'patronne', 'astronaute', 'astronaut']);

/**
 * "la fusée européenne Ariane 6", "the rocket Ariane 6": an object; "le PDG d'Arianespace, Stéphane Israël": a person
 * (a name of two or more capitalised words, after a title). Undefined when the words around say nothing.
 */
export function kindCue(sentence: string, name: string): 'object' | 'person' | undefined {
  const at = sentence.indexOf(name);
  if (at < 0) return undefined;
  const before = fold(sentence.slice(Math.max(0, at - 80), at)).split(/[^a-z]+/).filter(Boolean);
  if (before.slice(-3).some((word) => OBJECT_CUES.has(word))) return 'object';
  const personShaped = /^\p{Lu}[\p{Ll}\p{M}'’-]+(?: \p{Lu}[\p{Ll}\p{M}'’-]+)+$/u.test(name);
  return personShaped && before.slice(-10).some((word) => PERSON_CUES.has(word)) ? 'person' : undefined;
}
