import { isAvailable, type Command, type CommandOption } from '../src/core/command.ts';

/** `<question>` for a required text, `[article]` for an optional one. */
function usage(option: CommandOption | undefined): string {
  if (!option) return '';
  return option.required ? ` <${option.name}>` : ` [${option.name}]`;
}

/**
 * Lists the commands it is given that work where it is asked (no /subscribe in the terminal chat); built by a
 * function so that it never imports the registry it sits in.
 */
export function helpCommand(list: () => readonly Command[]): Command {
  return {
    name: 'help',
    description: { en: 'What Depeche can do', fr: 'Ce que Depeche sait faire' },
    options: [],
    run(ctx) {
      const { lang, engine } = ctx;
      const lines = list().filter((command) => isAvailable(command, ctx)).map((command) => {
        const text = command.options.find((option) => option.type === 'article' || (option.type === 'string' && option.required));
        return `- **/${command.name}${usage(text)}**: ${command.description[lang]}`;
      });
      const intro =
        lang === 'fr'
          ? "Je réponds aux questions sur les articles que je connais (/articles les liste), en français ou en anglais. Posez une question, ou utilisez une commande ; [article] choisit l'article par son id ou des mots du titre, le plus récent si omis :"
          : 'I answer questions about the articles I know (/articles lists them), in English or French. Ask a question, or use a command; [article] picks the article by its id or words of its title, the newest if left out:';
      return { title: 'Depeche', text: `${intro}\n${lines.join('\n')}`, lang, answered: false, sources: [], suggestions: engine.suggest('', { limit: 3, lang }) };
    },
  };
}
