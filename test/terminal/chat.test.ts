import { commands as registry } from '../../commands/index.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { createDepeche } from '../../src/core/depeche.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { answerOnce } from '../../src/core/answer-session.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import type { Knowledge } from '../../src/knowledge/types.ts';
import { runTerminalChat, type TerminalChatOptions } from '../../src/terminal/chat.ts';
import { syrianArticleKnowledge, twoArticleKnowledge } from '../fixtures/two-articles.ts';

const knowledge = loadKnowledge(syrianArticleKnowledge());
const ESC = '\x1b[';

interface ChatSetup extends Pick<TerminalChatOptions, 'columns' | 'color' | 'terminal'> {
  /** The output claims to be a terminal of this width, with or without colours (as NO_COLOR makes hasColors() say). */
  tty?: { columns: number; hasColors: boolean };
  knowledge?: Knowledge;
  /** A store that keeps votes: answers can then be rated with /good and /bad. */
  store?: Store;
}

/** Starts a chat on in-memory streams; `transcript()` is everything the bot printed so far. */
function startChat(setup: ChatSetup = {}) {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), setup.tty ? { isTTY: true, columns: setup.tty.columns, hasColors: () => setup.tty!.hasColors } : {});
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const feedback = setup.store && { store: setup.store };
  const depeche = createDepeche({ commands: registry, knowledge: setup.knowledge ?? knowledge, config: { conversationTtlMs: 60_000, maxQuestionLength: 500 }, now: () => 0, feedback });
  const { tty: _tty, knowledge: _knowledge, store: _store, ...options } = setup;
  const done = runTerminalChat({ depeche, input, output, ...options });
  return {
    done,
    input,
    say: (...lines: string[]) => input.write(lines.map((line) => `${line}\n`).join('')),
    close: () => input.end(),
    transcript: () => printed,
    /** The bot's reply to each line: the text after the line echoed at a "you> " prompt, to the next prompt; no colours. */
    replies: () =>
      stripVTControlCharacters(printed)
        .split('you> ')
        .slice(1)
        .map((chunk) => chunk.slice(chunk.indexOf('\n') + 1))
        .filter((reply) => reply.trim()),
  };
}

/** Runs a whole chat, ending with /quit, and returns the replies. */
async function chatReplies(lines: string[], setup: ChatSetup = {}): Promise<string[]> {
  const chat = startChat(setup);
  chat.say(...lines, '/quit');
  await chat.done;
  return chat.replies();
}

