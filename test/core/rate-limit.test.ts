import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/core/rate-limit.ts';

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
