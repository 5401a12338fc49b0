import type { Attribute } from '../engine/words/types.ts';
import type { Role } from '../engine/types.ts';

/** "it gives no weight for…": the measures an article may leave out, as nouns. */
const MEASURE_NOUNS: Record<Lang, Partial<Record<Attribute, string>>> = {
  en: { height: 'height', weight: 'weight', price: 'cost', distance: 'distance', area: 'area' },
  fr: { height: 'la hauteur', weight: 'le poids', price: 'le coût', distance: 'la distance', area: 'la superficie' },
};
import type { Lang } from '../shared/types.ts';

/** "The article does not say when Russia, Iran and Turkey committed to…": the question word of each role, before a claim… */
const ROLE_QUESTION: Record<Lang, Record<Role, string>> = {
  en: { when: 'when', where: 'where', who: 'who', said_by: 'who said that', how_many: 'how many, when', why: 'why' },
  fr: { when: 'quand', where: 'où', who: 'qui', said_by: 'qui a dit que', how_many: 'combien, quand', why: 'pourquoi' },
};
/** …and alone, when the claim has no subject and action to say it with. */
const ROLE_ALONE: Record<Lang, Record<Role, string>> = {
  en: { when: 'when that was', where: 'where that was', who: 'who it was', said_by: 'who said it', how_many: 'how many', why: 'why' },
  fr: { when: 'quand', where: 'où', who: 'de qui il s’agit', said_by: 'qui l’a dit', how_many: 'combien', why: 'pourquoi' },
};

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
    otherLanguage: 'I answer in English or French (je réponds en anglais ou en français).',
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
    helpful: 'Helpful',
    notHelpful: 'Not helpful',
    feedbackNoted: 'Thanks, noted.',
    feedbackTooOld: (days: number) => `That answer is over ${days} days old and can no longer be rated; ask again to rate a fresh one.`,
    feedbackOff: 'Ratings are not recorded here.',
    nothingToRate: 'Nothing to rate: /good and /bad rate the answer just given, when it cites the article.',
    quoted: (text: string) => `"${text}"`,
    and: 'and',
    around: (date: string) => `around ${date}`,
    notCovered: (ask: string) => `The article does not cover "${ask}".`,
    moreAsks: (count: number) => `(${count} more ${count === 1 ? 'question' : 'questions'} in that message: ask ${count === 1 ? 'it' : 'them'} on its own for an answer.)`,
    missingRole: (role: Role, claim?: string) => `The article does not say ${claim ? `${ROLE_QUESTION.en[role]} ${claim}` : ROLE_ALONE.en[role]}.`,
    coarseRole: (role: Role, known: string) => (role === 'when' ? `The article does not give the time: it says only ${known}.` : `The article does not say in which city: it says only ${known}.`),
    textUndated: 'Its text does not give its date.',
    unnamed: (who: string) => `The article does not give the name of ${who}.`,
    missingMeasure: (measure: Attribute, subject: string) => `The article does not say: it gives no ${MEASURE_NOUNS.en[measure] ?? measure} for "${subject}".`,
    itSays: 'What it says:',
    roleLabel: {
      when: (date: string) => `When: ${date}.`,
      where: (place: string) => `Where: ${place}.`,
      who: (names: string) => `Who: ${names}.`,
      said_by: (name: string) => `According to ${name}:`,
      how_many: (figure: string) => `How many: ${figure}.`,
      why: 'Why, as the article puts it:',
    },
    qualifier: { 'at least': 'at least', about: 'about', exactly: 'exactly', 'at most': 'at most', 'more than': 'more than', 'less than': 'less than' },
    wholeHeading: {
      full: (title: string) => `Everything the article says ("${title}"):`,
      context: (title: string) => `Background to "${title}":`,
      timeline: (title: string) => `Timeline ("${title}"):`,
      figures: (title: string) => `Key figures ("${title}"):`,
      quotes: (title: string) => `Quotes from the article ("${title}"):`,
      people: (title: string) => `Who's who ("${title}"):`,
    },
    quotesOf: (name: string) => `What ${name} said, in the article's words:`,
    sourceOf: (title: string, publisher?: string, date?: string, language?: Lang) =>
      [`"${title}"`, publisher ? `published by ${publisher}` : 'with no credit line', date ? `on ${date}` : '', language ? `in ${languageNames.en[language]}` : ''].filter(Boolean).join(', ') + '.',
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
    otherLanguage: 'Je réponds en français ou en anglais (I answer in English or French).',
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
    helpful: 'Utile',
    notHelpful: 'Pas utile',
    feedbackNoted: "Merci, c'est noté.",
    feedbackTooOld: (days: number) => `Cette réponse a plus de ${days} jours et ne peut plus être notée ; reposez la question pour noter la nouvelle.`,
    feedbackOff: 'Les avis ne sont pas enregistrés ici.',
    nothingToRate: "Rien à noter : /good et /bad notent la réponse qui vient d'être donnée, quand elle cite l'article.",
    quoted: (text: string) => `« ${text} »`,
    and: 'et',
    around: (date: string) => `vers le ${date}`,
    notCovered: (ask: string) => `L'article ne parle pas de « ${ask} ».`,
    moreAsks: (count: number) => `(${count === 1 ? 'Une autre question' : `${count} autres questions`} dans ce message : posez-${count === 1 ? 'la' : 'les'} à part pour une réponse.)`,
    missingRole: (role: Role, claim?: string) => `L'article ne dit pas ${claim ? `${ROLE_QUESTION.fr[role]} ${claim}` : ROLE_ALONE.fr[role]}.`,
    coarseRole: (role: Role, known: string) => (role === 'when' ? `L'article ne donne pas l'heure : il dit seulement ${known}.` : `L'article ne dit pas dans quelle ville : il dit seulement ${known}.`),
    textUndated: 'Son texte ne donne pas sa date.',
    unnamed: (who: string) => `L'article ne donne pas le nom de ${who}.`,
    missingMeasure: (measure: Attribute, subject: string) => `L'article ne le dit pas : il ne donne pas ${MEASURE_NOUNS.fr[measure] ?? measure} pour « ${subject} ».`,
    itSays: 'Ce qu’il dit :',
    roleLabel: {
      when: (date: string) => `Quand : ${date}.`,
      where: (place: string) => `Où : ${place}.`,
      who: (names: string) => `Qui : ${names}.`,
      said_by: (name: string) => `Selon ${name} :`,
      how_many: (figure: string) => `Combien : ${figure}.`,
      why: "Pourquoi, selon l'article :",
    },
    qualifier: { 'at least': 'au moins', about: 'environ', exactly: 'exactement', 'at most': 'au plus', 'more than': 'plus de', 'less than': 'moins de' },
    wholeHeading: {
      full: (title: string) => `Tout ce que dit l'article (« ${title} ») :`,
      context: (title: string) => `Le contexte (« ${title} ») :`,
      timeline: (title: string) => `Chronologie (« ${title} ») :`,
      figures: (title: string) => `Les chiffres clés (« ${title} ») :`,
      quotes: (title: string) => `Les citations de l'article (« ${title} ») :`,
      people: (title: string) => `Qui est qui (« ${title} ») :`,
    },
    quotesOf: (name: string) => `Ce qu'a dit ${name}, dans les mots de l'article :`,
    sourceOf: (title: string, publisher?: string, date?: string, language?: Lang) =>
      [`« ${title} »`, publisher ? `publié par ${publisher}` : 'sans mention de source', date ? `le ${date}` : '', language ? `en ${languageNames.fr[language]}` : ''].filter(Boolean).join(', ') + '.',
  },
} satisfies Record<Lang, Record<string, unknown>>;
