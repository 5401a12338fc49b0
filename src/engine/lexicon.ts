/**
 * What the engine knows of English and French that is not about any article: function words, the words
 * that say what kind of answer is wanted, chat shorthand. Article words live in knowledge/.
 * Every entry is folded (lower case, no accents), as the tokenizer produces them.
 */
import { eng } from 'stopword/src/stopwords_eng.js';
import { fra } from 'stopword/src/stopwords_fra.js';
import type { QuestionType } from '../knowledge/types.ts';
import { fold } from './normalize.ts';

const words = (text: string): string[] => text.trim().split(/\s+/);

/**
 * Words that carry no topic: they neither count towards a match nor against it. The function words of
 * both languages (the stopword package's lists), and the words of questions and chat that name nothing.
 * A word the knowledge gives a meaning to ("without", "still", "said") keeps it: the knowledge is read first.
 */
export const FILLER = new Set([
  ...[...eng, ...fra].map(fold),
  // Questions and chat, English:
  ...words(`
    does done doing having will shall may onto first quick question hey ok okay due heard hear true truly rumor rumour
    claim mean means meant supposed suppose regarding concerning during among its theirs she hers whom whose why
    when whether so not no yes just please pls tell know knew explain give gave show let wonder wondering really
    actually ever role anything something everything thing things article articles news story report text piece
    according mention mentioned mentions happen happened happening happens occur occurred going gonna gets took
    taking place places held hold holding total overall least around approximately roughly one ones others isnt
    wasnt werent didnt doesnt dont arent hasnt havent cant wont couldnt wouldnt shouldnt read saw seen understand
    basically simply curious confused kind sort type against toward towards within upon across until us
    operation operations
  `),
  // Questions and chat, French:
  ...words(`
    fait fais font ca elles quoi lequel laquelle lesquels lesquelles sous plus moins tres trop aussi donc car si
    comment combien quand pourquoi tout tous toute toutes autre autres texte depeche selon parle parler parlent
    dis dites plait merci svp stp sait savoir sais connais veux voudrais aimerais peux pouvez lieu tenu tenue
    tiendront tiendra tenir passe passee arrive arrivee arriver agit agissait chose choses vraiment maintenant
    environ juste seulement seul seule seuls seules possible possibles concerne concernent concernant propos apres
    signifie signifient parce vrai entendu entend rumeur parait donne donner donnez donnes histoire affaire vient
    venir viens dedans ladedans bien alors ainsi celle celui ceux celles quelque quelques chaque entre parmi avant
    lors contre vers chez durant pendant encore deja toujours jamais peu beaucoup plusieurs certains certaines
    principe cite citee va vont allait faite faits faites bon vu voir lu lire comprends comprend comprendre
    concretement simplement concernerait concernera concerneront concernait concerner curieux
  `),
]);

/** Phrases that say what kind of answer is wanted, longest first when matched. */
export const QUESTION_TYPE_PHRASES: [string, QuestionType][] = [
  ['how many days', 'how_long'], ['combien de jours', 'how_long'], ['combien de temps', 'how_long'],
  ['depuis combien de temps', 'how_long'], ['how long', 'how_long'], ['since when', 'how_long'],
  ['depuis quand', 'how_long'], ['duree', 'how_long'], ['duration', 'how_long'],
  ['how many', 'how_many'], ['how much', 'how_many'], ['combien', 'how_many'], ['number of', 'how_many'],
  ['nombre de', 'how_many'], ['quel nombre', 'how_many'], ['count', 'how_many'], ['cb', 'how_many'],
  ['who', 'who'], ['whom', 'who'], ['whose', 'who'], ['qui', 'who'], ['which organisation', 'who'],
  ['which organization', 'who'], ['quelle organisation', 'who'], ['which agency', 'who'], ['quel organisme', 'who'],
  ['where', 'where'], ['a quel endroit', 'where'], 
  ['when', 'when'], ['quand', 'when'], ['what day', 'when'], ['which day', 'when'], ['quel jour', 'when'],
  ['what date', 'when'], ['which date', 'when'], ['what time', 'when'],
  ['quelle date', 'when'], ['a quelle date', 'when'], ['a quel moment', 'when'],
  ['why', 'why'], ['pourquoi', 'why'], ['for what reason', 'why'], ['pour quelle raison', 'why'],
  ['how', 'how'], ['comment', 'how'],
  ['what', 'what'], ['which', 'what'], ['que', 'what'], ['quoi', 'what'], ['quel', 'what'], ['quelle', 'what'],
  ['quels', 'what'], ['quelles', 'what'],
];

