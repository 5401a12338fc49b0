import { z } from 'zod';

/**
 * The format of knowledge/<article>/summary.json. knowledge/schema.json is generated from this
 * (npm run knowledge:schema) so that editors can validate a summary while it is written: every field carries
 * a description and an example there, which is the authors' reference.
 */
const nonEmpty = z.string().trim().min(1);
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');
const bilingual = z.strictObject({
  en: nonEmpty.meta({ description: 'In English.' }),
  fr: nonEmpty.meta({ description: 'In French.' }),
});
const bilingualList = z.strictObject({
  en: z.array(nonEmpty).min(1).meta({ description: 'In English, at least one.' }),
  fr: z.array(nonEmpty).min(1).meta({ description: 'In French, at least one.' }),
});
/** A quote is matched character for character, line breaks included. */
const QUOTE_RULE =
  'Verbatim, character for character (apostrophes, quotation marks and spaces as in article.txt). A quote that runs over two lines of article.txt keeps the line break, written \\n in JSON.';

/** What the article says of how exact a figure is. */
export const figureQualifiers = ['at least', 'about', 'exactly', 'at most', 'more than', 'less than'] as const;

/** YYYY-MM-DD, and a day that exists (2016-02-30 is refused). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, 'not a real date (YYYY-MM-DD)');

/** What an actor is. `object` is any thing the article names: a rocket, an engine, a satellite, a building, a law. */
export const actorKinds = ['country', 'person', 'organisation', 'group', 'place', 'object'] as const;

/** A date that may be only a month or a year: YYYY-MM-DD, YYYY-MM or YYYY. */
const partialDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'a date written YYYY-MM-DD, YYYY-MM or YYYY')
  .refine((text) => {
    const [year, month = '01', day = '01'] = text.split('-');
    const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === `${year}-${month}-${day}`;
  }, 'not a real date (YYYY-MM-DD, YYYY-MM or YYYY)');

/** The kinds of question a fact answers; they steer the choice between facts that share words. */
export const questionTypes = ['who', 'what', 'where', 'when', 'why', 'how', 'how_many', 'how_long', 'yes_no'] as const;
const answersField = z
  .array(z.enum(questionTypes))
  .min(1)
  .meta({
    description: 'The kinds of question it answers: who, what, where, when, why, how, how_many, how_long, yes_no.',
    examples: [['how_many', 'what', 'when']],
  });
const keywordsField = z
  .array(nonEmpty)
  .optional()
  .meta({
    description: 'Extra words readers use for it that appear in neither the text nor the questions, in both languages.',
    examples: [['walkout', 'stoppage', 'débrayage']],
  });

export const actorSchema = z
  .strictObject({
    id: id.meta({ description: 'Unique within this article (other articles may use the same id). Facts name actors by it.', examples: ['cgt-union', 'dockers'] }),
    kind: z
      .enum(actorKinds)
      .meta({
        description:
          'country, person, organisation, group, place, or object: a thing the article names (a rocket, an engine, a satellite, a building, a law). Questions about an attribute of any actor ("How tall is Ariane 6?") are answered by a fact about it that states the attribute.',
        examples: ['country', 'object'],
      }),
    names: z
      .array(nonEmpty)
      .min(1)
      .meta({
        description:
          'Every way the article and readers name it, in both languages. Matching ignores case and accents. Avoid names that are common words of English or French ("UN" is the French "un", "l\'Est" is "est"): npm run knowledge:check lists them.',
        examples: [['CGT', 'CGT union', 'syndicat CGT', 'the union', 'le syndicat']],
      }),
    text: bilingual.meta({
      description: 'Who or what it is, in one sentence: the answer to "who is …".',
      examples: [{ en: 'The CGT union, which called the strike.', fr: 'Le syndicat CGT, qui a appelé à la grève.' }],
    }),
    quote: nonEmpty.meta({ description: `Where the article names it. ${QUOTE_RULE}`, examples: ['a annoncé vendredi le syndicat CGT'] }),
  })
  .meta({ description: 'A country, person, organisation, group or place the article names.' });

