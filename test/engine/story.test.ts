// Answers shaped like the story: several asks in a line, the article as a whole, the roles of the last answer,
// instructions about it, chat around a question. Asked of the real knowledge (every article loaded).
import { describe, expect, it } from 'vitest';
import { answerSession } from '../../src/core/answer-session.ts';
import { ANSWER_TEXT_MAX } from '../../src/core/answer-text.ts';
import { answerEntries } from '../../src/engine/answer-entries.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const engine = createEngine(loadKnowledge('knowledge'));
const factIds = (reply: ReturnType<ReturnType<typeof answerSession>['ask']>) =>
  answerEntries(reply.answer).flatMap((entry) => (entry.kind === 'fact' ? [entry.fact.id] : entry.kind === 'gap' ? [`gap:${entry.gap.id}`] : [`actor:${entry.actor.id}`]));

/** A conversation: each line asked after the one before. */
function chat(...lines: string[]) {
  const session = answerSession(engine);
  return lines.map((line) => session.ask(line));
}

describe('GIVEN several asks in one line', () => {
  it('THEN each is answered in the order asked, one part each', () => {
    const [reply] = chat('Who met, where will the talks be held, and what did Putin say?');
    const parts = reply!.text.split('\n\n');
    expect(parts).toHaveLength(3);
    expect(parts[0]).toMatch(/Iran/);
    expect(parts[1]).toMatch(/Kazakhstan/);
    expect(parts[2]).toMatch(/terrorism|provocation/);
  });

  it('THEN an ask the article does not cover is said in its place, and the rest is still answered', () => {
    const [reply] = chat("How many people left Aleppo, and what's the weather in Ankara?");
    expect(reply!.answered).toBe(true);
    expect(reply!.text).toMatch(/25,000/);
    expect(reply!.text).toMatch(/does not cover "what's the weather in Ankara"/);
  });

  it('THEN the same view asked again in the line is given once', () => {
    const [reply] = chat('the key numbers? the key numbers? the key numbers?');
    expect(reply!.answered).toBe(true);
    expect(reply!.text.match(/25,000/g)).toHaveLength(1);
  });

  it('THEN a line asking for more than one message holds says what it left out, within the bound', () => {
    const [reply] = chat('timeline, and the key numbers, and the quotes, and who is who, and the full summary');
    expect(reply!.text.length).toBeLessThanOrEqual(ANSWER_TEXT_MAX);
    expect(reply!.text).toMatch(/more questions? in that message: ask/);
  });

  it('THEN the user\'s words said back carry no markup, mention or link', () => {
    const [reply] = chat('How many people left Aleppo, and who is <@everyone> at https://evil.example/x?');
    expect(reply!.text).not.toMatch(/<@|https?:\/\//);
  });
});

describe('GIVEN a question about the whole article', () => {
  it('THEN the gist, the summary and the full summary grow in that order', () => {
    const gist = chat('How many people left Aleppo?', 'the gist in one line')[1]!;
    const summary = chat('How many people left Aleppo?', 'résume l’article')[1]!;
    const full = chat('How many people left Aleppo?', 'summary', 'more detail')[2]!;
    expect(gist.sources.length).toBeLessThan(summary.sources.length);
    expect(summary.sources.length).toBeLessThan(full.sources.length);
  });

  it('THEN a timeline lists dated claims in date order, each with its date', () => {
    const reply = chat('How many people left Aleppo?', 'timeline')[1]!;
    const lines = reply.text.split('\n').filter((line) => line.startsWith('- '));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines[0]).toMatch(/^- .*December 2016: /);
    const days = lines.map((line) => Number(/(\d+) December/.exec(line)?.[1]));
    expect(days).toEqual([...days].sort((a, b) => a - b));
  });

  it("THEN one speaker's quotes are given word for word, and the key figures are the facts with a figure", () => {
    const quotes = chat('How many people left Aleppo?', "give me Lavrov's exact words")[1]!;
    expect(quotes.text).toMatch(/What Sergei Lavrov said/);
    expect(quotes.text).toContain('“Les ministres sont convenus');
    const figures = chat('How many people left Aleppo?', 'the key figures')[1]!;
    expect(figures.text).toMatch(/25,000/);
    expect(figures.text).toMatch(/does not say how many people were killed/i);
  });

  it("THEN who's who lists the people first, and the source says who published it", () => {
    const people = chat('How many people left Aleppo?', "who's who?")[1]!;
    expect(people.text.split('\n')[1]).toMatch(/Lavrov|Assad|Erdogan|Putin/);
    const source = chat('How many people left Aleppo?', 'which agency is this from?')[1]!;
    expect(source.text).toMatch(/agences\/jvia/);
  });

  it('THEN with no article in the conversation, each article gets its own view', () => {
    const [reply] = chat('timeline pls');
    expect(reply!.answer.kind === 'answer' && reply!.answer.parts.length).toBeGreaterThanOrEqual(2);
  });
});

