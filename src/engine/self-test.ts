import type { ActorEntry, Article } from '../knowledge/types.ts';
import type { Lang } from '../shared/types.ts';

export interface HardNegative {
  lang: Lang;
  question: string;
  /** What it asks, for reports: "age", "population"… */
  asks: string;
}

type Template = { asks: string; en: (name: string) => string; fr: (name: string) => string };

/**
 * Questions that name what the article names but ask what it cannot answer, made from the kinds of its actors:
 * the classic false positive of question answering (the name matches, the question does not). Every loaded
 * article must refuse all of them, alone and right after a question it does answer.
 */
const BY_KIND: Partial<Record<ActorEntry['kind'], Template[]>> = {
  person: [
    { asks: 'age', en: (n) => `How old is ${n}?`, fr: (n) => `Quel âge a ${n} ?` },
    { asks: 'birth', en: (n) => `When was ${n} born?`, fr: (n) => `Où est né ${n} ?` },
    { asks: 'height', en: (n) => `How tall is ${n}?`, fr: (n) => `Combien mesure ${n} ?` },
    { asks: 'family', en: (n) => `Who is ${n}'s wife?`, fr: (n) => `${n} a-t-il des enfants ?` },
  ],
  country: [
    { asks: 'economy', en: (n) => `What is the GDP of ${n}?`, fr: (n) => `Quel est le PIB de ${n} ?` },
    { asks: 'currency', en: (n) => `What currency does ${n} use?`, fr: (n) => `Quelle est la monnaie de ${n} ?` },
    { asks: 'population', en: (n) => `What is the population of ${n}?`, fr: (n) => `Combien d'habitants compte ${n} ?` },
  ],
  place: [
    { asks: 'population', en: (n) => `How many inhabitants does ${n} have?`, fr: (n) => `Quelle est la population de ${n} ?` },
    { asks: 'weather', en: (n) => `What's the weather like in ${n}?`, fr: (n) => `Quel temps fait-il à ${n} ?` },
    { asks: 'price', en: (n) => `How much does a coffee cost in ${n}?`, fr: (n) => `Combien coûte un café à ${n} ?` },
  ],
  organisation: [{ asks: 'contact', en: (n) => `What is the phone number of ${n}?`, fr: (n) => `Quelle est l'adresse de ${n} ?` }],
  // A thing's height, cost or weight may well be in its article: what no article of the day can say is what came after.
  object: [
    { asks: 'later', en: (n) => `What is the latest news about ${n}?`, fr: (n) => `Quelles sont les dernières nouvelles de ${n} ?` },
    { asks: 'opinion', en: (n) => `Do you think ${n} is a good idea?`, fr: (n) => `Tu penses que ${n} est une bonne idée ?` },
  ],
};

const ALWAYS: HardNegative[] = [
  { lang: 'en', question: 'Tell me a joke', asks: 'humour' },
  { lang: 'fr', question: 'Raconte-moi une blague', asks: 'humour' },
  { lang: 'en', question: 'What is the price of a barrel of oil?', asks: 'price' },
  { lang: 'fr', question: "Quel est le prix de l'essence ?", asks: 'price' },
];

export function hardNegatives(article: Article): HardNegative[] {
  const questions: HardNegative[] = [...ALWAYS];
  for (const actor of article.actors) {
    const name = displayName(actor);
    for (const template of BY_KIND[actor.kind] ?? []) {
      questions.push({ lang: 'en', question: template.en(name), asks: template.asks }, { lang: 'fr', question: template.fr(name), asks: template.asks });
    }
  }
  const places = article.actors.filter((actor) => actor.kind === 'place' || actor.kind === 'country').map(displayName);
  if (places.length >= 2) {
    const [a, b] = places as [string, string];
    questions.push(
      { lang: 'en', question: `How far is ${a} from ${b}?`, asks: 'distance' },
      { lang: 'fr', question: `Quelle distance sépare ${a} de ${b} ?`, asks: 'distance' },
      { lang: 'en', question: `How long is the flight from ${a} to ${b}?`, asks: 'travel' },
    );
  }
  return questions;
}

/** The name a reader would use: the first name of one or two words (not a description like "les trois pays"). */
function displayName(actor: ActorEntry): string {
  return actor.names.find((name) => /^\p{Lu}/u.test(name) && name.split(/\s+/).length <= 3) ?? actor.names[0]!;
}
