import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { renderReply, voteOfAction } from '../../src/slack/render.ts';
import { escapeMrkdwn, fromSlackText, toMrkdwn } from '../../src/slack/text.ts';
import { blockKitProblem } from '../fakes/slack/index.ts';

describe('Slack text', () => {
  it('GIVEN the core\'s light markdown THEN it becomes mrkdwn', () => {
    expect(toMrkdwn('**Six** people were *detained*')).toBe('*Six* people were _detained_');
    expect(toMrkdwn('- one\n- two')).toBe('• one\n• two');
    expect(toMrkdwn('2*3*4 and a * b * c')).toBe('2*3*4 and a * b * c');
  });

  it('GIVEN mentions, links and entities THEN they are escaped and cannot ping', () => {
    expect(escapeMrkdwn('<!channel> & <@U1> <https://x.example|x>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; &lt;https://x.example|x&gt;');
    expect(toMrkdwn('**<!here>**')).toBe('*&lt;!here&gt;*');
  });

  it('GIVEN what Slack sends THEN the core gets plain text without the bot\'s own mention', () => {
    expect(fromSlackText('<@U0BOT>  how many &lt;people&gt; &amp; rebels?', { botUserId: 'U0BOT' })).toBe('how many <people> & rebels?');
    expect(fromSlackText('ask <@U0BOB> about <!here>')).toBe('ask <@U0BOB> about <!here>');
  });
});

const reply: Reply = {
  title: 'Figures',
  text: '- **25,000** people left\n- *five* days',
  lang: 'en',
  answered: true,
  sources: [{ quote: "au moins 25'000 civils", factId: 'evacuees', article: 'a' }],
  suggestions: ['Who signed?'],
  credit: 'Source: agences/jvia, "Title"',
};

describe('renderReply', () => {
  it('GIVEN an answer THEN header, question, answer, quoted sources, credit and buttons, in that order', () => {
    expect(renderReply(reply, { question: 'how many <left>?' })).toEqual({
      text: 'Figures: - 25,000 people left - five days',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Figures', emoji: false } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: '*Question:* how many &lt;left&gt;?' }] },
        { type: 'section', text: { type: 'mrkdwn', text: '• *25,000* people left\n• _five_ days' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: "> _au moins 25'000 civils_" }] },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Source: agences/jvia, "Title"' }] },
        {
          type: 'actions',
          block_id: 'depeche_suggestions',
          elements: [{ type: 'button', action_id: 'depeche_suggest_0', text: { type: 'plain_text', text: 'Who signed?', emoji: false }, value: 'Who signed?' }],
        },
      ],
    });
  });

  it('GIVEN an answer that can be rated THEN 👍 and 👎, labelled in its language for screen readers too, come between the credit and the suggestions', () => {
    const blocks = renderReply({ ...reply, lang: 'fr', answerId: 'Abc_12-xyzXYZ789' }).blocks;
    expect(blocks.map((block) => ('block_id' in block ? block.block_id : block.type))).toEqual(['header', 'section', 'context', 'context', 'depeche_rating', 'depeche_suggestions']);
    expect(blocks[4]).toEqual({
      type: 'actions',
      block_id: 'depeche_rating',
      elements: [
        { type: 'button', action_id: 'depeche_rate_helpful', text: { type: 'plain_text', text: '👍 Utile', emoji: true }, accessibility_label: 'Utile', value: 'fr:Abc_12-xyzXYZ789' },
        { type: 'button', action_id: 'depeche_rate_not_helpful', text: { type: 'plain_text', text: '👎 Pas utile', emoji: true }, accessibility_label: 'Pas utile', value: 'fr:Abc_12-xyzXYZ789' },
      ],
    });
    expect(blockKitProblem(blocks)).toBeUndefined();
    expect(voteOfAction('depeche_rate_helpful', 'fr:Abc_12-xyzXYZ789')).toEqual({ helpful: true, lang: 'fr', answerId: 'Abc_12-xyzXYZ789' });
    expect(voteOfAction('depeche_rate_not_helpful', 'en:abc')).toEqual({ helpful: false, lang: 'en', answerId: 'abc' });
    for (const [action, value] of [['depeche_suggest_0', 'en:abc'], ['depeche_rate_helpful', 'de:abc'], ['depeche_rate_helpful', 'en:'], ['depeche_rate_helpful', undefined], ['depeche_rate_maybe', 'en:abc']] as const) {
      expect(voteOfAction(action, value), `${action} ${value}`).toBeUndefined();
    }
    expect(JSON.stringify(renderReply(reply).blocks)).not.toContain('depeche_rate');
  });

  it('GIVEN a refusal with no sources THEN no source or credit blocks', () => {
    const refusal: Reply = { text: 'Not in the article.', lang: 'en', answered: false, sources: [], suggestions: [] };
    expect(renderReply(refusal).blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Not in the article.' } }]);
  });

  it('GIVEN long text, many sources and long suggestions THEN it stays within Block Kit limits', () => {
    const long: Reply = {
      ...reply,
      title: 'T'.repeat(400),
      text: Array.from({ length: 400 }, (_, i) => `- line ${i} with <b> & more words`).join('\n') + `\n${'x'.repeat(7000)}`,
      sources: Array.from({ length: 60 }, (_, i) => ({ quote: `quote ${i}`, factId: 'same-id', article: 'a' })),
      suggestions: Array.from({ length: 9 }, (_, i) => `${'a very long suggested question '.repeat(5)}${i}`),
      answerId: 'Abc_12-xyzXYZ789',
    };
    const { blocks } = renderReply(long, { question: 'q'.repeat(5000) });
    expect(blockKitProblem(blocks)).toBeUndefined();
    const text = blocks.filter((block) => block.type === 'section').map((block) => (block as { text: { text: string } }).text.text).join('\n');
    expect(text).toContain('line 399 with &lt;b&gt; &amp; more words');
  });

  // Slack parses mentions in mrkdwn and in the notification text; plain_text (header, button) is shown as is.
  it('GIVEN any text at all THEN no mention or link survives in what Slack parses, and the blocks are valid', () => {
    const slackish = fc.oneof(fc.string(), fc.constantFrom('<!channel>', '<!here>', '<!everyone>', '<@U123>', '<#C1>', '&', '**', '*', '- ', '\n'));
    fc.assert(
      fc.property(fc.array(slackish, { maxLength: 30 }), fc.array(slackish, { maxLength: 10 }), (parts, other) => {
        const text = parts.join('');
        const message = renderReply(
          { title: other.join('') || undefined, text, lang: 'en', answered: true, sources: [{ quote: text || 'q', factId: 'f', article: 'a' }], suggestions: other.filter(Boolean), credit: other.join(' ') || undefined },
          { question: text },
        );
        for (const value of [message.text, ...mrkdwnTexts(message.blocks)]) expect(value).not.toMatch(/<[!@#]/);
        expect(blockKitProblem(message.blocks)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (!value || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  const own = object.type === 'mrkdwn' && typeof object.text === 'string' ? [object.text] : [];
  return [...own, ...Object.values(object).flatMap(mrkdwnTexts)];
}
