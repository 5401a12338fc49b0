import { briefingReply } from '../src/core/briefing-reply.ts';
import type { Command } from '../src/core/command.ts';
import { articleOption } from './article-option.ts';

export const briefing: Command = {
  name: 'briefing',
  description: { en: 'A short summary of the whole article', fr: "Un court résumé de tout l'article" },
  options: [articleOption],
  cacheable: true,
  run({ lang, article }) {
    // The same composition as the scheduled posts (`/subscribe`), in its short form.
    return briefingReply({ article, lang });
  },
};
