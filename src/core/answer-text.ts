import type { Answer, Entry, PartAnswer } from '../engine/types.ts';
import type { ActorEntry, Article, FactEntry } from '../knowledge/types.ts';
import type { Lang, Source } from '../shared/types.ts';
import { dateLabel, weekdayLabel } from './dates-text.ts';
import { gapSentence, publisherOf, sourceOf } from './facts-reply.ts';
import { inert } from './inert.ts';
import { messages } from './messages.ts';

/** An engine answer in words: the one place where what the engine found becomes sentences. */
export interface AnswerText {
  answered: boolean;
  text: string;
  lang: Lang;
  sources: Source[];
  suggestions: string[];
  /** The article does not cover the question (greetings and small talk are not refusals). */
  refused: boolean;
  /** The articles the answer comes from, for credit lines. */
  articles: Article[];
}

export interface RenderOptions {
  /** Listed when someone asks what Depeche can do. */
  commands?: readonly { name: string; description: Record<Lang, string> }[];
}

export function answerText(answer: Answer, options: RenderOptions = {}): AnswerText {
  const { lang } = answer;
  const say = messages[lang];
  const none = { answered: false, sources: [], suggestions: [], refused: false, articles: [], lang };
  switch (answer.kind) {
    case 'answer': {
      const { text, parts } = withinBudget(answer.parts, lang);
      const sources = dedupe(parts.flatMap((part) => partSources(part)));
      const articles = [...new Set(parts.flatMap((part) => (part.kind === 'not-covered' ? [] : [part.kind === 'entries' ? part.entries[0]!.article : part.article])))];
      return { ...none, answered: true, text, sources, articles };
    }
    case 'refusal': {
      const refusal =
        answer.articles.length === 1 ? say.refusal(answer.articles[0]!.title[lang]) : say.refusalMany(answer.articles.map((article) => say.quoted(article.title[lang])).join(', '));
      const said = answer.otherLanguage ? `${say.otherLanguage}\n${refusal}` : refusal;
      const text = answer.suggestions.length ? `${said}\n${say.didYouMean}\n${bullets(answer.suggestions)}` : said;
      return { ...none, text, suggestions: answer.suggestions, refused: true };
    }
    case 'choose-article': {
      const suggestions = answer.choices.map((choice) => choice.question);
      const lines = answer.choices.map((choice) => `- ${choice.article.title[lang]}: ${choice.question}`);
      return { ...none, text: `${say.chooseArticle}\n${lines.join('\n')}`, suggestions };
    }
    case 'small-talk': {
      const { suggestions } = answer;
      switch (answer.act) {
        case 'greeting':
          return { ...none, text: `${say.greeting}\n${say.tryThese}\n${bullets(suggestions)}`, suggestions };
        case 'empty':
          return { ...none, text: `${say.empty}\n${bullets(suggestions)}`, suggestions };
        case 'identity': {
          const commands = (options.commands ?? []).map((command) => `- /${command.name}: ${command.description[lang]}`);
          return { ...none, text: [say.identity, ...commands].join('\n'), suggestions };
        }
        default:
          return { ...none, text: say[answer.act] };
      }
    }
  }
}

/**
 * The longest answer text: a line of several asks gets the parts that fit, then a word on the rest, so that one message
 * stays readable and inside every platform's limits (Slack cuts at 4,000 characters; Discord adapters split at 2,000).
 */
export const ANSWER_TEXT_MAX = 3500;

function withinBudget(all: readonly PartAnswer[], lang: Lang): { text: string; parts: PartAnswer[] } {
  const texts: string[] = [];
  const parts: PartAnswer[] = [];
  let length = 0;
  for (const part of all) {
    const text = partText(part, lang);
    if (parts.length > 0 && length + text.length + 2 > ANSWER_TEXT_MAX) {
      texts.push(messages[lang].moreAsks(all.length - parts.length));
      break;
    }
    texts.push(parts.length === 0 ? text.slice(0, ANSWER_TEXT_MAX) : text);
    parts.push(part);
    length += text.length + 2;
  }
  return { text: texts.join('\n\n'), parts };
}

