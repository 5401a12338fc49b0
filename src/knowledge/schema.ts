import { z } from 'zod';

/**
 * The format of knowledge/<article>/summary.json. knowledge/schema.json is generated from this
 * (npm run knowledge:schema) so that editors can validate a summary while it is written.
 */
const nonEmpty = z.string().trim().min(1);
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');
const bilingual = z.strictObject({ en: nonEmpty, fr: nonEmpty });
const bilingualList = z.strictObject({ en: z.array(nonEmpty).min(1), fr: z.array(nonEmpty).min(1) });

/** The kinds of question a fact answers; they steer the choice between facts that share words. */
export const questionTypes = ['who', 'what', 'where', 'when', 'why', 'how', 'how_many', 'how_long', 'yes_no'] as const;

export const actorSchema = z.strictObject({
  id,
  kind: z.enum(['country', 'person', 'organisation', 'group', 'place']),
  names: z.array(nonEmpty).min(1).describe('Every way the article and readers name it, in both languages. Matching ignores case and accents.'),
  text: bilingual.describe('Who or what it is, in one sentence.'),
  quote: nonEmpty.describe('Where the article names it (verbatim).'),
});

export const factSchema = z.strictObject({
  id,
  kind: z.enum(['commitment', 'figure', 'reaction', 'event', 'context']),
  actors: z.array(id).describe('Actor ids this fact is about.'),
  text: bilingual,
  quote: nonEmpty.describe('The exact words of the article the fact rests on.'),
  questions: bilingualList.describe('Ways readers ask for this fact; used to match questions and to suggest them.'),
  keywords: z.array(nonEmpty).optional().describe('Extra words readers use for it that appear in neither the text nor the questions.'),
  answers: z.array(z.enum(questionTypes)).min(1).describe('The kinds of question it answers: who, what, where, when, why, how, how_many, how_long, yes_no.'),
  figure: z
    .strictObject({ value: nonEmpty, counts: bilingual, givenBy: id.optional() })
    .optional()
    .describe('For figures: the number as written, what it counts and who gave it (an actor id).'),
});

export const gapSchema = z.strictObject({
  id,
  about: bilingual.describe('Completes "The article does not say …" / "L\'article ne dit pas …".'),
  note: bilingual.optional().describe('An optional second sentence: what the article does say nearby.'),
  questions: bilingualList.describe('Ways readers ask for what is missing.'),
  keywords: z.array(nonEmpty).optional(),
  answers: z.array(z.enum(questionTypes)).min(1),
  related: z.array(id).optional().describe('Facts a reader may want instead.'),
});

export const summarySchema = z.strictObject({
  $schema: z.string().optional(),
  id,
  title: bilingual,
  credit: z.strictObject({ publisher: nonEmpty, quote: nonEmpty, language: z.enum(['en', 'fr']) }).describe('Who published the article, as credited in it.'),
  briefing: z.array(id).min(1).describe('Fact ids, in order, that make the short briefing.'),
  actors: z.array(actorSchema).min(1),
  facts: z.array(factSchema).min(1),
  gaps: z.array(gapSchema),
  synonyms: z.array(z.array(nonEmpty).min(2)).default([]).describe('Groups of words that mean the same thing in this article, in both languages ("left", "sortis", "fled"). A trailing * matches any ending.'),
});

export type SummaryFile = z.infer<typeof summarySchema>;
export type ActorEntry = z.infer<typeof actorSchema>;
export type FactEntry = z.infer<typeof factSchema>;
export type GapEntry = z.infer<typeof gapSchema>;
export type QuestionType = (typeof questionTypes)[number];
