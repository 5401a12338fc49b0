import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Command, CommandContext } from '../../src/core/command.ts';
import { memoryConversations } from '../../src/core/conversations.ts';
import { createDepeche, type Requester } from '../../src/core/depeche.ts';
import { messages } from '../../src/core/messages.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Lang } from '../../src/shared/types.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { syrianArticleKnowledge, twoArticleKnowledge } from '../fixtures/two-articles.ts';
import { answerLine } from '../../src/core/answer-line.ts';
import type { Article } from '../../src/knowledge/types.ts';

const knowledge = loadKnowledge(syrianArticleKnowledge());
const article = knowledge.newest;
const engine = createEngine(knowledge);

function command(name: string): Command {
  const found = commands.find((c) => c.name === name);
  if (!found) throw new Error(`no command ${name}`);
  return found;
}

async function run(name: string, lang: Lang = 'en', args: Record<string, string> = {}): Promise<Reply> {
  const conversation = memoryConversations({ ttlMs: 60_000 });
  const conversationKey = `test:${name}:${lang}`;
  const ctx: CommandContext = {
    args,
    lang,
    conversationKey,
    conversation: { get: () => conversation.get(conversationKey), set: (state) => conversation.set(conversationKey, state) },
    commands,
    engine,
    knowledge,
    article,
  };
  return command(name).run(ctx);
}

function expectReply(reply: Reply): void {
  expect(typeof reply.text).toBe('string');
  expect(reply.text.length).toBeGreaterThan(0);
  expect(['en', 'fr']).toContain(reply.lang);
  expect(typeof reply.answered).toBe('boolean');
  expect(Array.isArray(reply.sources)).toBe(true);
  expect(Array.isArray(reply.suggestions)).toBe(true);
}

function expectVerbatimSources(reply: Reply): void {
  expect(reply.sources.length).toBeGreaterThan(0);
  for (const source of reply.sources) expect(article.source, source.factId).toContain(source.quote);
}

describe('the command registry', () => {
  it('GIVEN the registry THEN every command has a unique name and descriptions in English and French', () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of commands) {
      expect(c.name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(c.description.en.trim(), c.name).not.toBe('');
      expect(c.description.fr.trim(), c.name).not.toBe('');
      expect(c.description.en).not.toBe(c.description.fr);
      for (const option of c.options) {
        expect(option.description.en.trim()).not.toBe('');
        expect(option.description.fr.trim()).not.toBe('');
      }
    }
    expect(names).toEqual(expect.arrayContaining(['ask', 'briefing', 'agreements', 'numbers', 'reactions', 'sources', 'help']));
  });

  it.each(commands.map((c) => c.name))('GIVEN /%s in either language THEN run() returns a Reply', async (name) => {
    for (const lang of ['en', 'fr'] as const) {
      const reply = await run(name, lang, name === 'ask' ? { question: 'How many people left Aleppo?' } : {});
      expectReply(reply);
    }
  });
});

