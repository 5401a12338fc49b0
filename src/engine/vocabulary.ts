import Fuse from 'fuse.js';
import type { Article } from '../knowledge/types.ts';
import type { Lang } from '../shared/types.ts';
import { commonWords } from './common-words.ts';
import type { ConceptId, Concepts } from './concepts.ts';
import { allowedTypos, editDistance } from './edit-distance.ts';
import { GENERAL_SYNONYMS } from './general-lexicon.ts';
import { fold, stem, tokenize } from './normalize.ts';
import {
  ATTRIBUTE_PHRASES, CHAT_FILLER, CHOSEN_FUNCTION_WORDS, DETAIL_WORDS, FUNCTION_WORDS, IDIOMS, MULTI_WORD_QUESTION_PHRASES, NAME_WORDS, PHRASE_TABLES, POLITE,
  PRONOUNS, SHORTHAND, SMALL_TALK_WORDS, SUMMARY_CUES, SUMMARY_WORDS,
} from './words/index.ts';

/** One word or phrase of a text, with what it may mean. `concepts` is empty for an unknown word. */
export interface Term {
  text: string;
  /** Its meanings in every article; an article reads only its own and the general ones (see `conceptsIn`). */
  concepts: readonly ConceptId[];
  /** The concept of the word itself when an article's texts use it: what it means where no synonym or name of that article claims it. */
  word?: ConceptId;
  /** Concepts it touches in passing ("russe" in "chef de la diplomatie russe"): a match on them counts half. */
  secondary: readonly ConceptId[];
  /** The actors it names (in passing too). */
  actors: readonly ConceptId[];
  /** Read through a typo repair ("resto" → "reste"): a match on it is less sure. */
  mended: boolean;
  /** Counts only where an entry holds it: the slot of the answer ("which city"), not its topic. */
  optional?: boolean;
  /** After a demonstrative ("this attack", "ce conflit"): the article's own context, when the article knows the word. */
  pointed?: boolean;
  /** An unknown word written as a name ("Disney"): a subject of its own, never a paraphrase. */
  name?: boolean;
}

interface Phrase {
  tokens: string[];
  concepts: ConceptId[];
}

const MIN_FUZZY_LENGTH = 4;
const MAX_FUZZY_LENGTH = 30;
const MAX_CACHED_CORRECTIONS = 20_000;
/** Words that carry nothing the engine looks up, whatever the article: dropped from terms. */
const MARKERS: ReadonlySet<string> = new Set([...FUNCTION_WORDS, ...CHAT_FILLER, ...SUMMARY_WORDS, ...PRONOUNS, ...POLITE, ...SMALL_TALK_WORDS]);
/**
 * Markers chosen for questions and chat ("donne", "lol", "merci"): they stay markers even where a stem of the general
 * lexicon would give them a meaning ("donne" and "dons" share a stem); only an article's own names and synonyms can.
 */
const CHOSEN_MARKERS: ReadonlySet<string> = new Set([...CHOSEN_FUNCTION_WORDS, ...CHAT_FILLER, ...POLITE, ...SMALL_TALK_WORDS]);

/**
 * Everything the engine can recognise in a text: the articles' synonyms and actor names, the words of their texts,
 * the general lexicon, and what questions ask for (attributes, details, names). Built once per knowledge; reading a
 * question is map look-ups, plus fuse.js for a word never seen (its repair cached).
 */
export class Vocabulary {
  /** Multi-word names and synonyms, by their first (stemmed) token, longest first. */
  private readonly phrases = new Map<string, Phrase[]>();
  /**
   * Words that mean something only as written (plural s aside): what a question asks for ("cost", "born",
   * "exactly"). Stemmed, they would meet unrelated words ("plane" and "planned" share a stem).
   */
  private readonly literal = new Map<string, ConceptId[]>();
  /** Names that are function words ("US", "UN"), by their folded word: they name someone only in capitals. */
  private readonly shoutedNames = new Map<string, ConceptId[]>();
  /** Single words with a meaning given by the knowledge or the general lexicon, by stem. */
  private readonly exact = new Map<string, ConceptId[]>();
  /** Synonym entries written with a trailing `*`, by their stemmed prefix. */
  private readonly prefixes = new Map<string, ConceptId[]>();
  private longestPrefix = 0;
  /** The concept of each word (stem) the articles' texts use. */
  private readonly textWords = new Map<string, ConceptId>();
  /** Every word that needs no correction. */
  private readonly known = new Set<string>();
  private readonly corrections = new Map<string, string | null>();
  private readonly fuzzyByLength = new Map<number, Fuse<string>>();
  private readonly mendable: string[];
  private shortWords?: string[];

