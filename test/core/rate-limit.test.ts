import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseConfig } from '../../src/config.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import { RateLimiter } from '../../src/core/rate-limit.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

describe('GIVEN the per-user rate limiter', () => {
  it('GIVEN more than 10,000 users THEN those quiet for a window are forgotten, once a window, and the limit still holds for the others', () => {
    let now = 0;
    const limiter = new RateLimiter({ count: 1, windowMs: 1000, now: () => now });
    for (let user = 0; user <= 10_000; user++) expect(limiter.take(`u${user}`)).toBe(true);
    expect(limiter.size).toBe(10_001);
    now = 500;
    expect(limiter.take('late')).toBe(true);
    // Swept at 0 already: not again within the window, however many users there are.
    expect(limiter.size).toBe(10_002);
    now = 1000;
    expect(limiter.take('later')).toBe(true);
    expect(limiter.size).toBe(2);
    expect(limiter.take('late')).toBe(false);
    expect(limiter.take('u1')).toBe(true);
  });
});

describe('GIVEN Depeche with a rate limit of 3 questions', () => {
  it('WHEN someone floods it with messages that are too long THEN they count against the limit like any other', async () => {
    const depeche = createDepeche({ commands, knowledge: loadKnowledge('knowledge'), config: parseConfig({ RATE_LIMIT_COUNT: '3' }) });
    const who = { conversationKey: 'flood', userKey: 'flooder' };
    const long = 'a'.repeat(40_000);
    const replies = [];
    for (let i = 0; i < 4; i += 1) replies.push(await depeche.ask(long, who));
    expect(replies.slice(0, 3).every((reply) => /too long/.test(reply.text))).toBe(true);
    expect(replies[3]!.text).toMatch(/faster than I can/);
    // Someone else is answered at once.
    expect((await depeche.ask('How many people left Aleppo?', { conversationKey: 'other', userKey: 'other' })).text).toMatch(/25,000/);
  });
});
