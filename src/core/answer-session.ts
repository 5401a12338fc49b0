import type { Answer, Engine, Topic } from '../engine/types.ts';
import type { Lang } from '../shared/types.ts';
import { answerText, type AnswerText, type RenderOptions } from './answer-text.ts';

/**
 * One conversation with the engine in this process, in words: each answer leans on the topic of the last.
 * For the tools that talk to the engine directly (evaluation, benches, explain); chat platforms go through the
 * core, whose ConversationStore keeps topics by conversation key.
 */
export function answerSession(engine: Engine, options: RenderOptions = {}) {
  let topic: Topic | undefined;
  return {
    ask(question: string, askOptions: { lang?: Lang; trace?: string[] } = {}): AnswerText & { answer: Answer } {
      const answer = engine.answer(question, { ...askOptions, context: topic });
      topic = answer.topic;
      return { ...answerText(answer, options), answer };
    },
    /** Starts afresh, as a new conversation would. */
    reset(): void {
      topic = undefined;
    },
  };
}

/** One question asked in a fresh conversation, in words. */
export function answerOnce(engine: Engine, question: string, lang?: Lang): AnswerText {
  return answerText(engine.answer(question, { lang }));
}