export const factSchema = z
  .strictObject({
    id: id.meta({ description: 'Unique within this article (other articles may use the same id). Answers cite it as factId.', examples: ['jobs-threatened'] }),
    kind: z
      .enum(['commitment', 'figure', 'reaction', 'event', 'context'])
      .meta({
        description:
          'What the fact is, which also decides where commands list it: commitment (/agreements), reaction (/reactions), figure (with a `figure` field: /numbers), event, context. Any kind can be in the briefing.',
        examples: ['figure'],
      }),
    actors: z.array(id).meta({ description: 'Ids of this article\'s actors the fact is about (may be empty).', examples: [['cgt-union', 'dockers']] }),
    text: bilingual.meta({
      description: 'The fact in one or two plain sentences: the answer Depeche gives.',
      examples: [{ en: 'According to the union, 1,200 jobs are threatened.', fr: 'Selon le syndicat, 1 200 emplois sont menacés.' }],
    }),
    quote: nonEmpty.meta({
      description: `The exact words of the article the fact rests on. ${QUOTE_RULE}`,
      examples: ['1 200 emplois sont menacés', 'Grève au port\nLes dockers cesseront le travail lundi'],
    }),
    questions: bilingualList.meta({
      description: 'Ways readers ask for this fact; used to match questions and to suggest them. A few per language, worded as readers would.',
      examples: [{ en: ['How many jobs are threatened?'], fr: ["Combien d'emplois sont menacés ?"] }],
    }),
    keywords: keywordsField,
    answers: answersField,
    figure: z
      .strictObject({
        value: nonEmpty.meta({
          description: 'The number as the article writes it: in digits or in words, a range as a range.',
          examples: ['16', 'seize', "25'000", '1 200', '50 à 70'],
        }),
        unit: nonEmpty.optional().meta({
          description:
            'The unit, when the number has one: m, km, euros, tonnes, %, years… A figure in metres states a height or a length, in euros a cost, in km a distance or an altitude: questions about that attribute find it.',
          examples: ['m', 'km', 'euros', '%'],
        }),
        counts: bilingual.meta({ description: 'What the number counts.', examples: [{ en: 'jobs threatened by automation, according to the union', fr: "emplois menacés par l'automatisation, selon le syndicat" }] }),
        qualifier: z
          .enum(figureQualifiers)
          .optional()
          .meta({ description: 'How exact the article says the number is: at least, about, exactly, at most, more than, less than.', examples: ['at least', 'about'] }),
        givenBy: id.optional().meta({ description: 'The id of the actor who gave the number, if the article says (an older spelling of the fact\'s said_by).', examples: ['cgt-union'] }),
      })
      .optional()
      .meta({ description: 'For figures: the number as written, its unit, what it counts and how exact it is. Facts with a figure are the ones /numbers lists.' }),
    who: z
      .array(id)
      .min(1)
      .optional()
      .meta({
        description: 'Role: who did it, the claim\'s subject, as ids of this article\'s actors. "Who…?" questions are answered by the facts that name the asked actor here.',
        examples: [['russia', 'iran', 'turkey']],
      }),
    action: bilingual.optional().meta({
      description:
        'Role: what they did, as a verb phrase without its subject, in both languages. Depeche builds sentences from it: "The article does not say when Russia, Iran and Turkey committed to a nationwide ceasefire."',
      examples: [{ en: 'committed to work towards a nationwide ceasefire', fr: 'se sont engagés à œuvrer à un cessez-le-feu national' }],
    }),
    target: z
      .array(id)
      .min(1)
      .optional()
      .meta({ description: 'Role: whom or what it was done to, or is about, as actor ids.', examples: [['ambassador']] }),
    where: nonEmpty.optional().meta({
      description: 'Role: where it happened or will happen: the id of a place or country among the actors, or the article\'s own words for the place, found in the quote.',
      examples: ['kazakhstan', 'à Ankara'],
    }),
    when: z
      .union([
        nonEmpty,
        z.strictObject({
          text: nonEmpty.meta({ description: 'The article\'s own words for the time, found in the quote.', examples: ['lundi'] }),
          date: partialDate.meta({ description: 'The date meant, YYYY-MM-DD, YYYY-MM or YYYY, where Depeche cannot work it out from the words.', examples: ['2016-12-19', '2023-08'] }),
        }),
      ])
      .optional()
      .meta({
        description:
          'Role: when it happened or will happen, in the article\'s own words found in the quote ("lundi", "la semaine dernière", "il y a cinq jours", "le 15 avril 2019", "en août 2023", "last week"). Weekdays and relative words are resolved against `published` (past tense: the last such day; a future tense in the quote, such as "doit", "sera" or "will", the next one). Timelines order facts by it, and "when?" answers from it. Give {"text", "date"} to set the date yourself.',
        examples: ['lundi', 'le 15 avril 2019', { text: 'dimanche', date: '2024-12-08' }],
      }),
    said_by: id.optional().meta({
      description: 'Role: who the article attributes it to (a statement, a quote, a figure, a claim), as an actor id. "Who said it?", "according to whom?" and "give me X\'s exact words" answer from it.',
      examples: ['lavrov', 'icrc'],
    }),
  })
  .meta({ description: 'One thing the article says, with the quote it rests on.' });

