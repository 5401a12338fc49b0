import type { Lang } from '../shared/types.ts';

/** Every sentence Depeche says outside of the article's own facts, in both languages. */
export const messages = {
  en: {
    tooLong: (max: number) => `That question is too long: please keep it under ${max} characters.`,
    rateLimited: 'You are asking faster than I can keep up: please wait a few seconds and ask again.',
    shuttingDown: 'I am shutting down and cannot take new questions: please ask again in a minute.',
    unknownCommand: (name: string) => `There is no command "${name}". Type /help to see what I can do.`,
    emptyQuestion: 'Ask me a question about the article, for example: how many people left Aleppo?',
    internalError: 'Something went wrong on my side; please try again.',
    refusal: (title: string) => `I can only answer from the article (${title}), and it does not cover that.`,
    didYouMean: 'Did you mean:',
    notSaid: 'The article does not say',
    greeting: 'Hello! I answer questions about one news article, from a verified summary of it.',
    sources: 'Sources',
  },
  fr: {
    tooLong: (max: number) => `Cette question est trop longue : ${max} caractères au plus, s'il vous plaît.`,
    rateLimited: 'Vous posez vos questions plus vite que je ne peux répondre : attendez quelques secondes.',
    shuttingDown: "Je m'arrête et ne prends plus de questions : réessayez dans une minute.",
    unknownCommand: (name: string) => `Il n'y a pas de commande « ${name} ». Tapez /help pour voir ce que je sais faire.`,
    emptyQuestion: "Posez-moi une question sur l'article, par exemple : combien de personnes ont quitté Alep ?",
    internalError: 'Un problème est survenu de mon côté ; veuillez réessayer.',
    refusal: (title: string) => `Je ne réponds qu'à partir de l'article (${title}), et il n'en parle pas.`,
    didYouMean: 'Vouliez-vous dire :',
    notSaid: "L'article ne dit pas",
    greeting: "Bonjour ! Je réponds aux questions sur un article d'actualité, à partir d'un résumé vérifié.",
    sources: 'Sources',
  },
} satisfies Record<Lang, Record<string, unknown>>;
