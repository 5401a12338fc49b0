import type { Lang } from '../shared/types.ts';

/** The name of each language, in each language: "French", "français". */
const languageNames: Record<Lang, Record<Lang, string>> = {
  en: { en: 'English', fr: 'French' },
  fr: { en: 'anglais', fr: 'français' },
};

/** Every sentence Depeche says outside of the article's own facts, in both languages. */
export const messages = {
  en: {
    tooLong: (max: number) => `That question is too long: please keep it under ${max} characters.`,
    rateLimited: 'You are asking faster than I can keep up: please wait a few seconds and ask again.',
    shuttingDown: 'I am shutting down and cannot take new questions: please ask again in a minute.',
    unknownCommand: (name: string) => `There is no command "${name}". Type /help to see what I can do.`,
    emptyQuestion: (example?: string) => `Ask me a question about the article${example ? `, for example: ${example}` : '.'}`,
    noSuchArticle: (words: string) => `No article matches "${words}". The articles I can talk about:`,
    articlesTitle: 'Articles',
    undated: 'undated',
    internalError: 'Something went wrong on my side; please try again.',
    refusal: (title: string) => `I can only answer from the article (${title}), and it does not cover that.`,
    didYouMean: 'Did you mean:',
    notSaid: 'The article does not say',
    greeting: 'Hello! I answer questions about news articles, from a verified summary of each.',
    tryThese: 'Try for example:',
    inShort: (title: string) => `In short: ${title}.`,
    thanks: "You're welcome! Ask me anything else about the article.",
    ack: 'Anything else about the article? Type /help to see what I can do.',
    bye: 'Goodbye!',
    identity: 'I am Depeche: I answer questions about news articles from a verified summary, quoting the article. Here is what I can do:',
    empty: 'Ask me a question about the article, for example:',
    noSuggestion: (n: number, count: number) =>
      count > 0 ? `There is no suggestion ${n}: pick a number from 1 to ${count}, or ask a question.` : `There is no suggestion ${n} to pick: ask me a question about the article.`,
    refusalMany: (titles: string) => `I can only answer from the articles I have (${titles}), and they do not cover that.`,
    chooseArticle: 'More than one article could answer that. Which one do you mean?',
    sources: 'Sources',
    /** Heading of the quotes in text renderings; `original` when every quote is in another language than the answer. */
    sourcesHeading: (original?: Lang) => (original ? `Sources (original, ${languageNames.en[original]}):` : 'Sources:'),
    /** After one quote in another language than the answer (when the quotes are in several languages). */
    original: (lang: Lang) => `(original, ${languageNames.en[lang]})`,
    newConversation: 'New conversation: follow-up questions start afresh.',
    pickSuggestion: 'Type the number of a suggestion to ask it.',
  },
  fr: {
    tooLong: (max: number) => `Cette question est trop longue : ${max} caractères au plus, s'il vous plaît.`,
    rateLimited: 'Vous posez vos questions plus vite que je ne peux répondre : attendez quelques secondes.',
    shuttingDown: "Je m'arrête et ne prends plus de questions : réessayez dans une minute.",
    unknownCommand: (name: string) => `Il n'y a pas de commande « ${name} ». Tapez /help pour voir ce que je sais faire.`,
    emptyQuestion: (example?: string) => `Posez-moi une question sur l'article${example ? `, par exemple : ${example}` : '.'}`,
    noSuchArticle: (words: string) => `Aucun article ne correspond à « ${words} ». Les articles dont je peux parler :`,
    articlesTitle: 'Articles',
    undated: 'non daté',
    internalError: 'Un problème est survenu de mon côté ; veuillez réessayer.',
    refusal: (title: string) => `Je ne réponds qu'à partir de l'article (${title}), et il n'en parle pas.`,
    didYouMean: 'Vouliez-vous dire :',
    notSaid: "L'article ne dit pas",
    greeting: "Bonjour ! Je réponds aux questions sur des articles d'actualité, à partir d'un résumé vérifié de chacun.",
    tryThese: 'Essayez par exemple :',
    inShort: (title: string) => `En bref : ${title}.`,
    thanks: "Avec plaisir ! Posez-moi une autre question sur l'article.",
    ack: "Autre chose sur l'article ? Tapez /help pour voir ce que je sais faire.",
    bye: 'Au revoir !',
    identity: "Je suis Depeche : je réponds aux questions sur des articles d'actualité à partir d'un résumé vérifié, en citant l'article. Voici ce que je sais faire :",
    empty: "Posez-moi une question sur l'article, par exemple :",
    noSuggestion: (n: number, count: number) =>
      count > 0 ? `Il n'y a pas de suggestion ${n} : choisissez un numéro de 1 à ${count}, ou posez une question.` : `Il n'y a pas de suggestion ${n} à choisir : posez-moi une question sur l'article.`,
    refusalMany: (titles: string) => `Je ne réponds qu'à partir des articles que j'ai (${titles}), et ils n'en parlent pas.`,
    chooseArticle: "Plusieurs articles pourraient répondre. Duquel parlez-vous ?",
    sources: 'Sources',
    sourcesHeading: (original?: Lang) => (original ? `Sources (original en ${languageNames.fr[original]}) :` : 'Sources :'),
    original: (lang: Lang) => `(original en ${languageNames.fr[lang]})`,
    newConversation: 'Nouvelle conversation : les questions de suivi repartent de zéro.',
    pickSuggestion: "Tapez le numéro d'une suggestion pour la poser.",
  },
} satisfies Record<Lang, Record<string, unknown>>;
