/**
 * Users' words said back, made inert on every platform: nothing in them may ping, format or link. Written once here,
 * for the core's replies ("There is no command …", "The article does not cover …"), and used by adapters that show a
 * question above its answer.
 */

/** "https://evil.example/x", "evil.example": the dots and the scheme are broken with look-alikes no platform links. */
export function unlinked(text: string): string {
  return text
    .split(/(\s+)/)
    .map((token) => (LINKISH.test(token) || token.includes('://') ? token.replace(/\./g, '\u2024').replace(/:\/\//g, ':\u2060//') : token))
    .join('');
}

/** A letter or digit, a dot, two letters: what platforms take for a domain name. */
const LINKISH = /[\p{L}\p{N}]\.\p{L}{2}/u;

/** Words and ordinary punctuation only, cut short: for a user's words quoted inside a sentence. */
export function inert(text: string, max = 60): string {
  const plain = unlinked(text.replace(/[^\p{L}\p{N}\s,.'’?!-]/gu, ' ').replace(/\s+/g, ' ').trim());
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
