import { createHash, randomBytes } from 'node:crypto';
import type { Lang } from '../shared/types.ts';
import { normalizeQuestion, type RatedAnswer, type Store } from '../store/types.ts';
import { messages } from './messages.ts';
import { plainReply, type Reply } from './reply.ts';

/** What the core needs of the store to let people rate answers. */
export type FeedbackStore = Pick<Store, 'saveAnswer' | 'vote' | 'pruneAnswers'>;

export interface FeedbackOptions {
  store: FeedbackStore;
  /** A store failure while saving an answer or pruning old ones: the answer still goes out, without buttons. */
  onError?: (error: unknown, what: string) => void;
  /** How long an answer can be rated after it was given. */
  ttlMs?: number;
}

/** A click on 👍 or 👎, as an adapter hands it to the core. */
export interface FeedbackClick {
  answerId: string;
  helpful: boolean;
  /** The rated answer's language (its buttons carry it): the thanks are said in it. */
  lang: Lang;
}

/** Buttons stay on Discord and Slack messages for ever; what they rate is kept this long. */
export const ANSWER_TTL_MS = 30 * 24 * 3600 * 1000;
const PRUNE_EVERY_MS = 3600 * 1000;

export interface Ratings {
  /** The reply with an `answerId` when people can rate it (an answer resting on sources), saved first. */
  offer(reply: Reply, question: string): Promise<Reply>;
  /** Records the click (one vote per user and answer, changeable) and says so, privately. */
  vote(click: FeedbackClick, userKey: string): Promise<Reply>;
}

export function createRatings(options: FeedbackOptions & { now: () => number }): Ratings {
  const { store, now } = options;
  const ttlMs = options.ttlMs ?? ANSWER_TTL_MS;
  const onError = options.onError ?? (() => {});
  let lastPrune = -Infinity;

  return {
    async offer(reply, question) {
      if (!reply.answered || !reply.sources.length) return reply;
      const at = now();
      const answer: RatedAnswer = {
        id: randomBytes(12).toString('base64url'),
        question: normalizeQuestion(question),
        entries: unique(reply.sources.map((source) => source.factId)),
        articles: unique(reply.sources.map((source) => source.article)),
        lang: reply.lang,
      };
      try {
        await store.saveAnswer(answer, at);
      } catch (error) {
        onError(error, 'saving an answer people may rate');
        return reply;
      }
      if (at - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = at;
        store.pruneAnswers(at - ttlMs).catch((error: unknown) => onError(error, 'forgetting answers too old to rate'));
      }
      return { ...reply, answerId: answer.id };
    },
    async vote({ answerId, helpful, lang }, userKey) {
      const recorded = await store.vote({ answerId, voter: voterOf(answerId, userKey), helpful }, now());
      const text = recorded ? messages[lang].feedbackNoted : messages[lang].feedbackTooOld(Math.round(ttlMs / 86_400_000));
      return plainReply(lang, text, { private: true });
    },
  };
}

/**
 * Stands for the user in the store, one way and per answer: one vote per user and answer, yet the store holds no
 * user id, and two votes of one user on two answers cannot be linked.
 */
export function voterOf(answerId: string, userKey: string): string {
  return createHash('sha256').update(`${answerId}\n${userKey}`).digest('base64url').slice(0, 32);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