const temps: string[] = [];
function votesStore(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-terminal-votes-'));
  temps.push(dir);
  return openSqliteStore({ dataDir: dir });
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('runTerminalChat', () => {
  it('GIVEN a question, a command, a refusal, a picked suggestion and /quit THEN it answers each and resolves', async () => {
    const chat = startChat();
    chat.say('How many people left Aleppo?', '/numbers', 'What is the capital of Kazakhstan?', '1', '/quit');
    await chat.done;

    expect(chat.transcript()).toMatch(/^Depeche — ask about the articles/);
    const [aleppo, numbers, refusal, picked, ...rest] = chat.replies();
    expect(rest).toEqual([]);

    // user: How many people left Aleppo?
    expect(aleppo).toMatch(/At least 25,000 civilians and rebels have left Aleppo/);
    expect(aleppo).toMatch(/Sources \(original, French\):\n {2}“au moins 25'000 civils/);

    // user: /numbers
    expect(numbers).toMatch(/^Figures\n/);
    expect(numbers).toMatch(/The article does not say how many people were killed/);
    expect(numbers).toMatch(/\n {2}“Six interpellations/);

    // user: What is the capital of Kazakhstan?
    expect(refusal).toMatch(/it does not cover that/);
    // Numbered, so that typing the number asks one.
    const suggested = /Did you mean:\n((?: {2}\d\. .+\n?)+)/.exec(refusal!)?.[1]?.trimEnd().split('\n').map((line) => line.replace(/^ {2}\d\. /, ''));
    expect(suggested?.length).toBeGreaterThanOrEqual(1);
    expect(suggested?.length).toBeLessThanOrEqual(3);
    expect(refusal).not.toMatch(/Sources/);

    // user: 1 → the first suggestion of the refusal, answered with its sources
    const expected = answerOnce(createEngine(knowledge), suggested![0]!);
    expect(expected.answered).toBe(true);
    expect(picked).toContain(expected.text);
    expect(picked).toMatch(/Sources \(original, French\):\n {2}“/);
  });

  it('GIVEN answers with sources THEN the quotes show without the ids of the knowledge', async () => {
    const replies = await chatReplies(['How many people left Aleppo?', '/numbers', '/reactions', 'Who is Erdogan?']);
    const ids = [...knowledge.newest.facts, ...knowledge.newest.actors].map((entry) => entry.id);
    for (const reply of replies) {
      expect(reply).toMatch(/Sources/);
      for (const id of ids) expect(reply).not.toContain(`[${id}]`);
    }
  });

  it('GIVEN a French question THEN the labels are French and the quotes, in the language of the answer, are not marked', async () => {
    const [arrests] = await chatReplies(["combien d'interpellations ?"]);
    expect(arrests).toMatch(/Six personnes ont été interpellées/);
    expect(arrests).toMatch(/\nSources :\n {2}«\u00a0Six interpellations/);
    expect(arrests).not.toMatch(/original/);
    expect(arrests).toMatch(/\nSource : agences\/jvia, « Moscou/);
  });

  it('GIVEN quotes that hold quotes THEN the inner ones become inner marks of the answer language, never doubled straight quotes', async () => {
    const [english, french] = await chatReplies(['What did Putin say?', 'Qu’a dit Poutine ?']);
    expect(english).toContain("“le dirigeant russe soulignant qu'‘il peut y avoir seulement une réponse à cela: intensifier la lutte contre le terrorisme’”");
    expect(english).toContain('“Tous deux ont qualifié l\'attaque de ‘provocation’ destinée');
    expect(french).toContain("«\u00a0le dirigeant russe soulignant qu'“il peut y avoir seulement une réponse à cela: intensifier la lutte contre le terrorisme”\u00a0»");
    for (const reply of [english, french]) {
      const quotes = reply!.slice(reply!.indexOf('Sources'), reply!.indexOf('\nSource'));
      expect(quotes).not.toMatch(/"/);
    }
  });

  it('GIVEN an article in English and a French question THEN its quote is marked "original en anglais"', async () => {
    const root = twoArticleKnowledge();
    temps.push(root);
    const [strike] = await chatReplies(['Combien de jours dure la grève des dockers de Marseille ?'], { knowledge: loadKnowledge(root) });
    expect(strike).toMatch(/\nSources \(original en anglais\) :\n {2}«\u00a0Dockers at the port of Marseille/);
  });

  it('GIVEN /sources THEN the publisher is named in the text and the credit line, not a third time as a quote', async () => {
    const [sources, , french] = await chatReplies(['/sources', 'qui soutient Assad ?', '/sources']);
    for (const reply of [sources!, french!]) {
      expect(reply.match(/agences\/jvia/g)).toHaveLength(2);
      expect(reply).not.toMatch(/Sources( \(original[^)]*\))? ?:/);
    }
    expect(sources).toMatch(/Published by agences\/jvia, in French/);
    expect(sources).toMatch(/\nSource: agences\/jvia, "/);
    expect(french).toMatch(/\nSource : agences\/jvia, « /);
  });
});

describe('GIVEN the width of the terminal', () => {
  const answer = answerOnce(createEngine(knowledge), 'How many people left Aleppo?');

  it('WHEN the chat runs at 50 columns THEN every line fits, and words are never cut', async () => {
    const chat = startChat({ columns: 50 });
    chat.say('How many people left Aleppo?', '/numbers', '/help', 'What is the capital of Kazakhstan?', '/quit');
    await chat.done;
    for (const line of chat.transcript().split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(50);
    const [aleppo] = chat.replies();
    // The answer's words, in order, whole: "Red Cross", never "Red Cro" / "ss".
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(words(aleppo!).join(' ')).toContain(words(answer.text).join(' '));
    expect(aleppo).toMatch(/\bCross\b/);
    // Continuation rows of a quote hang under its first word.
    expect(aleppo).toMatch(/\n {2}“au moins[^\n]*\n {3}\S/);
  });

  it('WHEN the output is not a terminal and no width is given THEN nothing is wrapped', async () => {
    const [aleppo] = await chatReplies(['How many people left Aleppo?']);
    expect(aleppo!.split('\n')[0]).toBe(answer.text);
  });

  it("WHEN the output is a terminal THEN the chat wraps at the terminal's own width", async () => {
    const chat = startChat({ tty: { columns: 40, hasColors: false }, terminal: false });
    chat.say('How many people left Aleppo?', '/quit');
    await chat.done;
    const lines = chat.transcript().split('\n');
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(40);
    expect(lines.filter((line) => stringWidth(line) > 30).length).toBeGreaterThan(3);
  });
});

describe('GIVEN colours', () => {
  it('WHEN color is on THEN the answer, its sources and the suggestions are painted apart', async () => {
    const chat = startChat({ color: true });
    chat.say('How many people left Aleppo?', 'What is the capital of Kazakhstan?', '/quit');
    await chat.done;
    const printed = chat.transcript();
    const aleppo = printed.slice(printed.indexOf('How many people left Aleppo?\n') + 'How many people left Aleppo?\n'.length);
    const refusal = printed.slice(printed.indexOf('What is the capital of Kazakhstan?\n'));
    // The answer in the terminal's own colour; its heading, its quotes and the credit each in theirs.
    expect(aleppo.startsWith('At least 25,000')).toBe(true);
    expect(aleppo).toContain(`${ESC}1m${ESC}34mSources (original, French):`);
    expect(aleppo).toContain(`${ESC}2m  “au moins 25'000`);
    expect(aleppo).toContain(`${ESC}2m${ESC}3mSource: agences/jvia`);
    expect(refusal).toContain(`${ESC}33m  1. `);
  });

  it('WHEN the output is a terminal without colours (NO_COLOR, TERM=dumb) THEN no escape codes', async () => {
    const chat = startChat({ tty: { columns: 80, hasColors: false }, terminal: false });
    chat.say('How many people left Aleppo?', '/quit');
    await chat.done;
    expect(chat.transcript()).not.toContain('\x1b');
  });

  it('WHEN the output is a terminal with colours and nothing is said THEN colours are on', async () => {
    const chat = startChat({ tty: { columns: 80, hasColors: true }, terminal: false });
    chat.say('How many people left Aleppo?', '/quit');
    await chat.done;
    expect(chat.transcript()).toContain(`${ESC}2m`);
  });

  it('WHEN the output is a pipe THEN no escape codes', async () => {
    const chat = startChat();
    chat.say('How many people left Aleppo?', '/help', '/quit');
    await chat.done;
    expect(chat.transcript()).not.toContain('\x1b');
  });
});

describe('GIVEN the commands of the terminal', () => {
  it('WHEN /help THEN it lists what works here, the chat\'s own commands, and not the channel commands', async () => {
    const [help] = await chatReplies(['/help']);
    for (const name of ['ask', 'briefing', 'agreements', 'numbers', 'reactions', 'sources', 'help', 'clear', 'quit']) expect(help).toMatch(new RegExp(`- /${name}\\b`));
    for (const name of ['subscribe', 'unsubscribe', 'subscriptions']) expect(help).not.toMatch(new RegExp(`/${name}\\b`));
    expect(help).toMatch(/Type the number of a suggestion to ask it\.\n\nTry for example:\n {2}1\. /);
  });

  it('WHEN a store keeps votes THEN /help lists /good and /bad; without one it does not', async () => {
    const store = votesStore();
    const [withStore] = await chatReplies(['/help'], { store });
    expect(withStore).toMatch(/- \/good: Mark the last answer as helpful\n- \/bad: Mark the last answer as not helpful/);
    const [without] = await chatReplies(['/help']);
    expect(without).not.toMatch(/\/good|\/bad/);
    store.close();
  });

  it('WHEN /good or /bad follow an answer THEN the vote is recorded and thanked, one per answer, changeable', async () => {
    const store = votesStore();
    const replies = await chatReplies(['How many people left Aleppo?', '/good', '/bad', '/bad', 'Où auront lieu les pourparlers de paix ?', '/good'], { store });
    expect(replies.slice(1, 4)).toEqual(['Thanks, noted.\n\n', 'Thanks, noted.\n\n', 'Thanks, noted.\n\n']);
    expect(replies[5]).toBe("Merci, c'est noté.\n\n");
    expect(await store.listVotes({ helpful: false })).toMatchObject([{ question: 'how many people left aleppo', entries: ['evacuees'], notHelpful: 1, helpful: 0 }]);
    expect(await store.listVotes({ helpful: true })).toMatchObject([{ question: 'où auront lieu les pourparlers de paix', helpful: 1 }]);
    store.close();
  });

  it('WHEN /good comes first, after a refusal or after /clear THEN there is nothing to rate; without a store, ratings are not recorded', async () => {
    const store = votesStore();
    const replies = await chatReplies(['/good', 'Who won the World Cup?', '/bad', 'Who retook Aleppo?', '/clear', '/good'], { store });
    expect(replies[0]).toBe('Nothing to rate: /good and /bad rate the answer just given, when it cites the article.\n\n');
    expect(replies[2]).toBe(replies[0]);
    expect(replies[5]).toBe(replies[0]);
    expect(await store.listVotes({ helpful: true })).toEqual([]);
    expect(await store.listVotes({ helpful: false })).toEqual([]);
    store.close();
    expect((await chatReplies(['How many people left Aleppo?', '/good']))[1]).toBe('Ratings are not recorded here.\n\n');
  });

  it('WHEN /help after a French question THEN it is in French', async () => {
    const [, help] = await chatReplies(['qui soutient Assad ?', '/help']);
    expect(help).toMatch(/Je réponds aux questions/);
    expect(help).toMatch(/- \/clear: Commencer une nouvelle conversation/);
  });

  it('WHEN a number is out of range THEN it says so and which to pick, and asks nothing', async () => {
    const [refusal, seven, zero, picked] = await chatReplies(['What is the capital of Kazakhstan?', '7', '0', '3']);
    const count = (refusal!.match(/^ {2}\d\. /gm) ?? []).length;
    expect(count).toBe(3);
    expect(seven).toBe('There is no suggestion 7: pick a number from 1 to 3, or ask a question.\n\n');
    expect(zero).toBe('There is no suggestion 0: pick a number from 1 to 3, or ask a question.\n\n');
    expect(picked).toMatch(/Sources/);
  });

  it('WHEN a number follows /help THEN it asks the suggestion /help showed under that number', async () => {
    const [refusal, help, picked] = await chatReplies(['What is the capital of Kazakhstan?', '/help', '2']);
    const second = /^ {2}2\. (.+)$/m.exec(help!)?.[1];
    // The refusal before offered another question as its second: the one on screen is /help's.
    expect(second).toBeDefined();
    expect(second).not.toBe(/^ {2}2\. (.+)$/m.exec(refusal!)?.[1]);
    expect(picked).toContain(answerOnce(createEngine(knowledge), second!).text);
  });

  it('WHEN a number is typed with no suggestion to pick THEN it says so, in the language of the chat', async () => {
    const [first, , french] = await chatReplies(['2', 'combien de personnes ont quitté Alep ?', '2']);
    expect(first).toBe('There is no suggestion 2 to pick: ask me a question about the article.\n\n');
    expect(french).toMatch(/^Il n'y a pas de suggestion 2 à choisir/);
  });

  it('WHEN /clear THEN a follow-up no longer leans on the previous question', async () => {
    const fresh = answerOnce(createEngine(knowledge), 'And Erdogan?');
    const [, followUp, cleared, afresh] = await chatReplies(['What did Putin say?', 'And Erdogan?', '/clear', 'And Erdogan?']);
    expect(followUp).not.toContain(fresh.text);
    expect(cleared).toBe('New conversation: follow-up questions start afresh.\n\n');
    expect(afresh).toContain(fresh.text);
  });

  it('WHEN /QUIT or /exit THEN the chat ends; an unknown /command says so and the chat goes on', async () => {
    const chat = startChat();
    chat.say('/nosuch', 'Who backs Assad?', '/EXIT', 'never asked');
    await chat.done;
    const [unknown, backers, ...rest] = chat.replies();
    expect(unknown).toMatch(/There is no command "nosuch"/);
    expect(backers).toMatch(/main military backers/);
    expect(rest).toEqual([]);
  });
});

describe('GIVEN a terminal with line editing', () => {
  /** A chat in terminal mode: keys as a keyboard sends them. */
  function keyboardChat() {
    return startChat({ terminal: true, tty: { columns: 80, hasColors: false } });
  }

  it.each([
    ['Ctrl-C', '\x03'],
    ['Ctrl-D', '\x04'],
  ])('WHEN %s THEN the chat ends on a new line', async (_, key) => {
    const chat = keyboardChat();
    chat.input.write('Who backs Assad?\r');
    await expect.poll(() => stripVTControlCharacters(chat.transcript())).toMatch(/main military backers[\s\S]*you> $/);
    chat.input.write(key);
    await chat.done;
    expect(stripVTControlCharacters(chat.transcript())).toMatch(/you> \n$/);
  });

  it('WHEN ↑ and Enter THEN the previous question is asked again (history)', async () => {
    const chat = keyboardChat();
    chat.input.write('Who backs Assad?\r');
    await expect.poll(() => stripVTControlCharacters(chat.transcript())).toMatch(/main military backers[\s\S]*you> $/);
    chat.input.write('\x1b[A\r');
    await expect.poll(() => chat.transcript().match(/main military backers/g)?.length).toBe(2);
    chat.input.write('/quit\r');
    await chat.done;
  });

  it('WHEN the input closes before anything is typed THEN the chat resolves with only the banner, on a new line', async () => {
    const chat = startChat();
    chat.close();
    await chat.done;
    expect(chat.replies()).toEqual([]);
    expect(chat.transcript()).toMatch(/\nyou> \n$/);
  });

  it('GIVEN two articles THEN the banner names the newest, and /numbers <words> answers about the article they name', async () => {
    const two = loadKnowledge(twoArticleKnowledge());
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const depeche = createDepeche({ commands: registry, knowledge: two, config: { conversationTtlMs: 60_000, maxQuestionLength: 500 } });
    const done = runTerminalChat({ depeche, input, output });
    input.end('/numbers syria\n/numbers\n');
    await done;
    expect(printed.split('\n')[1]).toBe(`2 articles, the newest: ${two.newest.title.en} (/articles lists them)`);
    const [syria, newest] = printed.split('you> ').slice(1);
    expect(syria).toContain('“Six interpellations');
    expect(newest).toContain('“1,200 jobs are threatened by the automation');
    expect(newest).not.toContain('Six interpellations');
  });
});
