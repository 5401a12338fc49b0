import { commands as registry } from '../../commands/index.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import type { Reply } from '../../src/core/reply.ts';
import { renderReply as renderDiscord, type MessageBody } from '../../src/discord/render.ts';
import { renderReply as renderSlack, type SlackMessage } from '../../src/slack/render.ts';
import { fromSlackText } from '../../src/slack/text.ts';
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { renderText } from '../../src/terminal/render.ts';
import { terminalStyle } from '../../src/terminal/style.ts';
import { expectWithinDiscordLimits } from '../discord/limits.ts';
import { blockKitProblem } from '../fakes/slack/index.ts';
import { anyInput, knowledge, mentionMix } from './inputs.ts';

const depeche = createDepeche({ commands: registry, knowledge, config: parseConfig({ RATE_LIMIT_COUNT: '1000000' }) });
const who = { conversationKey: 'fuzz:render', userKey: 'fuzz:user' };

/** Any reply the core could hand over, with user-controlled text everywhere a reply can carry some. */
const anyReply: fc.Arbitrary<Reply> = fc.record({
  title: fc.option(fc.oneof(mentionMix, fc.string({ maxLength: 400 })), { nil: undefined }),
  text: fc.oneof(mentionMix, anyInput, fc.string({ maxLength: 12_000 })),
  lang: fc.constantFrom('en' as const, 'fr' as const),
  answered: fc.boolean(),
  sources: fc.array(fc.record({ quote: fc.oneof(mentionMix, fc.string({ maxLength: 2500 })), factId: fc.string({ maxLength: 30 }), article: fc.string({ maxLength: 30 }) }), { maxLength: 30 }),
  // The core's suggestions are questions of the registry or the engine: never blank.
  suggestions: fc.array(fc.oneof(mentionMix, fc.string({ maxLength: 200 })).filter((q) => q.trim().length > 0), { maxLength: 8 }),
  credit: fc.option(fc.oneof(mentionMix, fc.string({ maxLength: 3000 })), { nil: undefined }),
  private: fc.option(fc.boolean(), { nil: undefined }),
  answerId: fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{16}$/), { nil: undefined }),
});

/** A reply of the real core to any question, so that echoed user text (unknown commands...) is covered too. */
const coreReply = fc.oneof(anyInput, anyInput.map((text) => `/${text}`)).map((line) => ({ line }));

function expectDiscordLimits(messages: MessageBody[]): void {
  // A reply is a few messages at most: anything more would flood the channel.
  expect(messages.length).toBeGreaterThan(0);
  expect(messages.length).toBeLessThanOrEqual(5);
  for (const message of messages) {
    expectWithinDiscordLimits(message);
    // No plain content: mentions in embeds never notify; content is where a ping could come from.
    expect('content' in message).toBe(false);
  }
}

/** Every text Slack parses as mrkdwn, where `<!channel>`, `<!here>`, `<@U1>` or `<#C1>` would be live. */
function mrkdwnTexts(message: SlackMessage): string[] {
  const texts = [message.text];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const object = node as Record<string, unknown>;
      if (object.type === 'mrkdwn' && typeof object.text === 'string') texts.push(object.text);
      Object.values(object).forEach(visit);
    }
  };
  visit(message.blocks);
  return texts;
}

function expectNoSlackMention(message: SlackMessage): void {
  for (const text of mrkdwnTexts(message)) {
    // Escaping turns every `<` into `&lt;`: with no `<` left, no mention, channel link or URL can be formed.
    expect(text).not.toContain('<');
    expect(text).not.toMatch(/<[!@#]/);
  }
  expect(blockKitProblem(message.blocks)).toBeUndefined();
}

describe('GIVEN the Discord renderer', () => {
  it('WHEN given any reply THEN every message stays within Discord limits, with no plain content', () => {
    fc.assert(fc.property(anyReply, (reply) => expectDiscordLimits(renderDiscord(reply))), { numRuns: 150 });
  });

  it('WHEN the core answers any question THEN its rendering stays within limits', async () => {
    await fc.assert(
      fc.asyncProperty(coreReply, async ({ line }) => {
        expectDiscordLimits(renderDiscord(await depeche.ask(line, who)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('GIVEN the Slack renderer', () => {
  it('WHEN given any reply and question THEN no mrkdwn text can ping, and Block Kit accepts it', () => {
    fc.assert(
      fc.property(anyReply, fc.option(mentionMix, { nil: undefined }), fc.boolean(), (reply, question, withoutSuggestions) => {
        expectNoSlackMention(renderSlack(reply, { question, withoutSuggestions }));
      }),
      { numRuns: 150 },
    );
  });

  it('WHEN a Slack user sends mentions THEN the answer shown with the question never pings', async () => {
    await fc.assert(
      fc.asyncProperty(mentionMix, async (typed) => {
        // What Slack delivers is already escaped once; the core sees it decoded, and it must come back escaped.
        const question = fromSlackText(typed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), { botUserId: 'U0DEPECHE' });
        expectNoSlackMention(renderSlack(await depeche.ask(question, who), { question }));
      }),
      { numRuns: 100 },
    );
  });
});

describe('GIVEN the terminal renderer', () => {
  it('WHEN given any reply and width THEN no line is wider than the width, and colours change nothing but colours', () => {
    fc.assert(
      fc.property(anyReply, fc.integer({ min: 20, max: 160 }), (reply, width) => {
        const plain = renderText(reply, { width });
        const colored = renderText(reply, { width, style: terminalStyle(true) });
        expect(plain).toBe(stripVTControlCharacters(plain));
        expect(stripVTControlCharacters(colored)).toBe(plain);
        for (const line of plain.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
      }),
      { numRuns: 150 },
    );
  });
});
