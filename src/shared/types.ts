/** Types every layer shares (engine, core, commands, adapters): kept below all of them. */
export type Lang = 'en' | 'fr';

export interface Source {
  /** The verbatim words of the article that the answer rests on. */
  quote: string;
  /** The id of the entry (fact or actor) in its article's summary.json. */
  factId: string;
  /** The id of the article (its folder name). */
  article: string;
}