function partText(part: PartAnswer, lang: Lang): string {
  const say = messages[lang];
  switch (part.kind) {
    case 'entries':
      return entriesText(part.entries, lang);
    case 'role':
      return `${roleLine(part.role, part.article, part.fact, lang)}\n${part.fact.text[lang]}`;
    case 'missing-role': {
      // (The day the article gives, by its name: "Sunday", as the article says "dimanche".)
      const known = () => (part.role === 'when' ? weekdayOf(part.fact, lang) : placeOf(part.article, part.fact, lang));
      const missing = part.coarse ? say.coarseRole(part.role, known()) : say.missingRole(part.role, claimClause(part.article, part.fact, lang));
      // "Why Kazakhstan?": the reason is missing, and what the article says of the claim is what the reader can have.
      return part.role === 'why' ? `${missing}\n${say.itSays} ${part.fact.text[lang]}` : missing;
    }
    case 'not-covered':
      return say.notCovered(inert(part.text));
    case 'missing-measure':
      return say.missingMeasure(part.measure, inert(part.subject));
    case 'unnamed':
      return say.unnamed(displayName(part.actor, lang, part.article.facts.filter((fact) => fact.actors.includes(part.actor.id))));
    case 'whole':
      return wholeText(part, lang);
  }
}

function wholeText(part: Extract<PartAnswer, { kind: 'whole' }>, lang: Lang): string {
  const say = messages[lang];
  const { article, entries } = part;
  const facts = entries.flatMap((entry) => (entry.kind === 'fact' ? [entry.fact] : []));
  switch (part.view) {
    case 'summary':
      return [say.inShort(article.title[lang]), ...facts.map((fact) => `- ${fact.text[lang]}`)].join('\n');
    case 'gist':
      return [`${article.title[lang]}.`, ...facts.map((fact) => fact.text[lang])].join('\n');
    case 'timeline':
      return [say.wholeHeading.timeline(article.title[lang]), ...facts.map((fact) => `- ${fact.when ? `${whenText(fact, lang)}: ` : ''}${fact.text[lang]}`)].join('\n');
    case 'quotes': {
      const heading = part.speaker ? say.quotesOf(displayName(part.speaker, lang, facts)) : say.wholeHeading.quotes(article.title[lang]);
      const lines = entries.map((entry) => `- “${quoteOf(entry)}”${entry.kind === 'fact' ? `\n  ${entry.fact.text[lang]}` : ''}`);
      return [heading, ...lines].join('\n');
    }
    case 'source': {
      const publisher = publisherOf(article, lang);
      // The date is the article's own only where its text gives it (a dateline); otherwise it is the summary's, not the article's.
      const dated = article.published !== undefined && article.source.includes(article.published.slice(0, 4));
      const source = say.sourceOf(article.title[lang], publisher, dated ? dateLabel(article.published!, lang) : undefined, article.credit?.language);
      return dated ? source : `${source} ${say.textUndated}`;
    }
    default:
      return [say.wholeHeading[part.view](article.title[lang]), bullets(entries.map((entry) => entryLine(entry, lang)))].join('\n');
  }
}

function entriesText(entries: readonly Entry[], lang: Lang): string {
  const lines = entries.map((entry) => entryLine(entry, lang));
  // Several facts answer a broad question together: one bullet each, so that each reads on its own.
  return lines.length > 1 && entries.every((entry) => entry.kind === 'fact') ? bullets(lines) : lines.join('\n');
}

function entryLine(entry: Entry, lang: Lang): string {
  if (entry.kind === 'gap') return gapSentence(entry.gap, lang);
  return entry.kind === 'fact' ? entry.fact.text[lang] : entry.actor.text[lang];
}