export const gapSchema = z
  .strictObject({
    id: id.meta({ description: 'Unique within this article.', examples: ['strike-cost'] }),
    about: bilingual.meta({
      description: 'Completes "The article does not say …" / "L\'article ne dit pas …". Gaps answering how_many are listed by /numbers.',
      examples: [{ en: 'what the strike will cost the port', fr: 'ce que la grève coûtera au port' }],
    }),
    note: bilingual.optional().meta({
      description: 'An optional second sentence: what the article does say nearby.',
      examples: [{ en: 'It gives the number of jobs threatened.', fr: "Il donne le nombre d'emplois menacés." }],
    }),
    questions: bilingualList.meta({
      description: 'Ways readers ask for what is missing.',
      examples: [{ en: ['How much will the strike cost?'], fr: ['Combien coûtera la grève ?'] }],
    }),
    keywords: keywordsField,
    answers: answersField.meta({
      description:
        'The role the article leaves missing, as the kinds of question it answers: who, when, where, why, how, how_many, how_long, what. A gap answers only a question about that role: "who carried out the killing" (who) is never the answer to "How did Turkey respond to the killing?" (how).',
      examples: [['who'], ['how_many']],
    }),
    related: z
      .array(id)
      .optional()
      .meta({ description: 'Ids of the facts whose role this gap says is missing; a reader may want them instead.', examples: [['jobs-threatened']] }),
  })
  .meta({ description: 'Something readers ask that the article does not say.' });

const publisher = z.union([nonEmpty, bilingual]).meta({
  description: 'Who published it, as shown to readers: one name, or one per language when it reads differently ("an unnamed agency" / "une agence non nommée").',
  examples: ['Reuters', { en: 'news agencies (agences/ab)', fr: 'agences de presse (agences/ab)' }],
});

export const creditSchema = z
  .strictObject({
    publisher,
    quote: nonEmpty.meta({ description: `The credit line as the article prints it. ${QUOTE_RULE}`, examples: ['agences/ab'] }),
    language: z.enum(['en', 'fr']).meta({ description: 'The language the article is written in.', examples: ['fr'] }),
  })
  .meta({ description: 'Who published the article, as credited in it. Leave it out when the article carries no credit line: no credit is shown then.' });

export const summarySchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path to this schema, for editors.', examples: ['../schema.json'] }),
    id: id.meta({ description: 'The article id: unique among the articles, used to pick the article in commands (/numbers <id>).', examples: ['marseille-dock-strike'] }),
    title: bilingual.meta({
      description: 'The headline in both languages; commands select an article by words of it (/numbers marseille).',
      examples: [{ en: 'Marseille dockers to strike for three days', fr: 'Les dockers de Marseille en grève trois jours' }],
    }),
    published: isoDate.optional().meta({
      description: 'The day the article was published, YYYY-MM-DD. Commands without an article use the newest; undated articles count as the oldest.',
      examples: ['2024-03-15'],
    }),
    credit: creditSchema.optional(),
    briefing: z.array(id).min(1).meta({ description: 'Fact ids, in order, that make the short briefing (/briefing and the scheduled posts).', examples: [['dock-strike', 'jobs-threatened']] }),
    actors: z.array(actorSchema).min(1).meta({ description: 'Who and what the article names.' }),
    facts: z.array(factSchema).min(1).meta({ description: 'What the article says, one entry per thing a reader may ask.' }),
    gaps: z.array(gapSchema).meta({ description: 'What readers ask that the article does not say.' }),
    synonyms: z
      .array(z.array(nonEmpty).min(2))
      .default([])
      .meta({
        description: 'Groups of words that mean the same thing in this article, in both languages ("strike", "grève", "walkout"). A trailing * matches any ending.',
        examples: [[['strike', 'grève', 'walkout', 'débrayage', 'strik*']]],
      }),
  })
  .meta({ description: 'One article: its verbatim text is article.txt in the same folder; every quote here must be found in it.' });

export type SummaryFile = z.infer<typeof summarySchema>;
export type ActorEntry = z.infer<typeof actorSchema>;
/** A fact as written in summary.json (`when` as the editor wrote it; the loader resolves it, see types.ts). */
export type FactInput = z.infer<typeof factSchema>;
export type GapEntry = z.infer<typeof gapSchema>;
export type Credit = z.infer<typeof creditSchema>;
export type QuestionType = (typeof questionTypes)[number];
/** For tools that check an id or a date before any summary exists (npm run knowledge:new). */
export { id as idSchema, isoDate as isoDateSchema };
