// Sets of reader questions written as conversations ("when was that?" only makes sense after the line before):
// test/eval/*-conversations.json. Each line is judged like an item of the flat sets (judge.ts).
import { readFileSync } from 'node:fs';
import { EXPECTS, LANGS, type EvalItem } from './judge.ts';

export interface Conversation {
  id: string;
  turns: EvalItem[];
}

export interface ConversationSet {
  /** The article the set was written about (from that article's text alone). */
  article: string;
  conversations: Conversation[];
}

export function loadConversationSet(path: string): ConversationSet {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { article?: unknown; conversations?: unknown };
  const bad = (where: string, why: string): never => {
    throw new Error(`${path}: ${where}: ${why}`);
  };
  if (typeof raw.article !== 'string') bad('article', 'must be the id of the article the set is about');
  if (!Array.isArray(raw.conversations)) bad('conversations', 'must be a list');
  const conversations = (raw.conversations as unknown[]).map((entry, c) => {
    const conversation = entry as { id?: unknown; turns?: unknown };
    if (typeof conversation.id !== 'string' || !Array.isArray(conversation.turns)) bad(`conversation #${c + 1}`, 'needs an id and a list of turns');
    const turns = (conversation.turns as Record<string, unknown>[]).map((turn, t) => {
      const where = `${conversation.id as string} turn #${t + 1}`;
      if (typeof turn.id !== 'string' || typeof turn.question !== 'string' || turn.question.trim() === '') bad(where, 'needs an id and a question');
      if (!LANGS.includes(turn.lang as never)) bad(where, 'lang must be "en" or "fr"');
      if (!EXPECTS.includes(turn.expect as never)) bad(where, 'expect must be answer, refuse or not_said');
      if (turn.expect === 'answer' && !(Array.isArray(turn.mustContain) && turn.mustContain.length > 0)) bad(where, 'an "answer" turn needs mustContain');
      return turn as unknown as EvalItem;
    });
    return { id: conversation.id as string, turns };
  });
  return { article: raw.article as string, conversations };
}

/** Every line of a set, in order. */
export const linesOf = (set: ConversationSet): EvalItem[] => set.conversations.flatMap((conversation) => conversation.turns);
