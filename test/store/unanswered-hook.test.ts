import { commands as registry } from '../../commands/index.ts';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const knowledge = loadKnowledge('knowledge');
const who = { conversationKey: 'test', userKey: 'test:user' };

describe('createDepeche onUnanswered', () => {
  it('GIVEN questions THEN only the ones the article does not cover are reported: not answers, greetings, empty, too long or rate-limited ones', async () => {
    const unanswered: string[] = [];
    const config = parseConfig({ MAX_QUESTION_LENGTH: '60', RATE_LIMIT_COUNT: '7', RATE_LIMIT_WINDOW_SECONDS: '60' });
    const depeche = createDepeche({ commands: registry, knowledge, config, onUnanswered: (question) => unanswered.push(question) });
    await depeche.ask('  Who won the World Cup?  ', who);
    await depeche.ask('How many people left Aleppo?', who);
    await depeche.ask('hello', who);
    await depeche.run('ask', {}, who);
    await depeche.ask(`What about ${'a very long question '.repeat(5)}?`, who);
    await depeche.run('numbers', {}, who);
    await depeche.ask('What is the capital of Kazakhstan?', who);
    // Over the rate limit (7 per minute, the too-long one counted): refused before the engine sees it.
    await depeche.ask('Who is the best football player?', who);
    expect(unanswered).toEqual(['Who won the World Cup?', 'What is the capital of Kazakhstan?']);
  });
});
