import type { Topic } from '../engine/types.ts';

/** What a conversation remembers between two lines: the last topic, and the suggestions offered last. */
export interface ConversationState {
  topic?: Topic;
  /** The questions last offered as numbered suggestions: a bare "2" asks the second. */
  suggestions?: string[];
}

/**
 * Conversation memory by opaque key (`discord:<channel>`, `slack:<team>:<channel>`…), forgotten after a time of
 * silence. In memory by default; a shared database can hold it so that a follow-up reaching another instance
 * still knows its topic.
 */
export interface ConversationStore {
  get(key: string): Promise<ConversationState | undefined>;
  set(key: string, state: ConversationState): Promise<void>;
  /** Forgets every conversation (new knowledge: old topics may name entries that are gone). */
  clear(): Promise<void>;
}

const MAX_CONVERSATIONS = 10_000;

export function memoryConversations(options: { ttlMs: number; now?: () => number }): ConversationStore {
  const now = options.now ?? Date.now;
  const states = new Map<string, { state: ConversationState; at: number }>();
  return {
    async get(key) {
      const entry = states.get(key);
      if (!entry) return undefined;
      if (now() - entry.at > options.ttlMs) {
        states.delete(key);
        return undefined;
      }
      return entry.state;
    },
    async set(key, state) {
      states.delete(key);
      states.set(key, { state, at: now() });
      // Maps iterate in insertion order, so the first key is the one quiet the longest.
      if (states.size > MAX_CONVERSATIONS) states.delete(states.keys().next().value!);
    },
    async clear() {
      states.clear();
    },
  };
}