/** "When: Monday 19 December 2016.", "Said by: Sergei Lavrov." */
function roleLine(role: Extract<PartAnswer, { kind: 'role' }>['role'], article: Article, fact: FactEntry, lang: Lang): string {
  const say = messages[lang];
  const names = (ids: readonly string[]) => joinNames(ids.flatMap((id) => actorOf(article, id)).map((actor) => displayName(actor, lang, [fact])), lang);
  switch (role) {
    case 'when':
      return say.roleLabel.when(whenText(fact, lang));
    case 'where':
      return say.roleLabel.where(actorOf(article, fact.where!).length ? names([fact.where!]) : say.quoted(fact.where!));
    case 'who':
      return say.roleLabel.who(names(fact.who ?? []));
    case 'said_by':
      return say.roleLabel.said_by(names([(fact.said_by ?? fact.figure?.givenBy)!]));
    case 'how_many': {
      const figure = fact.figure!;
      const qualified = [figure.qualifier ? say.qualifier[figure.qualifier] : '', figure.value, figure.unit ?? ''].filter(Boolean).join(' ');
      return say.roleLabel.how_many(`${qualified} (${figure.counts[lang]})`);
    }
    case 'why':
      return say.roleLabel.why;
  }
}

/** The day of a fact by its name ("Sunday"), or the article's own words when its date is not a day. */
function weekdayOf(fact: FactEntry, lang: Lang): string {
  const date = fact.when?.date;
  return date?.length === 10 ? weekdayLabel(date, lang) : messages[lang].quoted(fact.when?.text ?? '');
}

/** The date a fact's `when` means, in words; the article's own words when no date could be worked out. */
function whenText(fact: FactEntry, lang: Lang): string {
  const when = fact.when!;
  if (!when.date) return messages[lang].quoted(when.text);
  const label = dateLabel(when.date, lang);
  return when.approximate ? messages[lang].around(label) : label;
}

/** Where a claim happened, in words: its place actor's name, or the article's own words. */
function placeOf(article: Article, fact: FactEntry, lang: Lang): string {
  const place = actorOf(article, fact.where ?? '');
  return place.length ? displayName(place[0]!, lang, [fact]) : messages[lang].quoted(fact.where ?? '');
}

/** "Russia, Iran and Turkey committed to …": the claim, from its roles, for sentences about what it lacks. */
function claimClause(article: Article, fact: FactEntry, lang: Lang): string | undefined {
  if (!fact.who || !fact.action) return undefined;
  const subject = joinNames(fact.who.flatMap((id) => actorOf(article, id)).map((actor) => displayName(actor, lang, [fact])), lang);
  return `${subject} ${fact.action[lang]}`;
}

const actorOf = (article: Article, id: string): ActorEntry[] => article.actors.filter((actor) => actor.id === id);

/** The name a reader of this language knows: the actor's name that the fact's text in that language uses, else its first. */
function displayName(actor: ActorEntry, lang: Lang, facts: readonly FactEntry[]): string {
  const texts = facts.map((fact) => fact.text[lang].toLowerCase());
  return actor.names.find((name) => texts.some((text) => text.includes(name.toLowerCase()))) ?? actor.names[0]!;
}

function joinNames(names: readonly string[], lang: Lang): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${messages[lang].and} ${names[names.length - 1]}`;
}

function quoteOf(entry: Entry): string {
  return entry.kind === 'fact' ? entry.fact.quote : entry.kind === 'actor' ? entry.actor.quote : '';
}

function partSources(part: PartAnswer): Source[] {
  switch (part.kind) {
    case 'entries':
    case 'whole': {
      const sources = part.entries.flatMap(sourcesOf);
      // The source of an article is its credit line, a quote too.
      if (part.kind === 'whole' && part.view === 'source' && part.article.credit) sources.push(sourceOf(part.article, { id: 'credit', quote: part.article.credit.quote }));
      return sources;
    }
    case 'role':
    case 'missing-role':
    case 'missing-measure':
      // The claim a role is asked of is cited, whether the article gives that role or not.
      return [sourceOf(part.article, part.fact)];
    case 'unnamed':
      return [sourceOf(part.article, part.actor)];
    case 'not-covered':
      return [];
  }
}

function sourcesOf(entry: Entry): Source[] {
  if (entry.kind === 'fact') return [sourceOf(entry.article, entry.fact)];
  if (entry.kind === 'actor') return [sourceOf(entry.article, entry.actor)];
  return [];
}

function dedupe(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((source) => {
    const key = `${source.article}/${source.factId}`;
    return !seen.has(key) && seen.add(key);
  });
}

const bullets = (lines: readonly string[]): string => lines.map((line) => `- ${line}`).join('\n');
