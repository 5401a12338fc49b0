/** What every platform renders: a platform-neutral reply. Adapters turn it into embeds, blocks or text. */
import type { Lang, Source } from '../shared/types.ts';

export interface Reply {
  /** Short heading, e.g. "Figures"; adapters show it as an embed title or a header block. */
  title?: string;
  /** The body, in light markdown: **bold**, *italics*, "- " bullets. Never contains live mentions. */
  text: string;
  lang: Lang;
  /** False for refusals, errors and greetings: nothing in the article backs them. */
  answered: boolean;
  sources: Source[];
  /** Questions the user can ask next (shown as buttons on Discord and Slack). */
  suggestions: string[];
  /** Credit line for the article ("Source: agences/jvia"), shown as a footer. */
  credit?: string;
  /** The article does not cover the question: maintainers may want to add it (`npm run report:unanswered`). */
  refused?: boolean;
  /**
   * Set on answers people can rate (answered, with sources, when a store keeps votes): adapters show 👍 and 👎
   * carrying this id and hand clicks to `Depeche.feedback`.
   */
  answerId?: string;
  /** Only the asker sees it (Discord ephemeral, Slack ephemeral). Adapters may override. */
  private?: boolean;
}

export function plainReply(lang: Lang, text: string, extra: Partial<Reply> = {}): Reply {
  return { text, lang, answered: false, sources: [], suggestions: [], ...extra };
}
