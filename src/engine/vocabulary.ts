import Fuse from 'fuse.js';
import type { Lang } from '../shared/types.ts';
import type { Article } from '../knowledge/types.ts';
import { commonWords } from './common-words.ts';
import { ATTRIBUTES, attributeConcept } from './focus.ts';
import { GENERAL_SYNONYMS } from './general-lexicon.ts';
import {
  DETAIL_CONCEPT, IDIOMS, NAME_CONCEPT, NAME_WORDS, DETAIL_WORDS, FILLER, FOLLOW_UP_OPENINGS, GREETINGS, PRONOUNS, QUESTION_TYPE_PHRASES, SHORTHAND, SUMMARY_CUES, SUMMARY_WORDS,
} from './lexicon.ts';
import { allowedTypos, editDistance } from './edit-distance.ts';
import { fold, stem, tokenize } from './normalize.ts';

/** One word or phrase of a text, with what it may mean. `concepts` is empty for an unknown word. */
export interface Term {
  text: string;
  concepts: readonly string[];
  /** Concepts it touches in passing ("russe" in "chef de la diplomatie russe"): a match on them counts half. */
  secondary: readonly string[];
  /** The concepts of the actors it names, when it names one (in passing too). */
  actors: readonly string[];
  /** Read through a typo repair ("resto" → "reste"): a match on it is less sure. */
  mended: boolean;
  /** Counts only where an entry holds it: the slot of the answer ("which city"), not its topic. */
  optional?: boolean;
}

interface Phrase {
  tokens: string[];
  concepts: string[];
}

const MIN_FUZZY_LENGTH = 4;
const MAX_FUZZY_LENGTH = 30;

/**
 * Everything the engine can recognise in a question: the article's synonyms and actor names (as
 * concepts), the words of its texts, and the generic lexicon. Built once per knowledge.
 */
export class Vocabulary {
  /** Multi-word names and synonyms, by their first (stemmed) token, longest first. */
  private readonly phrases = new Map<string, Phrase[]>();
  /**
   * Words that mean something only as written (plural s aside): what a question asks for ("cost", "born",
   * "exactly"). Stemmed, they would meet unrelated words ("plane" and "planned" share a stem).
   */
  private readonly literal = new Map<string, string[]>();
  /** Names that are function words ("US", "UN"), by their folded word: they name someone only in capitals. */
  private readonly shoutedNames = new Map<string, string[]>();
  /** Single words with a meaning given by the knowledge (synonym groups, actor names). */
  private readonly exact = new Map<string, string[]>();
  /** Synonym entries written with a trailing `*`. */
  private readonly prefixes = new Map<string, string[]>();
  private longestPrefix = 0;
  /** Words of the article's texts that are neither filler nor in a synonym group. */
  private readonly textWords = new Set<string>();
  /** Every word that needs no correction. */
  private readonly known = new Set<string>();
  private readonly corrections = new Map<string, string | null>();
  private readonly fuzzyByLength = new Map<number, Fuse<string>>();
  private words: string[] = [];
  private shortWords?: string[];

