import { commands as registry } from '../../commands/index.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseConfig } from '../../src/config.ts';
import { parseCommandLine } from '../../src/core/command-line.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import { anyInput, knowledge, longText, TimeBudget, timed, timedAsync } from './inputs.ts';

/** A reply is a few facts or a list of commands: anything longer means user text was echoed unbounded. */
const REPLY_TEXT_MAX = 6000;

describe('GIVEN parseCommandLine', () => {
  it('WHEN given any line THEN it never throws and names a command or asks the whole line', () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, anyInput.map((text) => `/${text}`), fc.constantFrom(...commands.map((c) => c.name)).chain((name) => anyInput.map((rest) => `${name} ${rest}`))), (line) => {
        const parsed = parseCommandLine(line, commands);
        expect(parsed.name).toBe(parsed.name.toLowerCase());
        expect(parsed.name).not.toMatch(/\s/);
        const command = commands.find((candidate) => candidate.name === parsed.name);
        if (command) {
          const known = new Set(command.options.map((option) => option.name));
          for (const [key, value] of Object.entries(parsed.args)) {
            expect(known.has(key)).toBe(true);
            expect(value).toBe(value.trim());
          }
        } else {
          // Only a leading slash turns an unknown word into a command name; else the line is a question.
          expect(line.trim().startsWith('/')).toBe(true);
        }
        if (parsed.name === 'ask' && !/^\/?ask(\s|$)/i.test(line.trim())) expect(parsed.args.question).toBe(line.trim());
      }),
      { numRuns: 300 },
    );
  });
});

describe('GIVEN createDepeche with the real configuration bounds', () => {
  const depeche = createDepeche({ commands: registry, knowledge, config: parseConfig({ RATE_LIMIT_COUNT: '1000000' }) });
  const who = { conversationKey: 'fuzz:conversation', userKey: 'fuzz:user' };

  it('WHEN any line is parsed and run THEN the reply is bounded, never throws, and comes quickly', async () => {
    const budget = new TimeBudget();
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyInput, anyInput.map((text) => `/${text}`), longText.map((text) => `/${text.replace(/\s/g, '')}`)), async (line) => {
        const { name, args } = parseCommandLine(line, commands);
        const { value: reply, ms } = await timedAsync(() => depeche.run(name, args, who));
        expect(typeof reply.text).toBe('string');
        expect(reply.text.length).toBeLessThanOrEqual(REPLY_TEXT_MAX);
        expect(['en', 'fr']).toContain(reply.lang);
        budget.record(ms, line);
      }),
      { numRuns: 200 },
    );
    budget.check();
  });

  it('WHEN autocomplete gets up to 20,000 characters THEN it answers within the bound', () => {
    const budget = new TimeBudget();
    fc.assert(
      fc.property(fc.oneof(anyInput, longText), (partial) => {
        const { value: choices, ms } = timed(() => depeche.suggest(partial, { limit: 25 }));
        expect(choices.length).toBeLessThanOrEqual(25);
        budget.record(ms, partial);
      }),
      { numRuns: 30 },
    );
    budget.check();
  });
});
