/**
 * What a question asks for, read with general patterns of English and French (no article's words):
 * - the attribute it asks about (age, population, weather…): an entry answers only if it states that attribute,
 *   so "How many inhabitants does Aleppo have?" is not answered with the people who left Aleppo;
 * - the kind of answer it wants ("which countries" wants countries);
 * - whether it is broad ("what did the three countries commit to?"), so that several entries may answer together;
 * - small talk ("ok", "thanks", "who are you?"), which is never answered with a fact.
 * Every entry is folded (lower case, no accents), as the tokenizer produces words.
 */
import type { QuestionType } from '../knowledge/types.ts';
import type { SmallTalk } from './types.ts';

/** Attribute → the words and phrases that ask for it. Units that state an attribute count ("96 metres" states a height). */
export const ATTRIBUTES: Record<string, readonly string[]> = {
  age: ['age', 'ages', 'aged', 'how old', 'quel age', 'birthday', 'anniversaire', 'birth', 'born', 'naissance', 'est ne', 'est nee', 'sont nes', 'date de naissance', 'birthplace'],
  population: ['population', 'populations', 'inhabitants', 'inhabitant', 'habitants', 'habitant', 'residents', 'resident', 'reside', 'resides', 'populated', 'peuplee', 'vivent a', 'habitent', 'live in', 'lives in', 'living in'],
  economy: ['gdp', 'pib', 'economy', 'economie', 'gross domestic', 'inflation', 'unemployment', 'chomage', 'stock market', 'bourse', 'exports', 'exportations'],
  weather: ['weather', 'meteo', 'temperature', 'temperatures', 'forecast', 'raining', 'pleut', 'snowing', 'neige', 'sunny', 'ensoleille', 'climate', 'climat', 'quel temps', 'temps fait il', 'temps qu il fait'],
  distance: ['distance', 'how far', 'far from', 'loin', 'kilometres', 'kilometers', 'km', 'miles', 'eloigne', 'eloignee'],
  price: ['price', 'prices', 'prix', 'cost', 'costs', 'costed', 'coute', 'coutent', 'coutera', 'cout', 'couts', 'expensive', 'cheap', 'cher', 'chere', 'tarif', 'tarifs', 'spent', 'spend', 'depense', 'depenses'],
  height: ['tall', 'height', 'taille', 'hauteur', 'how high', 'metres', 'meters', 'metre', 'meter', 'mesure'],
  weight: ['weigh', 'weighs', 'weight', 'pese', 'poids', 'kilos', 'kg'],
  currency: ['currency', 'currencies', 'monnaie', 'devise', 'devises'],
  capital: ['capital', 'capitale', 'capitals'],
  language: ['language', 'languages', 'langue', 'langues', 'spoken'],
  religion: ['religion', 'religions', 'faith'],
  family: ['wife', 'husband', 'married', 'spouse', 'children', 'kids', 'epouse', 'mari', 'marie a', 'enfants', 'femme de', 'girlfriend', 'boyfriend', 'parents'],
  wealth: ['salary', 'salaire', 'net worth', 'fortune', 'rich', 'riche', 'earns', 'earn', 'gagne'],
  contact: ['phone', 'telephone', 'address', 'adresse de', 'adresse du', 'adresse postale', 'email', 'e mail', 'courriel'],
  travel: ['flight', 'flights', 'fly', 'plane', 'avion', 'vol', 'vols', 'train', 'drive', 'driving', 'trajet', 'en voiture', 'by car'],
  humour: ['joke', 'jokes', 'funny', 'blague', 'blagues', 'drole', 'humour', 'humor', 'laugh', 'rire'],
  food: ['recipe', 'recette', 'cook', 'cuisiner', 'eat', 'ate', 'manger', 'mange', 'food', 'nourriture', 'dinner', 'diner', 'lunch', 'dejeuner', 'breakfast', 'restaurant', 'resto', 'kebab', 'cafe', 'bar', 'hotel', 'hotels', 'menu'],
  // Judgements the article leaves to its readers: "should the West arm the rebels?", "a-t-elle raison ?".
  opinion: ['opinion', 'avis', 'you think', 'tu penses', 'vous pensez', 'penses tu', 'pensez vous', 'your view', 'ton avis', 'votre avis', 'favourite', 'favorite', 'prefere', 'right to', 'wrong to', 'as raison', 'ont raison', 'avez raison', 'elle raison', 'il raison', 'ils raison', 'avoir raison', 'tort de', 'faudrait', 'devrait', 'devraient', 'good idea', 'bonne idee'],
  sport: ['football', 'soccer', 'score', 'won the match', 'champion', 'championship', 'championnat', 'league', 'ligue'],
  area: ['area', 'superficie', 'square kilometres', 'square miles', 'km2'],
  // A time after the article ("the latest", "today", "in the following years"): no entry can state it.
  later: ['latest', 'newest', 'update', 'updates', 'today', 'tonight', 'tomorrow', 'currently', 'nowadays', 'recently', 'afterwards', 'eventually', 'subsequently', 'following years', 'since then', 'aujourdhui', 'actuellement', 'demain', 'recemment', 'depuis lors', 'dernieres nouvelles', 'annees suivantes', 'finalement', 'ulterieurement'],
};

