import { answerText } from '../src/core/answer-text.ts';
import { isAvailable, type Command } from '../src/core/command.ts';
import { creditLine } from '../src/core/facts-reply.ts';
import { messages } from '../src/core/messages.ts';
import { plainReply } from '../src/core/reply.ts';

/** "2", "#2", "2.": the user picks one of the numbered suggestions offered last. */
const SUGGESTION_NUMBER = /^#?(\d{1,3})[.)]?$/;

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
  async run({ args, flags, lang, engine, conversation, commands, article, channelKey, subscriptions }) {
    let question = args.question?.trim();
    if (!question) {
      const example = article.briefing[0]?.questions[lang][0];
      // The example is in the text already: the suggestions offered, and numbered from 1, are others.
      const suggestions = engine.suggest('', { limit: 4, lang }).filter((suggestion) => suggestion !== example).slice(0, 3);
      return plainReply(lang, messages[lang].emptyQuestion(example), { suggestions });
    }
    const state = await conversation.get();
    const picked = SUGGESTION_NUMBER.exec(question);
    if (picked) {
      const offered = state?.suggestions ?? [];
      const n = Number(picked[1]);
      const chosen = offered[n - 1];
      const replyLang = state?.topic?.lang ?? lang;
      if (!chosen) return plainReply(replyLang, messages[replyLang].noSuggestion(n, offered.length), { suggestions: offered });
      question = chosen;
    }
    const answer = engine.answer(question, { context: state?.topic, lang });
    // "Who are you?" lists what can be done here: no channel commands in the terminal or a DM.
    const words = answerText(answer, { commands: commands.filter((command) => isAvailable(command, { channelKey, subscriptions })) });
    await conversation.set({ topic: answer.topic, suggestions: words.suggestions });
    return {
      text: words.text,
      lang: words.lang,
      answered: words.answered,
      refused: words.refused,
      sources: words.sources,
      suggestions: words.suggestions,
      credit: words.articles.length ? words.articles.map((article) => creditLine(article, words.lang)).join('\n') : undefined,
      private: flags?.has('private') ?? false,
    };
  },
};