/** Words that ask for the whole article rather than one fact. */
export const SUMMARY_WORDS = new Set(
  words(`summarize summarise summarized summary summaries sum overview gist recap recapitulate tldr tl;dr brief
    briefing digest resume resumer resumez resumes recapitule recapituler recap synthese synthetiser essentiel
    nutshell headline headlines`),
);
/** Words that, in a question with no topic of its own, ask what the article is about ("What happened?"). */
export const SUMMARY_CUES = new Set(words('about happened happening happen new news going passe passee parle agit neuf nouvelles nouveau'));

/** Words that only greet or thank: answered with a short hello, not refused as off-topic. */
export const GREETINGS = new Set(
  words(`hi hello hey heya hiya yo hola bonjour bonsoir salut coucou thanks thank thx ty merci cheers morning
    evening good bonne soiree journee`),
);

/** Openings that mark a follow-up on the previous topic: "And Erdogan?", "Et pour la Turquie ?". */
export const FOLLOW_UP_OPENINGS: string[][] = [
  'and', 'et', 'what about', 'how about', 'and what about', 'what of', 'same for', 'et pour', 'et concernant',
  'quid de', 'et du cote de', 'et qu en est il de', 'et de', 'et la', 'et le', 'et les', 'also', 'aussi',
].map(words);

/** Pronouns that stand for the last person or country spoken of. */
export const PRONOUNS = new Set(words('he him his she her they them their it il elle lui ils elles eux leur leurs'));

/**
 * Words that ask for a precise detail ("which groups exactly?"). Known gaps are lists of missing details,
 * so these words count towards every gap.
 */
export const DETAIL_WORDS = new Set(
  words('exactly exact precisely precise specifically specific detail details detailed exactement exacte precisement precis precise specifiquement preciser detaille'),
);
export const DETAIL_CONCEPT = 'q:detail';

/** Words that ask for a name or a post: an actor's entry answers them ("Comment s'appelle le chef de la diplomatie russe ?"). */
export const NAME_WORDS = new Set(
  words('name names named surname nom noms prenom appelle appellent appelait appelaient sappelle identity identite poste position job fonction occupation profession metier'),
);
export const NAME_CONCEPT = 'q:name';

/** Two-word idioms read as one word before anything else: "ça veut dire quoi" asks what a word means. */
export const IDIOMS = new Map<string, string>([
  ['veut dire', 'signifie'], ['veux dire', 'signifie'], ['veulent dire', 'signifie'], ['voulait dire', 'signifie'],
]);

/** Chat shorthand expanded before anything else. */
export const SHORTHAND = new Map<string, string>([
  ['ppl', 'people'], ['ppls', 'people'], ['govt', 'government'], ['gov', 'government'], ['gvt', 'gouvernement'],
  ['abt', 'about'], ['u', 'you'], ['r', 'are'], ['pq', 'pourquoi'],
  ['pk', 'pourquoi'], ['qd', 'quand'], ['ds', 'dans'], ['bcp', 'beaucoup'], ['nb', 'nombre'], ['amb', 'ambassador'],
  ['ceasfire', 'ceasefire'], ['smth', 'something'], ['wht', 'what'], ['shud', 'should'], ['shld', 'should'], ['cud', 'could'], ['wud', 'would'], ['cuz', 'because'], ['bc', 'because'], ['ur', 'your'], ['plz', 'please'], ['thx', 'thanks'], ['koi', 'quoi'], ['kwa', 'quoi'], ['pkoi', 'pourquoi'], ['cmb', 'combien'], ['tjs', 'toujours'], ['ms', 'mais'], ['sth', 'something'], ['wat', 'what'], ['wut', 'what'], ['whats', 'what'], ['qqch', 'quelque'], ['qqn', 'quelqu'], ['info', 'information'], ['infos', 'information'],
  ['ki', 'qui'], ['ke', 'que'], ['kel', 'quel'], ['kelle', 'quelle'], ['kels', 'quels'], ['kan', 'quand'], ['kand', 'quand'],
  ['cmt', 'comment'], ['cmnt', 'comment'], ['pr', 'pour'], ['dc', 'donc'], ['tt', 'tout'], ['mtn', 'maintenant'], ['pcq', 'parce'],
  ['hw', 'how'], ['wher', 'where'], ['wen', 'when'], ['whn', 'when'], ['hu', 'who'], ['thru', 'through'],
]);

/** English auxiliaries that open a yes/no question. */
export const YES_NO_OPENINGS = new Set(
  words('did does do is are was were has have had will would can could should shall may might'),
);
