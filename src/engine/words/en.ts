import type { LanguageWords } from './types.ts';

const list = (text: string): string[] => text.trim().split(/\s+/);

/** English, as readers write it in chat. See LanguageWords for what each list is for. */
export const english: LanguageWords = {
  languageCues: list(`the a an and is are was were who what which whose whom how many much where why when did does do has have
    had he she they it this that these those his her their in on with for by not no of to about from tell me give say said
    people will would can could should there any after before since during between against summarize summary happened
    agree agreed hello hi hey thanks`),

  functionWords: list(`does done doing having will shall may onto first quick question hey ok okay due heard hear true truly
    rumor rumour claim mean means meant supposed suppose regarding concerning during among its theirs she hers whom whose why
    when whether so not no yes just please pls tell know knew explain give gave show let wonder wondering really actually ever
    role anything something everything thing things article articles news story report text piece according mention
    mentioned mentions happen happened happening happens occur occurred going gonna gets took taking place places held hold
    holding total overall least around approximately roughly one ones others isnt wasnt werent didnt doesnt dont arent hasnt
    havent cant wont couldnt wouldnt shouldnt read saw seen understand basically simply curious confused kind sort type
    against toward towards within upon across until us operation operations describe describes described description`),

  chatFiller: list(`ok okay okey so wait lol lmao rofl pls plz please then hmm hm um uh btw anyway anyways like yeah yep hey yo
    bruh bro tho though ah oh well alright idk dunno kinda sorta haha hahaha omg wow dude guys man again also real quick pal
    mate honestly seriously literally nice cool great awesome perfect interesting sure`),

  shorthand: {
    ppl: 'people', ppls: 'people', govt: 'government', gov: 'government', abt: 'about', u: 'you', r: 'are', smth: 'something',
    sth: 'something', wht: 'what', wat: 'what', wut: 'what', whats: 'what', shud: 'should', shld: 'should', cud: 'could',
    wud: 'would', cuz: 'because', bc: 'because', ur: 'your', plz: 'please', thx: 'thanks', info: 'information',
    hw: 'how', wher: 'where', wen: 'when', whn: 'when', hu: 'who', thru: 'through', amb: 'ambassador', whos: 'who', wheres: 'where',
    hows: 'how', whens: 'when', whys: 'why', ya: 'you', dat: 'that', da: 'the', wich: 'which', wot: 'what',
  },

  idioms: {},

  questionPhrases: [
    ['how many days', 'how_long'], ['how many years', 'how_long'], ['how many months', 'how_long'], ['how many weeks', 'how_long'],
    ['how many hours', 'how_long'], ['how long', 'how_long'], ['since when', 'how_long'], ['duration', 'how_long'],
    ['how many', 'how_many'], ['how much', 'how_many'], ['number of', 'how_many'], ['count', 'how_many'],
    ['who', 'who'], ['whom', 'who'], ['whose', 'who'], ['which organisation', 'who'], ['which organization', 'who'], ['which agency', 'who'],
    ['where', 'where'],
    ['when', 'when'], ['what day', 'when'], ['which day', 'when'], ['what date', 'when'], ['which date', 'when'], ['what time', 'when'],
    ['why', 'why'], ['for what reason', 'why'],
    ['how', 'how'],
    ['what', 'what'], ['which', 'what'],
  ],

  yesNoOpenings: list('did does do is are was were has have had will would can could should shall may might'),

  followUpOpenings: ['and', 'what about', 'how about', 'and what about', 'what of', 'same for', 'also'],

  pronouns: list('he him his she her they them their it'),
  personPronouns: list('he him his she her'),
  pluralPronouns: list('they them their'),

  demonstratives: list('this that these those'),

  attributes: {
    age: ['age', 'ages', 'aged', 'how old', 'birthday', 'birth', 'born', 'birthplace'],
    population: ['population', 'populations', 'inhabitants', 'inhabitant', 'residents', 'resident', 'reside', 'resides', 'populated', 'live in', 'lives in', 'living in'],
    economy: ['gdp', 'economy', 'gross domestic', 'inflation', 'unemployment', 'stock market', 'exports'],
    weather: ['weather', 'temperature', 'temperatures', 'forecast', 'raining', 'snowing', 'sunny', 'climate'],
    distance: ['distance', 'how far', 'far from', 'kilometres', 'kilometers', 'km', 'miles'],
    price: ['price', 'prices', 'cost', 'costs', 'costed', 'expensive', 'cheap', 'spent', 'spend'],
    height: ['tall', 'height', 'how high', 'length', 'lengths', 'metres', 'meters', 'metre', 'meter'],
    weight: ['weigh', 'weighs', 'weight', 'kilos', 'kg'],
    currency: ['currency', 'currencies'],
    capital: ['capital', 'capitals'],
    language: ['language', 'languages', 'spoken'],
    religion: ['religion', 'religions', 'faith'],
    family: ['wife', 'husband', 'married', 'spouse', 'children', 'kids', 'girlfriend', 'boyfriend', 'parents'],
    wealth: ['salary', 'net worth', 'fortune', 'rich', 'earns', 'earn'],
    contact: ['phone', 'address', 'email', 'e mail'],
    travel: ['flight', 'flights', 'fly', 'plane', 'train', 'drive', 'driving', 'by car'],
    humour: ['joke', 'jokes', 'funny', 'humour', 'humor', 'laugh'],
    food: ['recipe', 'cook', 'eat', 'ate', 'food', 'dinner', 'lunch', 'breakfast', 'restaurant', 'kebab', 'cafe', 'bar', 'hotel', 'hotels', 'menu'],
    // Judgements the article leaves to its readers: "should the West arm the rebels?".
    opinion: ['opinion', 'you think', 'your view', 'favourite', 'favorite', 'right to', 'wrong to', 'good idea', 'poem', 'song', 'story about'],
    sport: ['football', 'soccer', 'score', 'won the match', 'champion', 'championship', 'league'],
    area: ['area', 'square kilometres', 'square miles', 'km2'],
    // A time after the article ("the latest", "today"): no entry can state it.
    later: ['latest', 'newest', 'update', 'updates', 'today', 'tonight', 'tomorrow', 'currently', 'nowadays', 'recently', 'afterwards', 'eventually', 'subsequently', 'following years', 'since then', 'this weekend', 'next week', 'next month', 'next year', 'right now', 'what happened after', 'what happened next', 'happened afterwards', 'after that', 'what came next'],
  },

  opinionOpenings: list('should shall ought'),

  answerKinds: {
    country: list('countries country states nations nation governments powers'),
    person: list('people person persons leaders leader officials'),
    organisation: list('organisation organisations organization organizations groups agency agencies'),
  },

  answerSlots: {
    where: list('city cities town place location venue site'),
    when: list('day date year month'),
    person: list('person man woman official'),
    organisation: list('party parties group groups organisation organization agency'),
    country: list('country countries nation nations state states'),
  },

  cityWords: list('city cities town towns'),

  timeWords: list('time hour hours oclock'),

  eventWords: list('happened happen happens happening occurred'),

  sayingWords: list('say says said tell told declare declared stated'),

  placeSlots: list('venue location whereabouts'),

  whichWords: list('which what'),

  inWords: list('in to into'),

  broadWords: list('promises commitments pledges reactions responses agreements decisions measures statements steps points everything all main key'),

  detailWords: list('exactly exact precisely precise specifically specific detail details detailed'),

  nameWords: list('name names named surname identity position job occupation profession'),

  summaryWords: list('summarize summarise summarized summary summaries sum overview gist recap recapitulate tldr brief briefing digest nutshell headline headlines'),

  summaryCues: list('about happened happening happen new news going'),

  wholeArticle: {
    gist: ['gist', 'nutshell', 'in a nutshell', 'one line', 'in one line', 'one sentence', 'in one sentence', 'tldr', 'in short', 'short version', 'quick summary', 'in brief', 'main point', 'bottom line', 'headline', 'in a few words', 'quick recap'],
    full: ['full summary', 'detailed summary', 'full story', 'whole story', 'long version', 'all the facts', 'everything in the article', 'tell me everything', 'all the details'],
    context: ['background', 'context', 'backstory', 'back story', 'big picture', 'bigger picture', 'what led to this', 'how did we get here', 'some context', 'the context'],
    timeline: ['timeline', 'time line', 'chronology', 'chronological', 'sequence of events', 'order of events', 'what happened when', 'key dates', 'dates', 'in order', 'step by step'],
    figures: ['numbers', 'figures', 'stats', 'statistics', 'key figures', 'key numbers', 'the numbers', 'numbers that matter', 'figures that matter', 'the figures', 'data', 'important numbers', 'main numbers', 'numbers involved'],
    quotes: ['quotes', 'quote', 'quotations', 'quotation', 'exact words', 'exact quote', 'word for word', 'verbatim', 'direct quote', 'said exactly', 'exactly said', 'own words', 'his words', 'her words', 'their words', 'original words', 'say exactly', 'exactly say'],
    people: ['whos who', 'who is who', 'key players', 'the players', 'main players', 'people involved', 'who is involved', 'whos involved', 'who are the actors', 'main actors', 'the actors', 'key people', 'main people', 'the people', 'protagonists', 'main characters', 'the cast', 'who are the people', 'who are the main people', 'people mentioned', 'names mentioned'],
    source: ['source', 'sources', 'which agency', 'what agency', 'news agency', 'who wrote', 'who wrote it', 'who wrote this', 'who published', 'who published it', 'when was it published', 'when was this published', 'publication date', 'credit', 'byline', 'where is this from', 'where does this come from', 'date of the article', 'article date', 'published', 'when was it written', 'when was this written', 'author', 'which newspaper', 'what newspaper', 'where did you get this'],
  },

  instructions: {
    shorter: ['shorter', 'make it shorter', 'too long', 'more briefly', 'sum it up', 'short answer', 'keep it short', 'less detail', 'be brief', 'briefly', 'shorter version', 'in a word', 'summarise that', 'summarize that', 'short please', 'tldr that'],
    longer: ['more detail', 'more details', 'more', 'tell me more', 'go on', 'elaborate', 'more info', 'more information', 'in more detail', 'details', 'longer', 'say more', 'explain more', 'go deeper', 'what else', 'anything else', 'can you elaborate', 'expand on that', 'more on that', 'keep going', 'full version'],
    french: ['in french', 'french', 'say it in french', 'translate to french', 'translate into french', 'in french please', 'french version', 'can you say that in french'],
    english: ['in english', 'english', 'say it in english', 'translate to english', 'translate into english', 'in english please', 'english version', 'can you say that in english'],
    sources: ['sources', 'source', 'your source', 'your sources', 'what is your source', 'what source', 'cite', 'citation', 'citations', 'where does it say', 'where does it say that', 'where does that come from', 'show me the quote', 'quote it', 'the quote', 'original', 'the original', 'original text', 'original french', 'what is the original french', 'the original french', 'original version', 'proof', 'evidence', 'says where', 'source for that', 'where is that from'],
  },

  roleQuestions: {
    when: ['when', 'when was that', 'when was it', 'when was this', 'when did that happen', 'when did it happen', 'when did this happen', 'what day', 'what day was that', 'which day', 'what date', 'when exactly', 'and when', 'at what time', 'when did he say that', 'when did she say that', 'when did they say that', 'when did he say it', 'when did they say it', 'when was that said'],
    where: ['where', 'where was that', 'where was it', 'where was this', 'where did that happen', 'where did it happen', 'where exactly', 'and where', 'in which city', 'in what city', 'which city', 'where did he say that', 'where did they say that'],
    who: ['who', 'who did it', 'who did that', 'who did this', 'who was it', 'by whom', 'who exactly', 'who was that', 'who is that', 'and who', 'who was behind it', 'who was behind that'],
    said_by: ['who said that', 'who said it', 'who said this', 'who said so', 'who says', 'says who', 'said who', 'according to whom', 'according to who', 'who gave that number', 'who gave that figure', 'who gave the number', 'who gave the figure', 'who gave it', 'whose figure', 'whose number', 'who claims that', 'who is saying that', 'who announced it', 'who announced that', 'who reported it', 'who reported that', 'who told', 'who told them', 'who is the source', 'who is quoted', 'who said'],
    how_many: ['how many', 'how much', 'how many exactly', 'what number', 'how many of them', 'how many people'],
    why: ['why', 'why is that', 'why was that', 'why did they do that', 'why did he do that', 'why did he say that', 'why did they say that', 'for what reason', 'how come', 'why so'],
  },

  smallTalk: {
    greeting: ['hi', 'hello', 'hey', 'heya', 'hiya', 'yo', 'hola', 'good morning', 'good evening', 'good afternoon', 'morning', 'evening', 'howdy', 'sup', 'hi there'],
    thanks: ['thanks', 'thank you', 'thank', 'thx', 'ty', 'cheers', 'great thanks', 'many thanks', 'thanks a lot', 'tysm'],
    bye: ['bye', 'goodbye', 'good bye', 'see you', 'ciao', 'bye bye', 'later', 'see ya', 'cya'],
    ack: ['ok', 'okay', 'okey', 'k', 'kk', 'cool', 'nice', 'great', 'good', 'fine', 'alright', 'all right', 'got it', 'i see', 'understood', 'sure', 'yes', 'no', 'yeah', 'yep', 'nope', 'ah', 'oh', 'hmm', 'hm', 'lol', 'wow', 'interesting', 'noted', 'makes sense', 'fair enough', 'awesome', 'perfect', 'right', 'wait'],
    identity: ['who are you', 'what are you', 'what can you do', 'what do you do', 'what can i ask', 'help', 'what is depeche', 'what are you for', 'how do you work', 'how does this work', 'are you a bot', 'what do you know'],
    empty: [],
  },

  polite: list('a lot so much very you there again the bot depeche please pls me'),

  questionOpenings: list('who whom whose what where when why how which'),

  conjunctions: list('and also plus'),
};
