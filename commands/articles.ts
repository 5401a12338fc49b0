import { articlesReply } from '../src/core/articles-reply.ts';
import type { Command } from '../src/core/command.ts';

export const articles: Command = {
  name: 'articles',
  description: { en: 'The articles I can talk about, with their dates and ids', fr: 'Les articles dont je peux parler, avec leur date et leur id' },
  options: [],
  run({ lang, knowledge }) {
    return articlesReply(knowledge, lang);
  },
};
