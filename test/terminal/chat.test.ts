import { commands as registry } from '../../commands/index.ts';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDepeche } from '../../src/core/depeche.ts';
import { answerOnce } from '../../src/core/answer-session.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { runTerminalChat } from '../../src/terminal/chat.ts';
import { syrianArticleKnowledge, twoArticleKnowledge } from '../fixtures/two-articles.ts';

const knowledge = loadKnowledge(syrianArticleKnowledge());

/** Starts a chat on in-memory streams; `transcript()` is everything the bot printed so far. */
function startChat() {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const depeche = createDepeche({ commands: registry, knowledge, config: { conversationTtlMs: 60_000, maxQuestionLength: 500 }, now: () => 0 });
  const done = runTerminalChat({ depeche, input, output });
  return {
    done,
    say: (...lines: string[]) => input.write(lines.map((line) => `${line}\n`).join('')),
    close: () => input.end(),
    transcript: () => printed,
    /** The bot's reply to each line: the text between one "you> " prompt and the next. */
    replies: () => printed.split('you> ').slice(1).filter((reply) => reply.trim()),
  };
}

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
    expect(aleppo).toMatch(/Sources:\n {2}\[evacuees\] "au moins 25'000 civils/);

    // user: /numbers
    expect(numbers).toMatch(/^Figures\n/);
    expect(numbers).toMatch(/The article does not say how many people were killed/);
    expect(numbers).toMatch(/\[six-arrests\] "Six interpellations/);

    // user: What is the capital of Kazakhstan?
    expect(refusal).toMatch(/it does not cover that/);
    // Numbered, so that typing the number asks one.
    const suggested = /Did you mean:\n((?: {2}\d\. .+\n?)+)/.exec(refusal!)?.[1]?.trimEnd().split('\n').map((line) => line.replace(/^ {2}\d\. /, ''));
    expect(suggested?.length).toBeGreaterThanOrEqual(1);
    expect(suggested?.length).toBeLessThanOrEqual(3);
    expect(refusal).not.toMatch(/Sources:/);

    // user: 1 → the first suggestion of the refusal, answered with its sources
    const expected = answerOnce(createEngine(knowledge), suggested![0]!);
    expect(expected.answered).toBe(true);
    expect(picked).toContain(expected.text);
    expect(picked).toMatch(/Sources:\n {2}\[/);
    for (const source of expected.sources) expect(picked).toContain(`[${source.factId}] "${source.quote}"`);
  });

  it('GIVEN French questions THEN the answers and the sources heading are in French', async () => {
    const chat = startChat();
    chat.say("combien d'interpellations ?", '/quit');
    await chat.done;
    const [arrests] = chat.replies();
    expect(arrests).toMatch(/Six personnes ont été interpellées/);
    expect(arrests).toMatch(/Sources :|Sources:/);
  });

  it('GIVEN an unknown /command THEN the chat says there is no such command and keeps going', async () => {
    const chat = startChat();
    chat.say('/nosuch', 'Who backs Assad?', '/exit');
    await chat.done;
    const [unknown, backers] = chat.replies();
    expect(unknown).toMatch(/There is no command "nosuch"/);
    expect(backers).toMatch(/main military backers/);
  });

  it('GIVEN the input is closed (Ctrl-D) THEN the chat resolves', async () => {
    const chat = startChat();
    chat.say('Who backs Assad?');
    chat.close();
    await chat.done;
    expect(chat.replies()[0]).toMatch(/main military backers/);
  });

  it('GIVEN the input is closed before anything is typed THEN the chat resolves with only the banner', async () => {
    const chat = startChat();
    chat.close();
    await chat.done;
    expect(chat.replies()).toEqual([]);
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
    expect(syria).toContain('[six-arrests]');
    expect(newest).toContain('[jobs-threatened]');
    expect(newest).not.toContain('[six-arrests]');
  });
});