/** A question that opens with these asks for advice or a judgement: "Should the West arm the rebels?". */
export const OPINION_OPENINGS = new Set(['should', 'shall', 'ought', 'faut', 'faudrait', 'devrait', 'devraient']);
/**
 * Judgements asked in a sentence's shape rather than its words, on the folded text: "la Russie a-t-elle raison",
 * "a raison de", "was Turkey right to" ("a" alone is no word for the tokenizer).
 */
export const OPINION_PATTERN =
  /\b(?:a|as|ont|avez|avons|avoir|aurait|auraient|avait|avaient)(?:-t-(?:il|elle|ils|elles|on))?\s+(?:eu\s+)?(?:raison|tort)\b|\b(?:is|are|was|were)\s+(?:\w+\s+){0,3}(?:right|wrong)\s+to\b/;

export const attributeConcept = (name: string): string => `attr:${name}`;
export const isAttributeConcept = (concept: string): boolean => concept.startsWith('attr:');

/** "which countries" wants countries: the kind of actor an answer must name. */
export type AnswerKind = 'country' | 'person' | 'organisation';
export const ANSWER_KINDS: Record<AnswerKind, readonly string[]> = {
  country: ['countries', 'country', 'pays', 'etats', 'etat', 'states', 'nations', 'nation', 'governments', 'gouvernements', 'puissances', 'powers'],
  person: ['people', 'person', 'persons', 'personnes', 'personne', 'leaders', 'leader', 'dirigeants', 'dirigeant', 'officials', 'responsables'],
  organisation: ['organisation', 'organisations', 'organization', 'organizations', 'organisme', 'organismes', 'groups', 'groupes', 'agency', 'agencies'],
};
/**
 * Words that name the slot of the answer, not the topic: "in which city", "quel jour", "which country". After a
 * "which" word (or alone, for venue words) they say what kind of answer is wanted and are no topic to cover.
 */
export const ANSWER_SLOTS: Record<string, { type?: QuestionType; kind?: AnswerKind }> = {
  ...Object.fromEntries(['city', 'cities', 'town', 'place', 'location', 'venue', 'site', 'ville', 'villes', 'endroit', 'localite'].map((w) => [w, { type: 'where' as const }])),
  ...Object.fromEntries(['day', 'date', 'year', 'month', 'jour', 'annee', 'mois', 'moment'].map((w) => [w, { type: 'when' as const }])),
  ...Object.fromEntries(['person', 'man', 'woman', 'official', 'personne', 'homme', 'femme', 'responsable'].map((w) => [w, { type: 'who' as const, kind: 'person' as const }])),
  ...Object.fromEntries(['party', 'parties', 'group', 'groups', 'organisation', 'organization', 'agency'].map((w) => [w, { type: 'who' as const, kind: 'organisation' as const }])),
  ...Object.fromEntries(['country', 'countries', 'nation', 'nations', 'state', 'states', 'pays', 'etat', 'etats', 'puissance', 'puissances'].map((w) => [w, { kind: 'country' as const }])),
};
/** Slot words that ask "where" wherever they stand: "the venue of the talks". */
export const PLACE_SLOTS = new Set(['venue', 'location', 'whereabouts']);