  constructor(articles: readonly Article[], texts: (article: Article) => string[]) {
    // A word that carries no topic in questions ("held", "report") stays one, whatever a general group says.
    GENERAL_SYNONYMS.forEach((group, i) => {
      for (const entry of group) if (!FILLER.has(fold(entry))) this.addEntry(entry, [`gen:${i}`]);
    });
    for (const [name, entries] of Object.entries(ATTRIBUTES)) for (const entry of entries) this.addLiteral(entry, [attributeConcept(name)]);
    for (const word of DETAIL_WORDS) this.addLiteral(word, [DETAIL_CONCEPT]);
    for (const word of NAME_WORDS) this.addLiteral(word, [NAME_CONCEPT]);
    for (const article of articles) {
      article.synonyms.forEach((group, i) => {
        for (const entry of group) this.addEntry(entry, [`syn:${article.id}:${i}`]);
      });
      for (const actor of article.actors) {
        const concept = actorConcept(article.id, actor.id);
        // A name that is a function word ("UN" is French "un", "US" is "us", "l'Est" is "est") would take over
        // every question that uses the word: only its longer names ("l'ONU", "United States") are kept.
        // Written in capitals ("the US", "l'UE"), such a name is still meant.
        for (const name of actor.names) {
          if (isFunctionWordName(name)) merge(this.shoutedNames, tokenize(name)[0]!, [concept]);
          else this.addEntry(name, [concept]);
          // "les trois pays" is also "des trois pays", "ces trois pays": the name without its article.
          const bare = withoutArticle(name);
          if (bare && !isFunctionWordName(bare)) this.addEntry(bare, [concept]);
        }
      }
    }
    this.addDistinctiveNameTokens(articles);
    for (const article of articles) {
      for (const text of texts(article)) {
        const tokens = tokenize(text);
        for (const token of tokens) this.known.add(token);
        for (const token of withoutQuestionPhrases(tokens)) {
          const word = stem(token);
          if (!this.exact.has(word) && !isMarker(token)) this.textWords.add(word);
        }
      }
    }
    for (const list of this.phrases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    for (const set of [FILLER, GREETINGS, SUMMARY_WORDS, SUMMARY_CUES, PRONOUNS]) for (const word of set) this.known.add(word);
    for (const [phrase] of QUESTION_TYPE_PHRASES) for (const word of phrase.split(' ')) this.known.add(word);
    for (const phrase of FOLLOW_UP_OPENINGS) for (const word of phrase) this.known.add(word);
    for (const word of this.exact.keys()) this.known.add(word);
    for (const word of this.textWords) this.known.add(word);
    // Typos are mended into words of the articles and of the language, never into what a question asks for: "wich"
    // must not become "rich" (a question about wealth).
    this.words = [...this.known].filter((word) => word.length >= MIN_FUZZY_LENGTH - 1 && !/^\d+$/.test(word) && !this.literal.has(word));
  }

  /**
   * The words of a text, typos mended, shorthand expanded. `lang` is the text's likely language:
   * a common word of it is never taken for a typo.
   */
  normalizeWords(text: string, lang?: Lang): string[] {
    return this.mend(text, lang).words;
  }

  /** Tokens with chat shorthand expanded ("thx" → "thanks", "ki" → "qui"), nothing mended. */
  expand(tokens: readonly string[]): string[] {
    return tokens.map((token) => SHORTHAND.get(token) ?? token);
  }

  /** normalizeWords, and which of the words are typo repairs (less sure than the words as typed). */
  mend(text: string, lang?: Lang): { words: string[]; mended: ReadonlySet<string> } {
    const tokens = tokenize(text);
    for (let i = tokens.length - 2; i >= 0; i -= 1) {
      const idiom = IDIOMS.get(`${tokens[i]} ${tokens[i + 1]}`);
      if (idiom) tokens.splice(i, 2, idiom);
    }
    const mended = new Set<string>();
    const words = tokens.map((token) => {
      const expanded = SHORTHAND.get(token) ?? token;
      if (this.isKnown(expanded) || (lang && commonWords(lang).has(expanded))) return expanded;
      const corrected = this.correct(expanded);
      if (corrected === undefined) return expanded;
      mended.add(corrected);
      return corrected;
    });
    return { words, mended };
  }

  /** Splits words into terms: phrases first (longest match), then single words. Markers are dropped. */
  terms(allWords: readonly string[], mended: ReadonlySet<string> = new Set(), shouted: ReadonlySet<string> = new Set()): Term[] {
    const terms: Term[] = [];
    const words = withoutQuestionPhrases(allWords);
    for (let i = 0; i < words.length; ) {
      const phrase = this.matchPhrase(words, i);
      if (phrase) {
        // "Syrian president" is Assad, and it is about Syria too: a phrase also names the actors its words name.
        const named = phrase.tokens.flatMap((token) => (this.exact.get(token) ?? []).filter(isActorConcept));
        const secondary = [...new Set(named)].filter((concept) => !phrase.concepts.includes(concept));
        const phraseWords = words.slice(i, i + phrase.tokens.length);
        terms.push({
          text: phraseWords.join(' '),
          concepts: phrase.concepts,
          secondary,
          actors: [...phrase.concepts, ...secondary].filter(isActorConcept),
          mended: phraseWords.some((word) => mended.has(word)),
        });
        i += phrase.tokens.length;
        continue;
      }
      const word = words[i]!;
      i += 1;
      const concepts = (shouted.has(word) && this.shoutedNames.get(word)) || this.conceptsOf(word);
      if (concepts === 'marker') continue;
      terms.push({ text: word, concepts, secondary: [], actors: concepts.filter(isActorConcept), mended: mended.has(word) });
    }
    return terms;
  }

  /** True when a word needs no correction. */
  isKnown(word: string): boolean {
    return this.known.has(word) || this.literal.has(word) || this.known.has(stem(word)) || this.prefixOf(stem(word)) !== undefined;
  }

  private conceptsOf(word: string): string[] | 'marker' {
    const literal = this.literal.get(word);
    if (literal) return literal;
    const stemmed = stem(word);
    const exact = this.exact.get(stemmed);
    if (exact) return exact;
    const prefixed = this.prefixOf(stemmed);
    if (prefixed) return prefixed;
    if (isMarker(word)) return 'marker';
    if (this.textWords.has(stemmed)) return [`w:${stemmed}`];
    return [];
  }

  private matchPhrase(words: readonly string[], at: number): Phrase | undefined {
    const candidates = this.phrases.get(stem(words[at]!));
    return candidates?.find((phrase) => phrase.tokens.every((token, k) => words[at + k] !== undefined && stem(words[at + k]!) === token));
  }

  private prefixOf(word: string): string[] | undefined {
    for (let length = Math.min(word.length, this.longestPrefix); length >= 3; length -= 1) {
      const concepts = this.prefixes.get(word.slice(0, length));
      if (concepts) return concepts;
    }
    return undefined;
  }

  /** fuse.js over the words of similar length; only words of 4 letters or more are mended. */
  private correct(word: string): string | undefined {
    // No word of either language is this long: a 20,000-letter "word" is not worth a fuzzy search.
    if (word.length < MIN_FUZZY_LENGTH - 1 || word.length > MAX_FUZZY_LENGTH || /\d/.test(word)) return undefined;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached ?? undefined;
    if (word.length < MIN_FUZZY_LENGTH) return this.correctShort(word);
    const max = allowedTypos(word.length);
    const best = this.fuzzyFor(word.length)
      .search(word, { limit: 8 })
      .map((result) => ({ word: result.item, distance: editDistance(word, result.item, max), score: result.score ?? 1 }))
      .filter((candidate) => candidate.distance <= max)
      .sort((a, b) => a.distance - b.distance || a.score - b.score)[0];
    const corrected = best?.word;
    // Bounded: a flood of random words must not grow the cache without end.
    if (this.corrections.size > 20_000) this.corrections.clear();
    this.corrections.set(word, corrected ?? null);
    return corrected;
  }

  /** A three-letter word is mended only when one known word alone is a typo away ("sya" → "say"). */
  private correctShort(word: string): string | undefined {
    this.shortWords ??= this.words.filter((known) => known.length <= 4);
    const close = this.shortWords.filter((known) => editDistance(word, known, 1) <= 1);
    // Two letters swapped is the likeliest slip of the fingers: such a candidate wins over the others.
    const letters = (text: string) => [...text].sort().join('');
    const swapped = close.filter((known) => letters(known) === letters(word));
    const corrected = close.length === 1 ? close[0] : swapped.length === 1 ? swapped[0] : undefined;
    this.corrections.set(word, corrected ?? null);
    return corrected;
  }

  private fuzzyFor(length: number): Fuse<string> {
    const key = Math.min(length, 16);
    let fuse = this.fuzzyByLength.get(key);
    if (!fuse) {
      const pool = this.words.filter((word) => Math.abs(word.length - length) <= 2);
      fuse = new Fuse(pool, { includeScore: true, ignoreDiacritics: true, ignoreLocation: true, threshold: 0.4, minMatchCharLength: 2 });
      this.fuzzyByLength.set(key, fuse);
    }
    return fuse;
  }

  private addLiteral(entry: string, concepts: string[]): void {
    const tokens = tokenize(entry);
    // "a raison" tokenizes to "raison" alone, which would then ask for an opinion wherever it is written.
    if (tokens.length !== entry.trim().split(/[\s'-]+/).length) return;
    if (tokens.length !== 1) return this.addEntry(entry, concepts);
    for (const form of [tokens[0]!, `${tokens[0]!}s`]) {
      merge(this.literal, form, concepts);
      this.known.add(form);
    }
  }

  private addEntry(entry: string, concepts: string[]): void {
    const isPrefix = entry.endsWith('*');
    const tokens = tokenize(isPrefix ? entry.slice(0, -1) : entry).map(stem);
    if (tokens.length === 0) return;
    // A phrase that the tokenizer boils down to one word ("a parlé" → "parlé", "U.S. government" → "government")
    // is not that word alone: taken as such it would match everywhere.
    if (tokens.length === 1 && entry.trim().split(/[\s.]+/).filter(Boolean).length > 1) return;
    if (isPrefix && tokens.length === 1) {
      merge(this.prefixes, tokens[0]!, concepts);
      this.longestPrefix = Math.max(this.longestPrefix, tokens[0]!.length);
    } else if (tokens.length === 1) {
      merge(this.exact, tokens[0]!, concepts);
    } else {
      const list = this.phrases.get(tokens[0]!) ?? [];
      const same = list.find((phrase) => phrase.tokens.join(' ') === tokens.join(' '));
      if (same) same.concepts = [...new Set([...same.concepts, ...concepts])];
      else list.push({ tokens, concepts: [...concepts] });
      this.phrases.set(tokens[0]!, list);
    }
    for (const token of tokens) this.known.add(token);
  }

  /** "Erdogan" in "Recep Tayyip Erdogan" names him alone; "président" is shared and names no one. */
  private addDistinctiveNameTokens(articles: readonly Article[]): void {
    const owners = new Map<string, Set<string>>();
    const common = (token: string) => commonWords('en').has(token) || commonWords('fr').has(token);
    for (const article of articles) {
      for (const actor of article.actors) {
        for (const name of actor.names) {
          // "Rouge" in "Croix-Rouge" or "Comité" name no one alone: common words are never a name's part.
          for (const token of tokenize(name).filter((word) => !common(word)).map(stem)) {
            if (!owners.has(token)) owners.set(token, new Set());
            owners.get(token)!.add(actorConcept(article.id, actor.id));
          }
        }
      }
    }
    for (const [token, actors] of owners) {
      if (actors.size === 1 && !this.exact.has(token) && !isMarker(token) && token.length > 2) {
        this.exact.set(token, [...actors]);
      }
    }
  }
}

/** Actor concepts belong to their article: two articles may both have a `russia`. */
export const actorConcept = (article: string, id: string): string => `actor:${article}/${id}`;
export const isActorConcept = (concept: string): boolean => concept.startsWith('actor:');
/** A concept of the general lexicon: a meaning the engine knows whatever the article. */
export const isGeneralConcept = (concept: string): boolean => concept.startsWith('gen:');
/** The article an actor concept belongs to: `actor:<article>/<id>`. */
export const articleOfActor = (concept: string): string => concept.slice('actor:'.length, concept.indexOf('/'));

/** "combien de temps" asks for a duration; its "temps" is no topic ("Quel temps fait-il ?" is about weather). */
const MULTI_WORD_QUESTION_PHRASES = QUESTION_TYPE_PHRASES.map(([phrase]) => phrase.split(' ')).filter((tokens) => tokens.length > 1);

function withoutQuestionPhrases(words: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = MULTI_WORD_QUESTION_PHRASES.find((tokens) => tokens.every((token, k) => words[i + k] === token));
    if (phrase) i += phrase.length;
    else kept.push(words[i++]!);
  }
  return kept;
}

const ARTICLES = new Set(['the', 'le', 'la', 'les', 'des', 'du', 'de', 'l']);

/** The name without a leading article, when it has one and more than one word follows ("les trois pays" → "trois pays"). */
function withoutArticle(name: string): string | undefined {
  const words = name.trim().split(/\s+|(?<=^l')/i);
  if (words.length < 3 || !ARTICLES.has(fold(words[0]!).replace(/'$/, ''))) return undefined;
  return words.slice(1).join(' ');
}

/** "UN" (French "un"), "US" ("us"), "EU" ("eu"), "l'Est" ("est"): a one-word name that is a function word. */
function isFunctionWordName(name: string): boolean {
  const tokens = tokenize(name);
  return tokens.length === 1 && FILLER.has(tokens[0]!);
}

function isMarker(word: string): boolean {
  return FILLER.has(word) || GREETINGS.has(word) || SUMMARY_WORDS.has(word) || PRONOUNS.has(word);
}

function merge(map: Map<string, string[]>, key: string, concepts: string[]): void {
  map.set(key, [...new Set([...(map.get(key) ?? []), ...concepts])]);
}

