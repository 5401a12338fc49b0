import type { CommandOption } from '../src/core/command.ts';

/** The option every command about one article takes: without it, the newest article. */
export const articleOption: CommandOption = {
  name: 'article',
  type: 'article',
  required: false,
  maxLength: 100,
  description: { en: 'Which article: its id or words of its title (the newest if left out)', fr: 'Quel article : son id ou des mots du titre (le plus récent si omis)' },
};