describe('commands that list facts', () => {
  it('GIVEN /briefing THEN it lists the briefing facts, each with its verbatim quote', async () => {
    const reply = await run('briefing');
    expect(reply.answered).toBe(true);
    expectVerbatimSources(reply);
    expect(reply.sources.map((s) => s.factId)).toEqual(article.briefing.map((f) => f.id));
    for (const fact of article.briefing) expect(reply.text).toContain(fact.text.en);
    expect(reply.credit).toMatch(/agences\/jvia/);
  });

  it('GIVEN /agreements THEN it lists the commitments with their sources', async () => {
    const reply = await run('agreements');
    expectVerbatimSources(reply);
    const ids = reply.sources.map((s) => s.factId);
    expect(ids).toEqual(expect.arrayContaining(['ceasefire-commitment', 'peace-talks-kazakhstan', 'guarantors']));
    for (const id of ids) expect(article.facts.find((f) => f.id === id)?.kind).toBe('commitment');
    expect(reply.text).toMatch(/Kazakhstan/);
  });

  it('GIVEN /numbers THEN it lists 25 000, five days and six arrests, and says plainly that there is no toll', async () => {
    const reply = await run('numbers');
    expectVerbatimSources(reply);
    expect(reply.sources.map((s) => s.factId)).toEqual(expect.arrayContaining(['evacuees', 'evacuation-duration', 'six-arrests']));
    expect(reply.text).toMatch(/25[ ,.'\u00a0\u202f]?000/);
    expect(reply.text).toMatch(/five days|5 days/i);
    expect(reply.text).toMatch(/six people|6 people|six arrests|6 arrests/i);
    expect(reply.text).toMatch(/does not say how many people were killed/);

    const fr = await run('numbers', 'fr');
    expect(fr.text).toMatch(/ne dit pas combien de personnes ont été tuées/);
    expect(fr.text).toMatch(/25'000/);
    expect(fr.text).toMatch(/cinq jours/);
    expect(fr.text).toMatch(/Six personnes/);
  });

  it('GIVEN /reactions THEN it contains the provocation and the fight against terrorism', async () => {
    const reply = await run('reactions');
    expectVerbatimSources(reply);
    expect(reply.text).toMatch(/provocation/);
    expect(reply.text).toMatch(/terrorism/);
    expect(reply.sources.map((s) => s.factId)).toEqual(expect.arrayContaining(['provocation', 'putin-terrorism']));
    const fr = await run('reactions', 'fr');
    expect(fr.text).toMatch(/provocation/);
    expect(fr.text).toMatch(/terrorisme/);
  });

  it('GIVEN /sources THEN it credits the publisher with the credit quote', async () => {
    const reply = await run('sources');
    expect(reply.text).toContain('agences/jvia');
    // Cited through the fact that rests on the credit line: every factId Depeche gives is a real entry.
    expect(reply.sources.map((s) => s.quote)).toEqual([article.credit!.quote]);
    expect(article.facts.map((fact) => fact.id)).toContain(reply.sources[0]!.factId);
    expect(article.source).toContain(reply.sources[0]!.quote);
    // Facts counted as facts, actors apart.
    expect(reply.text).toContain(`${article.facts.length} facts and ${article.actors.length} actors`);
  });
});

describe('/help and /ask', () => {
  it('GIVEN /help in a channel with a store THEN every command of the registry is listed', async () => {
    for (const lang of ['en', 'fr'] as const) {
      // Only presence matters to /help: the store of briefings is not called.
      const ctx: CommandContext = {
        args: {},
        lang,
        conversationKey: 'test:help',
        conversation: { get: async () => undefined, set: async () => {} },
        commands,
        engine,
        knowledge,
        article,
        channelKey: 'discord:1',
        subscriptions: {} as CommandContext['subscriptions'],
      };
      const reply = await command('help').run(ctx);
      for (const c of commands) {
        expect(reply.text, c.name).toContain(`/${c.name}`);
        expect(reply.text, c.name).toContain(c.description[lang]);
      }
    }
  });

  it('GIVEN /help where there is no channel nor store (the terminal) THEN the commands that need them are not listed', async () => {
    const needing = commands.filter((c) => c.needs?.length);
    expect(needing.map((c) => c.name).sort()).toEqual(['subscribe', 'subscriptions', 'unsubscribe']);
    for (const lang of ['en', 'fr'] as const) {
      const reply = await run('help', lang);
      for (const c of commands) {
        const listed = new RegExp(`\\*\\*/${c.name}\\b`).test(reply.text);
        expect(listed, c.name).toBe(!needing.includes(c));
      }
    }
  });

  it('GIVEN /ask with an empty question THEN it prompts for one, with suggestions', async () => {
    for (const args of [{}, { question: '   ' }] as Record<string, string>[]) {
      const reply = await run('ask', 'en', args);
      expect(reply.answered).toBe(false);
      expect(reply.text).toBe(messages.en.emptyQuestion(article.briefing[0]!.questions.en[0]));
      expect(reply.suggestions.length).toBeGreaterThan(0);
      expect(reply.sources).toEqual([]);
    }
    const fr = await run('ask', 'fr');
    expect(fr.text).toBe(messages.fr.emptyQuestion(article.briefing[0]!.questions.fr[0]));
    expect(fr.suggestions).not.toContain(article.briefing[0]!.questions.fr[0]);
  });

  it('GIVEN /ask with a question THEN it answers it with sources and a credit', async () => {
    const reply = await run('ask', 'en', { question: 'How many people left Aleppo?' });
    expect(reply.answered).toBe(true);
    expectVerbatimSources(reply);
    expect(reply.credit).toMatch(/agences\/jvia/);
  });

  it('GIVEN lang "fr" THEN the commands speak French', async () => {
    expect((await run('briefing', 'fr')).text).toContain(article.briefing[0]!.text.fr);
    expect((await run('numbers', 'fr')).title).toBe('Chiffres');
    expect((await run('agreements', 'fr')).title).toBe('Engagements');
    expect((await run('reactions', 'fr')).title).toBe('Réactions');
    expect((await run('help', 'fr')).text).toMatch(/Je réponds aux questions/);
    expect((await run('sources', 'fr')).text).toMatch(/Publié par agences\/jvia, en français/);
    expect((await run('briefing', 'fr')).credit).toMatch(/^Source : /);
  });
});

describe('createDepeche', () => {
  const who = (userKey: string, conversationKey = `conv:${userKey}`): Requester => ({ userKey, conversationKey });

  function depecheWithClock(options: { maxQuestionLength?: number; rateLimit?: { count: number; windowMs: number } } = {}) {
    let clock = 0;
    const depeche = createDepeche({
      commands,
      knowledge,
      config: { conversationTtlMs: 60_000, maxQuestionLength: options.maxQuestionLength ?? 500, rateLimit: options.rateLimit },
      now: () => clock,
    });
    return { depeche, advance: (ms: number) => (clock += ms) };
  }

  it('GIVEN a question longer than maxQuestionLength THEN the reply says it is too long, and answers nothing', async () => {
    const { depeche } = depecheWithClock({ maxQuestionLength: 50 });
    const reply = await depeche.ask(`How many people left Aleppo? ${'x'.repeat(60)}`, who('u1'));
    expect(reply.answered).toBe(false);
    expect(reply.sources).toEqual([]);
    expect(reply.text).toBe(messages.en.tooLong(50));
    expect(reply.text.length).toBeLessThan(200);
    const fr = await depeche.ask(`Combien de personnes ont quitté Alep ? ${'x'.repeat(60)}`, who('u1'));
    expect(fr.text).toBe(messages.fr.tooLong(50));
  });

  it('GIVEN a rate limit of 2 per window THEN the third call is refused, other users are not, and after the window it works again', async () => {
    const { depeche, advance } = depecheWithClock({ rateLimit: { count: 2, windowMs: 10_000 } });
    const question = 'How many people left Aleppo?';
    expect((await depeche.ask(question, who('alice'))).answered).toBe(true);
    advance(1_000);
    expect((await depeche.run('numbers', {}, who('alice'))).answered).toBe(true);
    advance(1_000);
    const third = await depeche.ask(question, who('alice'));
    expect(third.answered).toBe(false);
    expect(third.text).toBe(messages.en.rateLimited);
    expect(third.private).toBe(true);
    expect(third.sources).toEqual([]);

    const bob = await depeche.ask(question, who('bob'));
    expect(bob.answered).toBe(true);

    advance(8_001);
    const later = await depeche.ask(question, who('alice'));
    expect(later.answered).toBe(true);
  });

  it('GIVEN no rate limit in the config THEN nobody is limited', async () => {
    const { depeche } = depecheWithClock();
    for (let i = 0; i < 20; i += 1) expect((await depeche.ask('Who backs Assad?', who('cli'))).answered).toBe(true);
  });

  it('GIVEN an unknown command name THEN the reply names it', async () => {
    const { depeche } = depecheWithClock();
    const reply = await depeche.run('nosuchcommand', {}, who('u1'));
    expect(reply.answered).toBe(false);
    expect(reply.text).toBe(messages.en.unknownCommand('nosuchcommand'));
    expect(reply.text).toContain('nosuchcommand');
    const fr = await depeche.run('pouet', {}, { ...who('u1'), lang: 'fr' });
    expect(fr.text).toContain('« pouet »');
  });

  it('GIVEN ask() in one conversation THEN follow-ups work through the core', async () => {
    const { depeche } = depecheWithClock();
    await depeche.ask('What did Putin say?', who('u1', 'room'));
    const reply = await depeche.ask('And Erdogan?', who('u1', 'room'));
    expect(reply.text).toMatch(/Erdogan/);
    expect(reply.sources.map((s) => s.factId)).toContain('erdogan-putin-cooperation');
  });

  it('GIVEN replaceKnowledge THEN the new knowledge is served', async () => {
    const { depeche } = depecheWithClock();
    const two = loadKnowledge(twoArticleKnowledge());
    depeche.replaceKnowledge(two);
    expect(depeche.knowledge()).toBe(two);
    const reply = await depeche.ask('How many jobs are threatened?', who('u1'));
    expect(reply.sources.map((s) => s.factId)).toContain('jobs-threatened');
  });

  it('GIVEN a cacheable command (/numbers) run again THEN the same frozen reply, per language, until the knowledge changes', async () => {
    const { depeche } = depecheWithClock();
    const first = await depeche.run('numbers', {}, who('u1'));
    expect(await depeche.run('numbers', {}, who('u2'))).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.sources)).toBe(true);
    const french = await depeche.run('numbers', {}, { ...who('u1'), lang: 'fr' });
    expect(french).not.toBe(first);
    expect(french.title).toBe('Chiffres');
    depeche.replaceKnowledge(loadKnowledge(syrianArticleKnowledge()));
    const afresh = await depeche.run('numbers', {}, who('u1'));
    expect(afresh).not.toBe(first);
    expect(afresh).toEqual(first);
  });

  it('GIVEN the registry THEN exactly the commands whose reply depends on the article and the language alone are cacheable', () => {
    // Not /help: what it lists depends on where it is asked (a channel, a store).
    expect(commands.filter((c) => c.cacheable).map((c) => c.name).sort()).toEqual(['agreements', 'briefing', 'numbers', 'reactions', 'sources']);
  });
});

describe('commands take an article (two articles loaded)', () => {
  const root = twoArticleKnowledge();
  const two = loadKnowledge(root);
  const strike = two.articles.find((a) => a.id === 'marseille-dock-strike')!;
  const syria = two.articles.find((a) => a.id === 'syria-ceasefire-talks')!;
  const depeche = createDepeche({ commands, knowledge: two, config: { conversationTtlMs: 60_000, maxQuestionLength: 500 } });
  const who: Requester = { conversationKey: 'articles', userKey: 'u' };
  const line = (text: string, lang: Lang = 'en') => answerLine(depeche, text, { ...who, lang });
  const ids = (reply: Reply) => reply.sources.map((source) => source.factId);

  it('GIVEN /numbers alone THEN the newest article\'s figures; GIVEN /numbers <article> THEN that article\'s', async () => {
    expect(two.newest).toBe(strike);
    const newest = await line('/numbers');
    expect(ids(newest)).toEqual(strike.facts.filter((f) => f.figure).map((f) => f.id));
    expect(newest.text).toMatch(/1,200 jobs/);
    expect(newest.credit).toBe(`Source: Reuters/ab, "${strike.title.en}"`);

    for (const words of ['syria', 'syria-ceasefire-talks', 'Kazakstan ceasefire', 'Syrie']) {
      const reply = await line(`/numbers ${words}`);
      expect(ids(reply), words).toEqual(syria.facts.filter((f) => f.figure).map((f) => f.id));
      expect(reply.credit, words).toContain(syria.title.en);
    }
    expect(ids(await depeche.run('numbers', { article: 'marseille' }, who))).toEqual(ids(newest));
    // Cached per article: the same reply for the same article, however it was named.
    expect(await line('/numbers syria')).toBe(await line('/numbers Syrie'));
    expect(await line('/numbers')).toBe(newest);
  });

  it('GIVEN /briefing <article> THEN that article\'s briefing; alone THEN the newest\'s', async () => {
    expect(ids(await line('/briefing dockers'))).toEqual(strike.briefing.map((f) => f.id));
    expect(ids(await line('/briefing'))).toEqual(strike.briefing.map((f) => f.id));
    const fr = await line('/briefing syrie', 'fr');
    expect(ids(fr)).toEqual(syria.briefing.map((f) => f.id));
    expect(fr.title).toBe(syria.title.fr);
    expect(ids(await line('/reactions syria'))).toEqual(syria.facts.filter((f) => f.kind === 'reaction').map((f) => f.id));
    expect(ids(await line('/agreements syria'))).toEqual(syria.facts.filter((f) => f.kind === 'commitment').map((f) => f.id));
    expect((await line('/sources syria')).text).toContain(syria.title.en);
  });

  it('GIVEN words that name no article THEN a short private reply lists the articles, with titles and ids', async () => {
    const reply = await line('/numbers football');
    expect(reply.private).toBe(true);
    expect(reply.answered).toBe(false);
    expect(reply.text.split('\n')).toEqual([
      messages.en.noSuchArticle('football'),
      `- **${strike.title.en}** (15 March 2024): ${strike.id}`,
      `- **${syria.title.en}** (20 December 2016): ${syria.id}`,
    ]);
    const fr = await line('/briefing météo', 'fr');
    expect(fr.text).toContain('Aucun article ne correspond à « météo »');
    expect(fr.text).toContain(`- **${strike.title.fr}** (15 mars 2024): ${strike.id}`);
  });

  it('GIVEN /articles THEN every article, newest first, with its title, date and id, in the user\'s language', async () => {
    const reply = await line('/articles');
    expect(reply.title).toBe('Articles');
    expect(reply.text.split('\n').slice(0, 2)).toEqual([`- **${strike.title.en}** (15 March 2024): ${strike.id}`, `- **${syria.title.en}** (20 December 2016): ${syria.id}`]);
    const fr = await line('/articles', 'fr');
    expect(fr.text).toContain(`- **${syria.title.fr}** (20 décembre 2016): ${syria.id}`);
  });

  it('GIVEN /ask THEN the footer names the article the answer comes from', async () => {
    expect((await depeche.ask('How many jobs are threatened?', who)).credit).toBe(`Source: Reuters/ab, "${strike.title.en}"`);
    expect((await depeche.ask('How many people left Aleppo?', { ...who, conversationKey: 'other' })).credit).toBe(`Source: agences/jvia, "${syria.title.en}"`);
  });

  it('GIVEN /ask with no question THEN the hint is one of the newest article\'s sample questions', async () => {
    expect((await line('/ask')).text).toBe(messages.en.emptyQuestion(strike.briefing[0]!.questions.en[0]));
    expect((await line('/ask', 'fr')).text).toBe(messages.fr.emptyQuestion(strike.briefing[0]!.questions.fr[0]));
  });
});

describe('the credit in each language', () => {
  const base = knowledge.newest;
  const ctx = (article: Article, lang: Lang): CommandContext => ({
    args: {},
    lang,
    conversationKey: 'credit',
    conversation: { get: async () => undefined, set: async () => {} },
    commands,
    engine,
    knowledge,
    article,
  });
  const unnamed = { ...base, credit: { ...base.credit!, publisher: { en: 'an unnamed agency', fr: 'une agence non nommée' } } };
  const uncredited: Article = { ...base, credit: undefined };

  it('GIVEN a publisher in both languages THEN each language prints its own, on /sources and in the footer', async () => {
    const fr = await command('sources').run(ctx(unnamed, 'fr'));
    expect(fr.text).toContain('Publié par une agence non nommée, en français.');
    expect(fr.text).not.toContain('an unnamed agency');
    expect(fr.credit).toBe(`Source : une agence non nommée, « ${base.title.fr} »`);
    const en = await command('numbers').run(ctx(unnamed, 'en'));
    expect(en.credit).toBe(`Source: an unnamed agency, "${base.title.en}"`);
  });

  it('GIVEN an article without credit THEN no publisher is printed: the footer names the article only', async () => {
    for (const lang of ['en', 'fr'] as const) {
      for (const name of ['sources', 'briefing', 'numbers']) {
        const reply = await command(name).run(ctx(uncredited, lang));
        expect(reply.credit, name).toBe(lang === 'fr' ? `Article : « ${base.title.fr} »` : `Article: "${base.title.en}"`);
        expect(reply.text, name).not.toMatch(/undefined|agences\/jvia/);
      }
    }
    expect((await command('sources').run(ctx(uncredited, 'fr'))).text).toContain("L'article ne porte pas de mention de source.");
    expect((await command('sources').run(ctx(uncredited, 'en'))).sources).toEqual([]);
  });
});

describe('GIVEN /ask with no question, and "who are you?", where there is no channel (the terminal, a DM)', () => {
  it('THEN the suggestions offered are not the example already in the text, so they are numbered from 1', async () => {
    const reply = await run('ask');
    const example = article.briefing[0]!.questions.en[0]!;
    expect(reply.text).toContain(example);
    expect(reply.suggestions.length).toBeGreaterThan(0);
    expect(reply.suggestions).not.toContain(example);
  });

  it('THEN "who are you?" lists the commands that work here, without the channel ones', async () => {
    const reply = await run('ask', 'en', { question: 'who are you?' });
    expect(reply.text).toContain('/numbers');
    expect(reply.text).not.toMatch(/\/subscribe|\/subscriptions/);
  });
});
