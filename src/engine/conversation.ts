import type { Lang } from '../shared/types.ts';
import type { QuestionType } from '../knowledge/types.ts';
import type { Term } from './vocabulary.ts';

/** What a follow-up can lean on: the words of the last answered question. */
export interface Topic {
  terms: Term[];
  type: QuestionType | undefined;
  lang: Lang;
}

const MAX_CONVERSATIONS = 10_000;

/** Last topic per conversation key, forgotten after `ttlMs` of silence. */
export class Conversations {
  private readonly topics = new Map<string, { topic: Topic; at: number }>();

  constructor(private readonly ttlMs: number) {}

  get(key: string, now: number): Topic | undefined {
    const entry = this.topics.get(key);
    if (!entry) return undefined;
    if (now - entry.at > this.ttlMs) {
      this.topics.delete(key);
      return undefined;
    }
    return entry.topic;
  }

  set(key: string, topic: Topic, now: number): void {
    this.topics.delete(key);
    this.topics.set(key, { topic, at: now });
    // Maps iterate in insertion order, so the first key is the one quiet the longest.
    if (this.topics.size > MAX_CONVERSATIONS) this.topics.delete(this.topics.keys().next().value!);
  }
}
