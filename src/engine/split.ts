const QUESTION_OPENING =
  "(?:who|whom|what|where|when|why|how|which|did|does|do|is|are|was|were|will|has|have|qui|que|quoi|où|quand|comment|pourquoi|combien|quel|quelle|quels|quelles|est-ce)";
// "…, and over how many days?": a preposition may stand between the "and" and the question word.
const PREPOSITION = '(?:(?:over|in|for|during|since|from|to|with|by|en|depuis|pendant|sur|pour|avec|par|dans|de|à|a)\\s+)?';
// (\b does not see "où" as a word: its ù is not an ASCII letter, hence the Unicode lookahead.)
const JOINED_QUESTION = new RegExp(`\\s*(?:,\\s*)?\\b(?:and|et|also|aussi)\\s+${PREPOSITION}(?=${QUESTION_OPENING}(?![\\p{L}\\p{N}])|qu')`, 'iu');
const MAX_PARTS = 4;

/**
 * The questions inside one message: "Where will the talks be held? And when?" is two,
 * "Who backs Assad and who supports the rebels?" is two, "Moscow, Tehran and Ankara agreed to what?" is one.
 */
export function splitQuestion(text: string): string[] {
  // Runs of white space made one first: the joining pattern below starts with \s*, which a long run would
  // make quadratic (20,000 spaces took most of a second).
  const parts = text
    .replace(/\s+/g, ' ')
    .replace(/\btl\s*;\s*dr\b/gi, 'tldr')
    .split(/[?!;\n]+/)
    .flatMap((sentence) => sentence.split(JOINED_QUESTION))
    .map((part) => part.trim())
    .filter((part) => /\p{L}/u.test(part));
  return parts.length > 0 ? parts.slice(0, MAX_PARTS) : [text];
}