  constructor(
    articles: readonly Article[],
    private readonly concepts: Concepts,
    texts: (article: Article) => string[],
  ) {
    GENERAL_SYNONYMS.forEach((group, i) => {
      const id = concepts.id({ kind: 'general', group: i });
      // A word that carries no topic in questions ("held", "report") stays one, whatever a general group says.
      for (const entry of group) if (!FUNCTION_WORDS.has(fold(entry))) this.addEntry(entry, [id]);
    });
    for (const [phrase, name] of ATTRIBUTE_PHRASES) this.addLiteral(phrase, concepts.id({ kind: 'attribute', name }));
    for (const word of DETAIL_WORDS) this.addLiteral(word, concepts.id({ kind: 'detail' }));
    for (const word of NAME_WORDS) this.addLiteral(word, concepts.id({ kind: 'name' }));
    for (const article of articles) {
      article.synonyms.forEach((group, i) => {
        const id = concepts.id({ kind: 'synonym', article: article.id, group: i });
        for (const entry of group) this.addEntry(entry, [id]);
      });
      for (const actor of article.actors) {
        const id = concepts.id({ kind: 'actor', article: article.id, actor: actor.id });
        // A name that is a function word ("UN" is French "un", "US" is "us", "l'Est" is "est") would take over
        // every question that uses the word: only its longer names ("l'ONU", "United States") are kept.
        // Written in capitals ("the US", "l'UE"), such a name is still meant.
        for (const name of actor.names) {
          if (isFunctionWordName(name)) merge(this.shoutedNames, tokenize(name)[0]!, [id]);
          else this.addEntry(name, [id]);
          // "les trois pays" is also "des trois pays", "ces trois pays": the name without its article.
          const bare = withoutArticle(name);
          if (bare && !isFunctionWordName(bare)) this.addEntry(bare, [id]);
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
          if (!MARKERS.has(token) && !this.textWords.has(word)) this.textWords.set(word, concepts.id({ kind: 'word', stem: word }));
        }
      }
    }
    for (const list of this.phrases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    for (const word of MARKERS) this.known.add(word);
    // Words of what a question may ask (a role, a view of the article, an instruction) are never typos of an article's words.
    for (const table of PHRASE_TABLES) for (const word of table.words()) this.known.add(word);
    for (const word of [...SUMMARY_CUES, ...this.exact.keys(), ...this.textWords.keys()]) this.known.add(word);
    // Typos are mended into words of the articles and of the language, never into what a question asks for: "wich"
    // must not become "rich" (a question about wealth).
    this.mendable = [...this.known].filter((word) => word.length >= MIN_FUZZY_LENGTH - 1 && !/^\d+$/.test(word) && !this.literal.has(word));
  }

  /**
   * The words of tokens, chat shorthand expanded, idioms joined and typos mended. `lang` is the text's likely language:
   * a common word of it is never taken for a typo. `mended` holds the words that are repairs.
   */
  mend(tokens: readonly string[], lang?: Lang): { words: string[]; mended: ReadonlySet<string> } {
    const joined = [...tokens];
    for (let i = joined.length - 2; i >= 0; i -= 1) {
      const idiom = IDIOMS.get(`${joined[i]} ${joined[i + 1]}`);
      if (idiom) joined.splice(i, 2, idiom);
    }
    const mended = new Set<string>();
    const words = joined.map((token) => {
      const expanded = SHORTHAND.get(token) ?? token;
      if (this.isKnown(expanded) || (lang && commonWords(lang).has(expanded))) return expanded;
      const corrected = this.correct(expanded);
      if (corrected === undefined) return expanded;
      mended.add(corrected);
      return corrected;
    });
    return { words, mended };
  }

  /** The words of a text, mended: for the texts of the knowledge itself. */
  wordsOf(text: string, lang?: Lang): string[] {
    return this.mend(tokenize(text), lang).words;
  }

  /** Splits words into terms: phrases first (longest match), then single words. Markers are dropped. */
  terms(allWords: readonly string[], mended: ReadonlySet<string> = EMPTY, shouted: ReadonlySet<string> = EMPTY): Term[] {
    const terms: Term[] = [];
    const words = withoutQuestionPhrases(allWords);
    for (let i = 0; i < words.length; ) {
      const phrase = this.matchPhrase(words, i);
      if (phrase) {
        // "Syrian president" is Assad, and it is about Syria too: a phrase also names the actors its words name.
        const named = new Set<ConceptId>();
        for (const token of phrase.tokens) for (const id of this.exact.get(token) ?? []) if (this.concepts.is(id, 'actor') && !phrase.concepts.includes(id)) named.add(id);
        const secondary = [...named];
        const phraseWords = words.slice(i, i + phrase.tokens.length);
        terms.push({
          text: phraseWords.join(' '),
          concepts: phrase.concepts,
          secondary,
          actors: [...phrase.concepts, ...secondary].filter((id) => this.concepts.is(id, 'actor')),
          mended: phraseWords.some((word) => mended.has(word)),
        });
        i += phrase.tokens.length;
        continue;
      }
      const word = words[i]!;
      i += 1;
      const stemmed = stem(word);
      const meaning = (shouted.has(word) ? this.shoutedNames.get(word) : undefined) ?? this.meaningOf(word, stemmed);
      // A word the knowledge gives a meaning to ("without", "still", "said") keeps it, even a function word.
      if (MARKERS.has(word) && (!meaning || (CHOSEN_MARKERS.has(word) && !meaning.some((id) => this.concepts.articleOf(id) !== undefined)))) continue;
      const own = this.textWords.get(stemmed);
      const concepts = meaning ?? (own === undefined ? NONE : [own]);
      terms.push({
        text: word,
        concepts,
        ...(own !== undefined && !concepts.includes(own) ? { word: own } : {}),
        secondary: [],
        actors: concepts.filter((id) => this.concepts.is(id, 'actor')),
        mended: mended.has(word),
      });
    }
    return terms;
  }

  /**
   * True when a word needs no correction: known as written, or by a stem of four letters or more ("cesez" stems to
   * "ces", a function word: it is a typo of "cessez", not a form of "ces").
   */
  isKnown(word: string): boolean {
    if (this.known.has(word) || this.literal.has(word)) return true;
    const stemmed = stem(word);
    return stemmed.length >= 4 && (this.known.has(stemmed) || this.prefixOf(stemmed) !== undefined);
  }

  /** What the knowledge or the lexicon says a word means: as written, by stem, or by a synonym's prefix. */
  private meaningOf(word: string, stemmed: string): readonly ConceptId[] | undefined {
    return this.literal.get(word) ?? this.exact.get(stemmed) ?? this.prefixOf(stemmed);
  }

  private matchPhrase(words: readonly string[], at: number): Phrase | undefined {
    const candidates = this.phrases.get(stem(words[at]!));
    return candidates?.find((phrase) => phrase.tokens.every((token, k) => words[at + k] !== undefined && stem(words[at + k]!) === token));
  }

  private prefixOf(word: string): ConceptId[] | undefined {
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
    const corrected = word.length < MIN_FUZZY_LENGTH ? this.correctShort(word) : this.correctLong(word);
    // Bounded: a flood of random words must not grow the cache without end.
    if (this.corrections.size > MAX_CACHED_CORRECTIONS) this.corrections.clear();
    this.corrections.set(word, corrected ?? null);
    return corrected;
  }

  private correctLong(word: string): string | undefined {
    const max = allowedTypos(word.length);
    let best: { word: string; distance: number; score: number; rank: number } | undefined;
    for (const result of this.fuzzyFor(word.length).search(word, { limit: 8 })) {
      const distance = editDistance(word, result.item, max);
      const score = result.score ?? 1;
      // Fingers slip inside a word more than on its first letter: at one distance, a word that starts alike wins ("anonce" is
      // "annonce", not "nonce").
      const sameStart = result.item[0] === word[0] ? 0 : 1;
      const rank = distance * 2 + sameStart;
      if (distance <= max && (!best || rank < best.rank || (rank === best.rank && score < best.score))) best = { word: result.item, distance, score, rank };
    }
    return best?.word;
  }

  /** A three-letter word is mended only when one known word alone is a typo away ("sya" → "say"). */
  private correctShort(word: string): string | undefined {
    this.shortWords ??= this.mendable.filter((known) => known.length <= 4);
    const close = this.shortWords.filter((known) => editDistance(word, known, 1) <= 1);
    // Two letters swapped is the likeliest slip of the fingers: such a candidate wins over the others.
    const letters = (text: string) => [...text].sort().join('');
    const swapped = close.filter((known) => letters(known) === letters(word));
    return close.length === 1 ? close[0] : swapped.length === 1 ? swapped[0] : undefined;
  }

  private fuzzyFor(length: number): Fuse<string> {
    const key = Math.min(length, 16);
    let fuse = this.fuzzyByLength.get(key);
    if (!fuse) {
      const pool = this.mendable.filter((word) => Math.abs(word.length - length) <= 2);
      fuse = new Fuse(pool, { includeScore: true, ignoreDiacritics: true, ignoreLocation: true, threshold: 0.4, minMatchCharLength: 2 });
      this.fuzzyByLength.set(key, fuse);
    }
    return fuse;
  }

  private addLiteral(entry: string, concept: ConceptId): void {
    const tokens = tokenize(entry);
    // "a raison" tokenizes to "raison" alone, which would then ask for an opinion wherever it is written.
    if (tokens.length !== entry.trim().split(/[\s'-]+/).length) return;
    if (tokens.length !== 1) return this.addEntry(entry, [concept]);
    for (const form of [tokens[0]!, `${tokens[0]!}s`]) {
      merge(this.literal, form, [concept]);
      this.known.add(form);
    }
  }

  private addEntry(entry: string, concepts: ConceptId[]): void {
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
    const owners = new Map<string, Set<ConceptId>>();
    const common = (token: string) => commonWords('en').has(token) || commonWords('fr').has(token);
    for (const article of articles) {
      for (const actor of article.actors) {
        const id = this.concepts.id({ kind: 'actor', article: article.id, actor: actor.id });
        for (const name of actor.names) {
          // "Rouge" in "Croix-Rouge" or "Comité" name no one alone: common words are never a name's part.
          for (const token of tokenize(name).filter((word) => !common(word)).map(stem)) {
            if (!owners.has(token)) owners.set(token, new Set());
            owners.get(token)!.add(id);
          }
        }
      }
    }
    for (const [token, actors] of owners) {
      if (actors.size === 1 && !this.exact.has(token) && !MARKERS.has(token) && token.length > 2) this.exact.set(token, [...actors]);
    }
  }
}

const NONE: readonly ConceptId[] = [];
const EMPTY: ReadonlySet<string> = new Set();

/** "combien de temps" asks for a duration; its "temps" is no topic ("Quel temps fait-il ?" is about weather). */
function withoutQuestionPhrases(words: readonly string[]): readonly string[] {
  let kept: string[] | undefined;
  for (let i = 0; i < words.length; ) {
    const phrase = MULTI_WORD_QUESTION_PHRASES.at(words, i);
    if (phrase) {
      kept ??= words.slice(0, i);
      i += phrase.length;
    } else {
      kept?.push(words[i]!);
      i += 1;
    }
  }
  return kept ?? words;
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
  return tokens.length === 1 && FUNCTION_WORDS.has(tokens[0]!);
}

function merge(map: Map<string, ConceptId[]>, key: string, concepts: readonly ConceptId[]): void {
  map.set(key, [...new Set([...(map.get(key) ?? []), ...concepts])]);
}
