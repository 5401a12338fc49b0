import type { LanguageWords } from './types.ts';

const list = (text: string): string[] => text.trim().split(/\s+/);

/** French, as readers write it in chat. Entries are folded: no accents ("ou" stands for "où" too). */
export const french: LanguageWords = {
  languageCues: list(`le la les un une des du de au aux et est sont ont qui que quoi quel quelle quels quelles combien ou pourquoi
    comment quand il ils elle elles ce cette ces son sa ses leur leurs dans sur avec pour par pas ne plus vous nous je tu moi
    dit dis ete etait fait font y en se qu lequel laquelle donc mais aussi selon parle resume resumer resumez personnes contre
    apres avant depuis pendant entre bonjour salut coucou bonsoir merci cest quest`),

  functionWords: list(`fait fais font ca elles quoi lequel laquelle lesquels lesquelles sous plus moins tres trop aussi donc car si
    comment combien quand pourquoi tout tous toute toutes autre autres texte depeche selon parle parler parlent dis dites
    plait merci svp stp sait savoir sais connais veux voudrais aimerais peux pouvez lieu tenu tenue tiendront tiendra tenir
    passe passee arrive arrivee arriver agit agissait chose choses vraiment maintenant environ juste seulement seul seule
    seuls seules possible possibles concerne concernent concernant propos apres signifie signifient parce vrai entendu entend
    rumeur parait donne donner donnez donnes histoire affaire vient venir viens dedans ladedans bien alors ainsi celle celui
    ceux celles quelque quelques chaque entre parmi avant lors contre vers chez durant pendant encore deja toujours jamais
    peu beaucoup plusieurs certains certaines principe cite citee va vont allait faite faits faites bon vu voir lu lire
    comprends comprend comprendre concretement simplement concernerait concernera concerneront concernait concerner curieux
    article articles nouvelle nouvelles infos information informations cest quest passer passera passeront passent passait
    passaient deroule deroulera derouleront deroulent aura auront decrit decrite decrire`),

  chatFiller: list(`ok okay bref genre stp svp bon ben bah alors euh heu hein mdr ptdr lol wesh tiens dis dites voila enfin
    coup fait attends attendez deja donc sinon ouais oui franchement serieux vraiment hop allez tkt jsp chai super parfait top
    genial cool interessant quandmeme`),

  shorthand: {
    gvt: 'gouvernement', pq: 'pourquoi', pk: 'pourquoi', pkoi: 'pourquoi', qd: 'quand', ds: 'dans', bcp: 'beaucoup',
    nb: 'nombre', koi: 'quoi', kwa: 'quoi', cmb: 'combien', cb: 'combien', tjs: 'toujours', ms: 'mais', qqch: 'quelque',
    qqn: 'quelqu', infos: 'information', ki: 'qui', ke: 'que', kel: 'quel', kelle: 'quelle', kels: 'quels', kan: 'quand',
    kand: 'quand', cmt: 'comment', cmnt: 'comment', pr: 'pour', dc: 'donc', tt: 'tout', mtn: 'maintenant', pcq: 'parce',
    slt: 'salut', bjr: 'bonjour', mrc: 'merci', negos: 'negociations', nego: 'negociation',
  },

  // "quand même" is "anyway", not "when".
  idioms: { 'veut dire': 'signifie', 'veux dire': 'signifie', 'veulent dire': 'signifie', 'voulait dire': 'signifie', 'quand meme': 'quandmeme' },

  questionPhrases: [
    ['combien de jours', 'how_long'], ['combien d annees', 'how_long'], ["combien d'années", 'how_long'], ['combien d ans', 'how_long'], ["combien d'ans", 'how_long'],
    ['combien de mois', 'how_long'], ['combien de semaines', 'how_long'], ["combien d'heures", 'how_long'], ['combien de temps', 'how_long'], ['depuis combien de temps', 'how_long'], ['depuis quand', 'how_long'], ['duree', 'how_long'],
    ['combien', 'how_many'], ['nombre de', 'how_many'], ['quel nombre', 'how_many'],
    ['qui', 'who'], ['quelle organisation', 'who'], ['quel organisme', 'who'],
    ['a quel endroit', 'where'],
    ['quand', 'when'], ['quel jour', 'when'], ['quelle date', 'when'], ['a quelle date', 'when'], ['a quel moment', 'when'],
    ['pourquoi', 'why'], ['pour quelle raison', 'why'],
    ['comment', 'how'],
    ['que', 'what'], ['quoi', 'what'], ['quel', 'what'], ['quelle', 'what'], ['quels', 'what'], ['quelles', 'what'],
  ],

  yesNoOpenings: list('est'),

  followUpOpenings: ['et', 'et pour', 'et concernant', 'quid de', 'et du cote de', "et qu'en est-il de", 'et de', 'et la', 'et le', 'et les', 'aussi'],

  pronouns: list('il elle lui ils elles eux leur leurs'),
  personPronouns: list('il elle lui'),
  pluralPronouns: list('ils elles eux leur leurs'),

  demonstratives: list('ce cet cette ces'),

  attributes: {
    age: ['age', 'quel age', 'anniversaire', 'naissance', 'est ne', 'est nee', 'sont nes', 'date de naissance'],
    population: ['population', 'populations', 'habitants', 'habitant', 'peuplee', 'vivent a', 'habitent'],
    economy: ['pib', 'economie', 'chomage', 'bourse', 'exportations', 'inflation'],
    weather: ['meteo', 'temperature', 'temperatures', 'pleut', 'neige', 'ensoleille', 'climat', 'quel temps', 'temps fait il', "temps qu'il fait"],
    distance: ['distance', 'loin', 'kilometres', 'km', 'eloigne', 'eloignee'],
    price: ['prix', 'coute', 'coutent', 'coutera', 'cout', 'couts', 'cher', 'chere', 'tarif', 'tarifs', 'depense', 'depenses'],
    height: ['taille', 'hauteur', 'longueur', 'metres', 'metre', 'mesure', 'haut', 'haute'],
    weight: ['pese', 'poids', 'kilos', 'kg'],
    currency: ['monnaie', 'devise', 'devises'],
    capital: ['capitale', 'capitales'],
    language: ['langue', 'langues'],
    religion: ['religion', 'religions'],
    family: ['epouse', 'mari', 'marie a', 'enfants', 'femme de', 'parents'],
    wealth: ['salaire', 'fortune', 'riche', 'gagne'],
    contact: ['telephone', 'adresse de', 'adresse du', 'adresse postale', 'courriel'],
    travel: ['avion', 'vol', 'vols', 'train', 'trajet', 'en voiture'],
    humour: ['blague', 'blagues', 'drole', 'humour', 'rire'],
    food: ['recette', 'cuisiner', 'manger', 'mange', 'nourriture', 'diner', 'dejeuner', 'restaurant', 'resto', 'kebab', 'cafe', 'bar', 'hotel', 'hotels', 'menu'],
    // "a-t-elle raison ?" is read from the sentence's shape (read.ts); these are the words.
    opinion: ['avis', 'tu penses', 'vous pensez', 'penses tu', 'pensez vous', 'ton avis', 'votre avis', 'prefere', 'as raison', 'ont raison', 'avez raison', 'elle raison', 'il raison', 'ils raison', 'avoir raison', 'tort de', 'faudrait', 'devrait', 'devraient', 'bonne idee', 'poeme', 'chanson'],
    sport: ['football', 'foot', 'championnat', 'ligue', 'champion', 'match de foot'],
    area: ['superficie', 'km2'],
    later: ['aujourdhui', 'actuellement', 'demain', 'recemment', 'depuis lors', 'dernieres nouvelles', 'annees suivantes', 'finalement', 'ulterieurement', 'ce soir', 'ce week end', 'ce weekend', 'la semaine prochaine', 'le mois prochain', 'l annee prochaine', 'et apres', 'et ensuite', "qu'est-ce qui s'est passé après", "que s'est-il passé ensuite", 'depuis l article'],
  },

  opinionOpenings: list('faut faudrait devrait devraient'),

  answerKinds: {
    country: list('pays etats etat gouvernements puissances'),
    person: list('personnes personne dirigeants dirigeant responsables'),
    organisation: list('organisation organisations organisme organismes groupes'),
  },

  answerSlots: {
    where: list('ville villes endroit localite lieu'),
    when: list('jour annee mois moment'),
    person: list('personne homme femme responsable'),
    organisation: list('organisation parti partis groupe groupes'),
    country: list('pays etat etats puissance puissances'),
  },

  cityWords: list('ville villes localite'),

  timeWords: list('heure heures'),

  eventWords: list('arrive arrivee arrives passe passee produit'),

  sayingWords: list('dit dire dis disent declare declaree lance affirme'),

  placeSlots: [],

  whichWords: list('quel quels quelle quelles lesquels lesquelles'),

  inWords: list('dans en vers'),

  broadWords: list('promesses engagements reactions accords decisions mesures declarations tout tous principaux principales cles'),

  detailWords: list('exactement exacte precisement precis precise specifiquement preciser detaille'),

  nameWords: list('nom noms prenom appelle appellent appelait appelaient sappelle identite poste fonction metier'),

  summaryWords: list('resume resumer resumez resumes recapitule recapituler recap synthese synthetiser essentiel'),

  summaryCues: list('passe passee parle agit neuf nouvelles nouveau'),

  wholeArticle: {
    gist: ['en gros', 'en bref', 'en une phrase', 'en une ligne', 'une phrase', 'une ligne', 'en deux mots', 'en quelques mots', 'en resume', 'resume rapide', 'l essentiel', 'essentiel', 'le principal', 'version courte', 'rapidement'],
    full: ['resume complet', 'resume detaille', 'tout l article', 'toute l histoire', 'tous les faits', 'tous les details', 'version longue', 'en detail', 'raconte moi tout', 'dis moi tout'],
    context: ['contexte', 'le contexte', 'un peu de contexte', 'arriere plan', 'toile de fond', 'historique', 'comment on en est arrive la', 'les enjeux'],
    timeline: ['chronologie', 'chronologie des faits', 'chronologiquement', 'ordre chronologique', 'deroulement', 'deroule', 'deroule des evenements', 'les dates', 'dates cles', 'frise', 'dans l ordre', 'etape par etape', 'calendrier des faits'],
    figures: ['chiffres', 'les chiffres', 'chiffres cles', 'les chiffres cles', 'chiffres importants', 'les chiffres importants', 'statistiques', 'stats', 'les nombres', 'donnees', 'chiffres qui comptent'],
    quotes: ['citations', 'citation', 'citation exacte', 'les citations', 'mots exacts', 'ses mots', 'ses propres mots', 'leurs mots', 'mot pour mot', 'texto', 'propos exacts', 'ses propos', 'dit exactement', 'exactement dit', 'a dit exactement', 'declarations exactes', 'termes exacts', 'la phrase exacte'],
    people: ['qui est qui', 'les acteurs', 'les protagonistes', 'protagonistes', 'les personnes', 'qui sont les acteurs', 'les personnages', 'les gens', 'qui sont les gens', 'qui sont les personnes', 'les noms', 'personnes citees', 'les intervenants', 'les principaux acteurs'],
    source: ['source', 'sources', 'quelle agence', 'l agence', 'agence de presse', 'qui a ecrit', 'qui l a ecrit', 'qui a publie', 'date de publication', 'publie quand', 'sorti quand', 'c est sorti quand', 'ca date de quand', 'date de l article', 'auteur', 'd ou ca vient', 'd ou vient', 'quel journal', 'quel media', 'signature', 'ecrit quand'],
  },

  instructions: {
    shorter: ['plus court', 'plus courte', 'en plus court', 'trop long', 'version courte', 'resume', 'resume ca', 'en bref', 'court', 'fais court', 'fais plus court', 'moins de details', 'abrege', 'en un mot'],
    longer: ['plus de details', 'plus de detail', 'plus', 'plus d infos', 'plus d information', 'developpe', 'detaille', 'details', 'en detail', 'encore', 'dis m en plus', 'dites m en plus', 'et encore', 'quoi d autre', 'autre chose', 'continue', 'approfondis', 'plus long', 'version longue', 'precise'],
    french: ['en francais', 'francais', 'en francais stp', 'en francais svp', 'traduis en francais', 'tu peux le dire en francais', 'version francaise', 'dis le en francais'],
    english: ['en anglais', 'anglais', 'en anglais stp', 'en anglais svp', 'traduis en anglais', 'tu peux le dire en anglais', 'version anglaise', 'dis le en anglais'],
    sources: ['sources', 'source', 'ta source', 'tes sources', 'quelle source', 'c est quoi ta source', 'cite', 'la citation', 'ou est ce que ca dit', 'ou c est dit', 'ou c est ecrit', 'montre la citation', 'le texte original', 'l original', 'original', 'texte exact', 'preuve', 'ca vient d ou', 'la source'],
  },

  roleQuestions: {
    when: ['quand', 'c etait quand', 'c est quand', 'ca s est passe quand', 'quand ca', 'quand exactement', 'et quand', 'quel jour', 'c etait quel jour', 'quelle date', 'a quelle date', 'a quel moment', 'quand est ce', 'il a dit ca quand', 'elle a dit ca quand', 'ils ont dit ca quand', 'quand a t il dit ca', 'c etait ou et quand'],
    where: ['ou', 'c etait ou', 'c est ou', 'ca s est passe ou', 'ou ca', 'ou exactement', 'et ou', 'dans quelle ville', 'a quel endroit', 'ou est ce', 'ca se passait ou', 'ou ca se passe'],
    who: ['qui', 'qui ca', 'c est qui', 'c etait qui', 'qui exactement', 'par qui', 'et qui', 'qui a fait ca', 'qui est derriere', 'qui l a fait'],
    said_by: ['qui a dit ca', 'qui l a dit', 'c est qui qui l a dit', 'c est qui qui a dit ca', 'qui dit ca', 'selon qui', 'd apres qui', 'qui a donne ce chiffre', 'qui donne ce chiffre', 'qui a donne le chiffre', 'le chiffre vient de qui', 'ce chiffre vient d ou', 'qui a annonce ca', 'qui l a annonce', 'qui affirme ca', 'de qui vient ce chiffre', 'qui le dit', 'qui parle', 'qui a dit'],
    how_many: ['combien', 'combien exactement', 'combien de personnes', 'ca fait combien', 'c est combien', 'combien en tout'],
    why: ['pourquoi', 'pourquoi ca', 'pourquoi donc', 'pour quelle raison', 'et pourquoi', 'pourquoi il a dit ca', 'pourquoi ils ont fait ca', 'pourquoi il a fait ca', 'comment ca se fait'],
  },

  smallTalk: {
    greeting: ['bonjour', 'bonsoir', 'salut', 'coucou', 'bonne journee', 'bonne soiree', 'slt', 'bjr', 'hello', 'wesh'],
    thanks: ['merci', 'merci beaucoup', 'super merci', 'mrc', 'merci bien', 'merci infiniment'],
    bye: ['au revoir', 'a plus', 'adieu', 'a bientot', 'a plus tard', 'bonne nuit', 'ciao'],
    ack: ['oui', 'non', 'd accord', 'daccord', 'dac', 'entendu', 'compris', 'super', 'parfait', 'top', 'genial', 'bien', 'tres bien', 'ah', 'oh', 'ok', 'interessant', 'note', 'ouais', 'ah bon', 'je vois', 'pas mal', 'bon', 'ben', 'bref', 'ah ok'],
    identity: ['aide', 'qui es tu', 'qui etes vous', 't es qui', 'tu es qui', 'vous etes qui', 'que sais tu faire', 'que peux tu faire', 'que pouvez vous faire', 'tu fais quoi', 'comment tu marches', 'comment ca marche', 'es tu un robot', 't es un bot', 'tu sers a quoi'],
    empty: [],
  },

  polite: list('beaucoup bien encore stp svp moi toi vous'),

  questionOpenings: list('qui que quoi ou quand comment pourquoi combien quel quelle quels quelles lequel laquelle'),

  conjunctions: list('et puis aussi'),
};