describe('GIVEN a follow-up that asks a role of the last answer', () => {
  it('THEN "when was that?" gives the claim\'s day, worked out from the article\'s words', () => {
    const [, when] = chat('What happened to the Russian ambassador?', 'when was that?');
    expect(when!.text).toMatch(/Monday, 19 December 2016/);
  });

  it('THEN "who gave that number?" and "selon qui ?" give who the article attributes it to', () => {
    const [, who] = chat('How many people left Aleppo?', 'who gave that number?');
    expect(who!.text).toMatch(/Red Cross|ICRC|spokeswoman/);
    const [, selon] = chat('Combien de personnes ont quitté Alep ?', 'selon qui ?');
    expect(selon!.text).toMatch(/Croix-Rouge|porte-parole/);
  });

  it('THEN a role the claim lacks is said to be missing, from the claim itself', () => {
    const [, where] = chat('Did Erdogan and Putin agree to keep cooperating?', 'where?');
    expect(where!.text).toMatch(/^The article does not say where/);
    const [, city] = chat('Where will the peace talks be held?', 'which city there?');
    expect(city!.text).toMatch(/does not say .*in which city/);
  });

  it('THEN a known gap that declares the role answers it', () => {
    const [, who] = chat('What happened to the Russian ambassador?', 'who did it?');
    expect(factIds(who!)).toEqual(['gap:killer']);
  });
});

describe('GIVEN a gap that says which role is missing', () => {
  it('THEN a question about another role of the same events never gets it', () => {
    const [reply] = chat('How did Turkey respond to the murder of the ambassador?');
    expect(factIds(reply!)).not.toContain('gap:killer');
    const [killer] = chat('Who killed the ambassador?');
    expect(factIds(killer!)).toEqual(['gap:killer']);
  });
});

describe('GIVEN an instruction about the last answer', () => {
  it('THEN "shorter", "in French", "in English" and "sources?" change it without searching again', () => {
    const [broad, shorter] = chat('What did Russia, Iran and Turkey agree to?', 'shorter please');
    expect(broad!.sources.length).toBeGreaterThan(1);
    expect(shorter!.sources).toEqual([broad!.sources[0]]);
    const [english, french] = chat('How many people left Aleppo?', 'in French?');
    expect(french!.lang).toBe('fr');
    expect(french!.sources).toEqual(english!.sources);
    const [, back] = chat('Combien de personnes ont quitté Alep ?', 'en anglais stp');
    expect(back!.lang).toBe('en');
    const [, sources] = chat('How many people left Aleppo?', 'sources?');
    expect(sources!.text).toContain("“au moins 25'000 civils et rebelles");
  });

  it('THEN with nothing said before, an instruction is not answered with a fact', () => {
    expect(chat('shorter please')[0]!.sources).toEqual([]);
  });
});

describe('GIVEN chat around a question', () => {
  it.each([
    ['ok so what did lavrov announce then', /Lavrov/],
    ["du coup c'est qui les garants ?", /garants/],
    ['hu backs assad lol', /backers/],
    ['wait, how many left aleppo??', /25,000/],
  ])('THEN %j is answered', (line, expected) => {
    const [reply] = chat(line);
    expect(reply!.answered).toBe(true);
    expect(reply!.text).toMatch(expected);
  });

  it('THEN a mixed-language line is answered in the language its question words use', () => {
    const [reply] = chat("the Red Cross figure, c'est combien déjà ?");
    expect(reply!.lang).toBe('fr');
    expect(reply!.text).toMatch(/25'000/);
  });
});

describe('GIVEN zero-width and other format characters inside words', () => {
  it('THEN the question is read as if they were not there', () => {
    const [plain] = chat('How many people left Aleppo?');
    const [hidden] = chat('How m\u200Bany peo\u200Dple left Al\uFEFFeppo?');
    expect(hidden!.answered).toBe(true);
    expect(hidden!.text).toBe(plain!.text);
  });
});

describe('GIVEN a question in another language than English or French', () => {
  it('THEN the refusal is in English and says which languages Depeche answers in', () => {
    for (const question of ['¿Cuántas personas salieron de Alepo?', 'Wie viele Menschen haben Aleppo verlassen?']) {
      const [reply] = chat(question);
      expect(reply!.answered).toBe(false);
      expect(reply!.lang).toBe('en');
      expect(reply!.text).toMatch(/^I answer in English or French/);
    }
    // English with a German name in it is English.
    expect(chat('What did von der Leyen say?')[0]!.text).not.toMatch(/I answer in English or French/);
  });
});
