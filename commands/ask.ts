import { creditLine } from '../src/core/facts-reply.ts';
import { messages } from '../src/core/messages.ts';
import { plainReply } from '../src/core/reply.ts';
import type { Command } from '../src/core/command.ts';

export const ask: Command = {
  name: 'ask',
  description: { en: 'Ask a question about the article', fr: "Poser une question sur l'article" },
  options: [
    {
      name: 'question',
      type: 'string',
      required: true,
      autocomplete: true,
      maxLength: 500,
      description: { en: 'Your question, in English or French', fr: 'Votre question, en français ou en anglais' },
    },
    {
      name: 'private',
      type: 'boolean',
      required: false,
      description: { en: 'Only you see the answer', fr: 'Vous seul voyez la réponse' },
    },
  ],
  run({ args, flags, lang, conversationKey, engine, knowledge }) {
    const question = args.question?.trim();
    if (!question) {
      return plainReply(lang, messages[lang].emptyQuestion, { suggestions: engine.suggest('', { limit: 3, lang }) });
    }
    const answer = engine.answer(question, { conversationKey, lang });
    return {
      text: answer.text,
      lang: answer.lang,
      answered: answer.answered,
      refused: answer.refused,
      sources: answer.sources,
      suggestions: answer.suggestions,
      credit: answer.sources.length ? creditLine(knowledge.primary, answer.lang) : undefined,
      private: flags?.has('private') ?? false,
    };
  },
};