/** The words that ask "which …": "which countries", "quels pays", "what nations". */
export const WHICH_WORDS = new Set(['which', 'what', 'quel', 'quels', 'quelle', 'quelles', 'lesquels', 'lesquelles']);

/** Words that ask for several things at once: "what promises…", "les réactions…". */
export const BROAD_WORDS = new Set([
  'promises', 'commitments', 'pledges', 'reactions', 'responses', 'agreements', 'decisions', 'measures', 'statements', 'steps', 'points',
  'promesses', 'engagements', 'reactions', 'accords', 'decisions', 'mesures', 'declarations', 'everything', 'all', 'tout', 'tous',
  'main', 'principaux', 'principales', 'key', 'cles',
]);

/** Small talk, by the whole line's words (after filler words are dropped): never answered with a fact. */
const SMALL_TALK: [SmallTalk, readonly string[]][] = [
  ['greeting', ['hi', 'hello', 'hey', 'heya', 'hiya', 'yo', 'hola', 'bonjour', 'bonsoir', 'salut', 'coucou', 'good morning', 'good evening', 'good afternoon', 'bonne journee', 'bonne soiree', 'morning', 'evening']],
  ['thanks', ['thanks', 'thank you', 'thank', 'thx', 'ty', 'merci', 'merci beaucoup', 'cheers', 'great thanks', 'super merci', 'many thanks']],
  ['bye', ['bye', 'goodbye', 'good bye', 'see you', 'au revoir', 'a plus', 'ciao', 'adieu', 'bye bye', 'a bientot']],
  ['ack', ['ok', 'okay', 'okey', 'k', 'kk', 'cool', 'nice', 'great', 'good', 'fine', 'alright', 'all right', 'got it', 'i see', 'understood', 'sure', 'yes', 'no', 'yeah', 'yep', 'nope', 'oui', 'non', 'd accord', 'daccord', 'dac', 'entendu', 'compris', 'super', 'parfait', 'top', 'genial', 'bien', 'tres bien', 'ah', 'oh', 'hmm', 'hm', 'lol', 'wow', 'interesting', 'interessant', 'noted', 'note']],
  ['identity', ['who are you', 'what are you', 'what can you do', 'what do you do', 'what can i ask', 'help', 'aide', 'qui es tu', 'qui etes vous', 't es qui', 'tu es qui', 'vous etes qui', 'que sais tu faire', 'que peux tu faire', 'que pouvez vous faire', 'tu fais quoi', 'what is depeche', 'what are you for', 'how do you work', 'comment tu marches', 'comment ca marche', 'how does this work', 'are you a bot', 'es tu un robot', 't es un bot']],
];

const SMALL_TALK_LINES = new Map<string, SmallTalk>();
for (const [act, lines] of SMALL_TALK) for (const line of lines) SMALL_TALK_LINES.set(line, act);

/**
 * The small talk a line is, if it is nothing else: the folded words of the whole line must be one of the known
 * lines, possibly joined ("ok thanks"), with politeness around them ("thanks a lot", "hello there").
 * A line with no word at all ("?", an emoji) is `empty`.
 */
export function smallTalkOf(words: readonly string[]): SmallTalk | undefined {
  if (words.length === 0) return 'empty';
  const acts: SmallTalk[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let length = Math.min(5, words.length - i); length >= 1; length -= 1) {
      const act = SMALL_TALK_LINES.get(words.slice(i, i + length).join(' '));
      if (act) {
        acts.push(act);
        matched = length;
        break;
      }
    }
    if (!matched) {
      // Politeness around small talk ("ok thanks a lot", "merci bien") does not make it a question.
      if (POLITE.has(words[i]!)) {
        i += 1;
        continue;
      }
      return undefined;
    }
    i += matched;
  }
  if (acts.length === 0) return undefined;
  // The most telling act wins: "ok thanks" thanks, "hi, who are you?" asks who Depeche is.
  return ['identity', 'thanks', 'bye', 'greeting', 'ack'].find((act) => acts.includes(act as SmallTalk)) as SmallTalk;
}

const POLITE = new Set(['a', 'lot', 'so', 'much', 'very', 'beaucoup', 'bien', 'you', 'there', 'again', 'encore', 'the', 'bot', 'depeche', 'please', 'pls', 'stp', 'svp', 'me', 'moi', 'toi', 'vous']);
