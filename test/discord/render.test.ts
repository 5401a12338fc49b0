import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { discordPayloads, questionOfButton, renderReply, splitText, voteOfButton } from '../../src/discord/render.ts';
import { expectWithinDiscordLimits } from './limits.ts';

const reply = (extra: Partial<Reply> = {}): Reply => ({ text: 'At least 25,000 people left Aleppo.', lang: 'en', answered: true, sources: [], suggestions: [], ...extra });

describe('renderReply', () => {
  test('GIVEN a short answer THEN one embed: title, text, sources as quotes, credit as footer', () => {
    const [message, ...more] = renderReply(
      reply({ title: 'Figures', sources: [{ quote: "au moins 25'000 civils", factId: 'evacuees', article: 'a' }], credit: 'Source: agences/jvia' }),
    );
    expect(more).toEqual([]);
    expect(message!.embeds).toEqual([
      expect.objectContaining({
        title: 'Figures',
        description: 'At least 25,000 people left Aleppo.',
        fields: [{ name: 'Sources', value: "> “au moins 25'000 civils”" }],
        footer: { text: 'Source: agences/jvia' },
      }),
    ]);
    expect(message!.components).toEqual([]);
  });

  test('GIVEN an answer that can be rated THEN 👍 and 👎 with labels in its language come before the suggestions, on the last message only', () => {
    const answerId = 'Abc_12-xyzXYZ789';
    const [message] = renderReply(reply({ lang: 'fr', answerId, suggestions: ['Qui a repris Alep ?'] }));
    const [rating, suggestions] = message!.components;
    expect(rating!.components).toEqual([
      { type: 2, style: 2, emoji: { name: '👍' }, label: 'Utile', custom_id: `rate:y:fr:${answerId}` },
      { type: 2, style: 2, emoji: { name: '👎' }, label: 'Pas utile', custom_id: `rate:n:fr:${answerId}` },
    ]);
    expect(suggestions!.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['ask:Qui a repris Alep ?']);
    expect(rating!.components.map((b) => voteOfButton('custom_id' in b ? b.custom_id : ''))).toEqual([
      { helpful: true, lang: 'fr', answerId },
      { helpful: false, lang: 'fr', answerId },
    ]);
    expect(rating!.components.map((b) => questionOfButton('custom_id' in b ? b.custom_id : ''))).toEqual([undefined, undefined]);
    expect(renderReply(reply({ lang: 'en', answerId }))[0]!.components[0]!.components.map((b) => ('label' in b ? b.label : ''))).toEqual(['Helpful', 'Not helpful']);

    const long = renderReply(reply({ text: 'A line of the answer.\n'.repeat(1000), answerId }));
    expect(long.length).toBeGreaterThan(1);
    expect(long.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
    expect(long.at(-1)!.components).toHaveLength(1);
    for (const m of long) expectWithinDiscordLimits(m);
  });

  test('GIVEN ids that are not votes THEN voteOfButton says so', () => {
    for (const id of ['ask:rate:y:en:abc', 'rate:y:de:abc', 'rate:maybe:en:abc', 'rate:y:en:', `rate:y:en:${'a'.repeat(33)}`, 'rate:y:en:a b']) {
      expect(voteOfButton(id), id).toBeUndefined();
    }
  });

  test('GIVEN a reply without an answer id THEN no rating buttons', () => {
    expect(renderReply(reply({ sources: [{ quote: 'q', factId: 'f', article: 'a' }] }))[0]!.components).toEqual([]);
  });

  test('GIVEN a long quote THEN the source is cut short', () => {
    const [message] = renderReply(reply({ sources: [{ quote: 'word '.repeat(100), factId: 'x', article: 'a' }] }));
    const value = message!.embeds[0]!.fields![0]!.value;
    expect(value.length).toBeLessThan(210);
    expect(value).toMatch(/…”$/);
  });

  test('GIVEN a refusal with suggestions THEN buttons whose ids carry the question, too-long ones left out', () => {
    const long = `How many ${'very '.repeat(25)}long?`;
    const [message] = renderReply(reply({ answered: false, suggestions: ['How many people left Aleppo?', long, 'Who retook Aleppo?'] }));
    const buttons = message!.components[0]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(buttons.map(questionOfButton)).toEqual(['How many people left Aleppo?', 'Who retook Aleppo?']);
    expect(questionOfButton('other:thing')).toBeUndefined();
  });

  test('GIVEN a text longer than an embed THEN it is split at line breaks, in order, over embeds and messages within every limit', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `- Line ${i}: ${'x'.repeat(60)}`);
    const messages = renderReply(reply({ title: 'Long', text: lines.join('\n'), sources: [{ quote: 'q', factId: 'f', article: 'a' }], credit: 'credit', suggestions: ['Who?'] }));
    expect(messages.length).toBeGreaterThan(1);
    messages.forEach(expectWithinDiscordLimits);
    const descriptions = messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).filter(Boolean);
    expect(descriptions.join('\n')).toBe(lines.join('\n'));
    expect(messages.at(-1)!.components).toHaveLength(1);
    expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
    expect(messages.at(-1)!.embeds.at(-1)!.footer).toEqual({ text: 'credit' });
  });

  test('GIVEN any text, sources and suggestions THEN every message stays within Discord limits', () => {
    const text = fc.oneof(fc.string({ maxLength: 20_000 }), fc.array(fc.string({ maxLength: 300 }), { maxLength: 200 }).map((l) => l.join('\n')));
    fc.assert(
      fc.property(
        text,
        fc.array(fc.string({ minLength: 1, maxLength: 600 }), { maxLength: 40 }),
        fc.array(fc.string({ minLength: 1, maxLength: 150 }), { maxLength: 8 }),
        fc.option(fc.string({ minLength: 1, maxLength: 3000 }), { nil: undefined }),
        (body, quotes, suggestions, credit) => {
          const messages = renderReply(reply({ text: body, title: 'T', sources: quotes.map((quote, i) => ({ quote, factId: `f${i}`, article: 'a' })), suggestions, credit }));
          messages.forEach(expectWithinDiscordLimits);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('splitText', () => {
  test('GIVEN a line with no break or space THEN it is cut at the limit', () => {
    expect(splitText('a'.repeat(25), 10)).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
  });
  test('GIVEN words THEN it cuts between them', () => {
    expect(splitText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
  });
});

describe('discordPayloads', () => {
  const withSuggestions = () => reply({ suggestions: ['How many people left Aleppo?'], sources: [{ quote: 'au moins', factId: 'evacuees', article: 'a' }] });

  test('GIVEN a reply THEN discord.js gets the rendered embeds and buttons as they are (JSON-encodable, nothing to convert)', () => {
    const payloads = discordPayloads(withSuggestions());
    expect(JSON.parse(JSON.stringify(payloads))).toEqual(renderReply(withSuggestions()));
  });

  test('GIVEN a frozen reply (a cacheable command) THEN it is rendered once; another reply every time', () => {
    const frozen = Object.freeze(withSuggestions());
    expect(discordPayloads(frozen)).toBe(discordPayloads(frozen));
    const fresh = withSuggestions();
    expect(discordPayloads(fresh)).not.toBe(discordPayloads(fresh));
  });
});
