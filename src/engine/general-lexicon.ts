/**
 * Words of news reporting that mean the same, in English and French, shipped with the engine rather than with an
 * article: a summary written in minutes has no synonym groups of its own, and readers still say "fled" for
 * "sortis" and "backers" for "soutiens". Groups are tight (one meaning each), not topic clusters: "call" is not
 * "called" (a name). A trailing * matches any ending. Entries are matched folded (no case, no accents).
 */
export const GENERAL_SYNONYMS: readonly (readonly string[])[] = [
  // Leaving a place.
  ['evacuation', 'evacuate', 'evacuated', 'evacuee*', 'evacu*', 'sortis', 'sortie', 'sortir', 'sont sortis', 'left', 'leave', 'leaving', 'fled', 'flee', 'fleeing', 'quitter', 'quitte', 'quittent', 'partis', 'partir', 'exode', 'exodus', 'escaped', 'get out', 'got out', 'departed', 'displaced'],
  // Killing.
  ['assassinat', 'assassine', 'assassination', 'assassinated', 'assassinate', 'murder', 'murdered', 'meurtre', 'killing', 'killed', 'kill', 'tue', 'tuer', 'slain', 'shot', 'shoot', 'gunned down', 'abattu'],
  // Dying and casualties.
  ['mort', 'morts', 'dead', 'deaths', 'death', 'died', 'die', 'decede', 'deces', 'fatalities'],
  // The count of the dead and wounded, not one death.
  ['bilan', 'toll', 'death toll', 'casualties', 'casualty', 'victimes', 'victims', 'bilan humain', 'nombre de morts'],
  ['blesses', 'blesse', 'wounded', 'injured', 'injuries', 'blessures'],
  // Arresting.
  ['interpellation*', 'interpelle*', 'arrest*', 'arrete', 'arretes', 'arrestation*', 'detained', 'detain', 'detention', 'detenus', 'custody', 'apprehended', 'garde a vue'],
  // Supporting a side.
  ['soutien', 'soutiens', 'soutenir', 'soutenu', 'support', 'supports', 'supported', 'supporting', 'supporter', 'supporters', 'backer', 'backers', 'backs', 'backing', 'backed', 'appui', 'appuie', 'appuyer', 'appuyes', 'sponsor', 'sponsors', 'parrain', 'parrains', 'patron', 'patrons', 'allies', 'ally', 'allie'],
  // Agreeing and committing.
  ['convenus', 'convenu', 'convenir', 'agree', 'agreed', 'agreement', 'agreements', 'accord', 'accords', 'deal', 'entendus', 'consensus'],
  ['engagement', 'engagements', 'engager', 'engage', 'engages', 'engagent', 'commit', 'committed', 'commitment', 'commitments', 'pledge', 'pledged', 'pledges', 'promise', 'promised', 'promises', 'promis', 'promesse', 'promesses', 'vowed', 'vow', 'undertake', 'undertook'],
  // Saying.
  ['said', 'say', 'says', 'declared', 'declare', 'declaration', 'declarations', 'statement', 'statements', 'stated', 'announced', 'announce', 'annonce', 'annonces', 'affirmed', 'affirme', 'dit', 'dire', 'indique', 'souligne', 'stressed', 'underlined', 'told'],
  // Reacting.
  ['reaction', 'reactions', 'react', 'reacted', 'reagi', 'reagir', 'reagissent', 'response', 'responded', 'respond', 'reponse', 'repondu'],
  // Meeting.
  ['meeting', 'meetings', 'meet', 'met', 'reunion', 'reunis', 'reunir', 'rencontre', 'rencontres', 'rencontrer', 'summit', 'sommet', 'gathering'],
  // Negotiating.
  ['negociation*', 'negocier', 'negotiation*', 'negotiate', 'negotiating', 'talks', 'pourparlers', 'peace talks', 'discussions', 'dialogue'],
  ['cessez le feu', 'ceasefire', 'cease fire', 'truce', 'treve', 'armistice'],
  ['paix', 'peace', 'peaceful', 'pacifique'],
  // Taking back, taking over.
  ['reprendre', 'reprise', 'repris', 'retake', 'retook', 'retaken', 'recapture', 'recaptured', 'reconquerir', 'reconquete', 'reconquer', 'regain', 'regained', 'took back', 'take back'],
  ['guarantor*', 'garant', 'garants', 'garantir', 'guarantee', 'guaranteed', 'guarantees'],
  ['aide', 'aid', 'help', 'helped', 'assistance', 'secours', 'relief'],
  ['humanitaire', 'humanitarian'],
  // Fighting.
  ['guerre', 'war', 'conflit', 'conflict', 'hostilities', 'hostilites'],
  ['combat', 'combats', 'fighting', 'fight', 'battle', 'lutte', 'lutter', 'combattre'],
  ['terrorisme', 'terrorism', 'terror', 'terrorist', 'terrorists', 'terroriste', 'terroristes'],
  ['cooperation', 'cooperate', 'cooperer', 'collaboration', 'collaborate', 'collaborer', 'work together', 'travailler ensemble'],
  ['relations', 'relation', 'ties', 'relationship', 'rapports', 'liens'],
  ['crise', 'crisis', 'crises'],
  ['elargir', 'elargissement', 'etendre', 'extend', 'extending', 'extended', 'extension', 'widen', 'widening', 'expand', 'expanding', 'broaden', 'prolonger', 'prolongation'],
  ['faciliter', 'facilitate', 'facilitating', 'ease', 'easier'],
  // (Not "movement" alone: its stem is "move", and a speech "moved" inside is no free movement.)
  ['circulation', 'free movement', 'move freely', 'circuler', 'freedom of movement', 'libre circulation'],
  ['territoire', 'territory', 'territorial', 'territoriale', 'integrite', 'integrity', 'intact', 'unity', 'unite'],
  ['remain', 'remaining', 'remains', 'stuck', 'trapped', 'left behind', 'rester', 'restent', 'coince', 'coinces', 'bloques', 'pieges'],
  ['provocation', 'provoke', 'provoked', 'provoquer'],
  ['attentat', 'attentats', 'attaque', 'attaques', 'attack', 'attacks', 'assault', 'agression'],
  // People and bodies.
  ['rebelles', 'rebelle', 'rebels', 'rebel', 'insurges', 'insurgents', 'insurgent'],
  ['gouvernement', 'government', 'regime', 'authorities', 'autorites'],
  ['armee', 'army', 'troops', 'troupes', 'military', 'militaire', 'militaires', 'forces', 'soldiers', 'soldats'],
  ['milice', 'milices', 'militia', 'militias', 'paramilitary', 'fighters', 'combattants'],
  ['civils', 'civilians', 'civilian', 'population civile'],
  ['habitants', 'residents', 'inhabitants'],
  ['ministre', 'ministres', 'minister', 'ministers'],
  ['president', 'presidents', 'presidente', 'head of state', 'chef de l etat', 'chefs d etat', 'heads of state'],
  ['dirigeant', 'dirigeants', 'leader', 'leaders', 'chef', 'chefs'],
  ['ambassadeur', 'ambassador', 'envoy', 'emissaire'],
  ['diplomatie', 'diplomacy', 'foreign affairs', 'affaires etrangeres'],
  ['porte parole', 'spokesperson', 'spokeswoman', 'spokesman'],
  ['pays', 'country', 'countries', 'nation', 'nations', 'etat', 'etats', 'state', 'states'],
  ['ville', 'city', 'cities', 'villes', 'town'],
  ['gens', 'people', 'personnes', 'persons', 'folks', 'individus', 'individuals'],
  ['invites', 'invite', 'guests', 'guest', 'attendees', 'participants', 'attended', 'present', 'presents', 'came', 'showed up', 'venu', 'venus', 'venue a', 'etaient la', 'were there'],
  ['ceremonie', 'ceremony', 'ceremonies', 'celebration', 'celebrations'],
  ['police', 'policiers', 'policier', 'gendarmes', 'gendarme', 'officers', 'cops', 'flics', 'security forces', 'forces de l ordre'],
  ['visiteurs', 'visiteur', 'visitors', 'visitor', 'tourists', 'touristes'],
  ['paid', 'pay for', 'paid for', 'paye', 'payer', 'ont paye', 'a paye', 'financed', 'funded', 'financement', 'finance', 'financee', 'finance par', 'funding', 'fonds', 'funds'],
  ['argent', 'money', 'somme', 'sum', 'montant', 'amount', 'budget'],
  ['reliquat', 'leftover', 'remainder', 'surplus', 'solde', 'rest of the money'],
  ['identique', 'identical', 'same', 'pareil', 'pareille', 'similar', 'semblable', 'a l identique', 'copy', 'replica'],
  ['dons', 'don', 'donations', 'donation', 'donated', 'donors', 'donor', 'donateurs', 'donateur', 'gifts', 'contributions'],
  ['incendie', 'fire', 'blaze', 'flames', 'flammes'],
  ['restauration', 'restoration', 'restored', 'restore', 'restaurer', 'restauree', 'rebuild', 'rebuilt', 'rebuilding', 'reconstruction', 'reconstruire', 'reconstruite', 'rebatir', 'rebatirons', 'renovation', 'renovated'],
  ['travaux', 'works', 'chantier', 'construction site', 'worksite', 'building work'],
  ['rouvert', 'rouvre', 'reouverture', 'reopened', 'reopening', 'reopen', 'rouvrir'],
  ['ouvriers', 'workers', 'artisans', 'craftsmen', 'craftspeople', 'compagnons'],
  // What a figure is called: a fact of kind "figure" holds this group (see documents.ts).
  ['figure', 'figures', 'number', 'numbers', 'chiffre', 'chiffres', 'nombre', 'statistic', 'statistics', 'stats', 'count', 'tally', 'estimate', 'estimation'],
  // Time.
  ['jours', 'jour', 'days', 'day'],
  ['semaine', 'semaines', 'week', 'weeks'],
  ['mois', 'month', 'months'],
  ['annee', 'annees', 'year', 'years'],
  ['hier', 'yesterday'],
  ['lundi', 'monday'], ['mardi', 'tuesday'], ['mercredi', 'wednesday'], ['jeudi', 'thursday'], ['vendredi', 'friday'], ['samedi', 'saturday'], ['dimanche', 'sunday'],
  // Reasons.
  ['raison', 'raisons', 'reason', 'reasons', 'cause', 'causes', 'caused', 'motif', 'motive'],
  ['objectif', 'objectifs', 'goal', 'goals', 'aim', 'aims', 'purpose', 'intention', 'plan', 'plans', 'projet', 'ambition', 'ambitions', 'wants', 'want', 'veut', 'vouloir', 'souhaite'],
  ['importance', 'important', 'importante', 'significance', 'significant', 'matter', 'matters'],
  ['annule', 'annulee', 'cancelled', 'canceled', 'cancel', 'called off', 'annuler', 'postponed'],
  ['maintenu', 'maintenue', 'maintained', 'went ahead', 'go ahead'],
  ['source', 'sources', 'agence', 'agency', 'agencies', 'agences', 'credit', 'wrote', 'written', 'ecrit', 'auteur', 'author'],
];
