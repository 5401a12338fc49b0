/**
 * Every weight and threshold of the engine, in one documented object, as minisearch keeps its search options and
 * BM25 parameters: `createEngine(knowledge, { params })` takes overrides, so that benches and evaluations can vary them.
 * Coverage is the share of a question's weight that an entry holds (0..1); a score is coverage plus bonuses.
 */
export interface EngineParams {
  /** Below this coverage by its best entry, the article does not answer a question. */
  minCoverage: number;
  /** Entries whose score is this close to the best are answered together ("What did they agree?"). */
  tieMargin: number;
  /** At most this many entries answer one plain question. */
  maxAnswers: number;
  /** A broad question ("what did the three countries commit to?") gets every fact this close in coverage… */
  broadCoverageMargin: number;
  /** …and in score to the best one… */
  broadScoreMargin: number;
  /** …up to this many. */
  maxComposed: number;
  /** Once an entry's subject matched, a word the article never uses weighs this much: likely a paraphrase. */
  paraphraseDiscount: number;
  /** What a term's passing concept, or a gap's borrowed one, is worth ("russe" for "chef de la diplomatie russe"). */
  secondaryShare: number;
  /** What a word found only in a fact's quote is worth: the article's own wording, a little less sure than the summary's. */
  quoteShare: number;
  /** What a match through a typo repair is worth: "resto" mended into "reste" must not put a restaurant in scope. */
  mendedShare: number;
  /** A word no entry of the article holds weighs this share of the article's rarest word (log(1 + entries)). */
  unknownShare: number;
  /** What a "which … exactly" word weighs against a topic word. */
  detailWeight: number;
  /** That a fact gives a number, a duration, a date or a place counts like one more word of a question asking for it. */
  typeWeight: number;
  /** Bonus for the entry whose sample question is closest to the question (weighted Jaccard, 0..1). */
  sampleBonus: number;
  /** Bonus for an entry that answers the kind of question asked (how many, where…)… */
  typeBonus: number;
  /** …and penalty for one that does not, where the kind is strict (a number, a place, a date, a person, a reason). */
  typePenalty: number;
  /** "Which countries…": bonus for a fact that names one, penalty for one that names none. */
  kindBonus: number;
  kindPenalty: number;
  /** Names alone reach a fact when a question ties this many of them together ("why are Russia and Iran so important for Assad?"). */
  namesTied: number;
  /** Best answers of two articles this close in score: the question does not say which article it is about. */
  routeMargin: number;
  /** A follow-up ("And Erdogan?") is at most this many terms; longer questions stand on their own. */
  maxFollowUpTerms: number;
  /** Suggestions offered with a refusal. */
  maxSuggestions: number;
  /** "What's the news?" with no article in the conversation: the briefs of this many articles. */
  maxSummaries: number;
  /** Asks read in one line ("Who met, where, and what did Putin say?"). */
  maxParts: number;
  /** The engine reads at most this many characters of a question (the core cuts long messages before). */
  maxQuestionChars: number;
  /** Whole-article answers: at most this many lines in a timeline, a list of people, of quotes, a full summary. */
  maxListed: number;
}

export const DEFAULT_PARAMS: Readonly<EngineParams> = Object.freeze({
  minCoverage: 0.58,
  tieMargin: 0.08,
  maxAnswers: 3,
  broadCoverageMargin: 0.4,
  broadScoreMargin: 0.45,
  maxComposed: 5,
  paraphraseDiscount: 0.6,
  secondaryShare: 0.5,
  quoteShare: 0.75,
  mendedShare: 0.7,
  unknownShare: 0.8,
  detailWeight: 0.5,
  typeWeight: 1,
  sampleBonus: 0.25,
  typeBonus: 0.08,
  typePenalty: 0.1,
  kindBonus: 0.05,
  kindPenalty: 0.15,
  namesTied: 3,
  routeMargin: 0.05,
  maxFollowUpTerms: 3,
  maxSuggestions: 3,
  maxSummaries: 3,
  maxParts: 5,
  maxQuestionChars: 2000,
  maxListed: 12,
});
