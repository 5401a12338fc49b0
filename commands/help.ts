import type { Command } from '../src/core/command.ts';

/** Lists the commands it is given; built by a function so that it never imports the registry it sits in. */
export function helpCommand(list: () => readonly Command[]): Command {
  return {
    name: 'help',
    description: { en: 'What Depeche can do', fr: 'Ce que Depeche sait faire' },
    options: [],
    run({ lang, engine }) {
      const lines = list().map((command) => {
        const arg = command.options.find((option) => option.type === 'string' && option.required);
        return `- **/${command.name}${arg ? ` <${arg.name}>` : ''}**: ${command.description[lang]}`;
      });
      const intro =
        lang === 'fr'
          ? "Je réponds aux questions sur l'article, en français ou en anglais. Posez une question, ou utilisez une commande :"
          : 'I answer questions about the article, in English or French. Ask a question, or use a command:';
      return { title: 'Depeche', text: `${intro}\n${lines.join('\n')}`, lang, answered: false, sources: [], suggestions: engine.suggest('', { limit: 3, lang }) };
    },
  };
}
