import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/core/messages.ts';
import { appMention, directMessage, eventCallback, newTs, slashCommand } from '../fakes/slack/index.ts';
import { allStrings, startHarness, type Harness } from './harness.ts';

describe('Slack: the core\'s limits and Slack failures', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'http', failOn: 'break please', env: { RATE_LIMIT_COUNT: '2', RATE_LIMIT_WINDOW_SECONDS: '600', MAX_QUESTION_LENGTH: '80' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('GIVEN a user over the rate limit in a channel THEN only that user is told, in the thread', async () => {
    const replies = [];
    for (let i = 1; i <= 3; i++) {
      const ts = newTs();
      await h.fake.http.event(h.appUrl, eventCallback(appMention({ text: `question ${i}: who signed?`, channel: 'C0LIMIT', user: 'U0EAGER', ts })));
      const method = i < 3 ? 'chat.postMessage' : 'chat.postEphemeral';
      replies.push({ ts, call: await h.fake.waitForCall(method, (args) => args.channel === 'C0LIMIT' && args.thread_ts === ts) });
    }
    const limited = replies[2]!.call;
    expect(limited.args.user).toBe('U0EAGER');
    expect(allStrings(limited.args.blocks).join(' ')).toContain(messages.en.rateLimited);

    // Another user is not limited by the first one.
    await h.fake.http.command(h.appUrl, slashCommand({ text: 'numbers', user: 'U0CALM', responseUrl: h.fake.responseUrl('calm') }));
    const { body } = await h.fake.waitForResponse('calm');
    expect(allStrings(body.blocks).join(' ')).not.toContain(messages.en.rateLimited);
  });

  it('GIVEN a rate-limited /depeche share THEN the refusal stays ephemeral', async () => {
    for (const id of ['eager-1', 'eager-2', 'eager-3']) {
      await h.fake.http.command(h.appUrl, slashCommand({ text: 'share numbers', user: 'U0SHARER', responseUrl: h.fake.responseUrl(id) }));
      await h.fake.waitForResponse(id);
    }
    const [first, , third] = h.fake.responses.filter((post) => post.id.startsWith('eager-'));
    expect(first!.body.response_type).toBe('in_channel');
    expect(third!.body.response_type).toBe('ephemeral');
  });

  it('GIVEN a question over the length bound THEN the core\'s message comes back', async () => {
    await h.fake.http.event(h.appUrl, eventCallback(directMessage({ text: `How many ${'very '.repeat(30)}many people left?`, channel: 'D0LONG', user: 'U0LONG' })));
    const reply = await h.fake.waitForCall('chat.postMessage', (args) => args.channel === 'D0LONG');
    expect(allStrings(reply.args.blocks).join(' ')).toContain(messages.en.tooLong(80));
  });

  it('GIVEN the core throwing THEN the user gets a short apology and the error is logged once', async () => {
    await h.fake.http.event(h.appUrl, eventCallback(directMessage({ text: 'break please', channel: 'D0BROKEN', user: 'U0BROKEN' })));
    const reply = await h.fake.waitForCall('chat.postMessage', (args) => args.channel === 'D0BROKEN');
    expect(allStrings(reply.args.blocks)).toContain(messages.en.internalError);
    const logged = h.logs.filter((line) => line.msg === 'slack: the core failed to answer');
    expect(logged).toHaveLength(1);
    expect(logged[0]!.raw).toContain('the core broke');
  });

  it('GIVEN Slack refusing a post THEN the error is logged and the next message is still answered', async () => {
    h.fake.failNext('chat.postMessage', 'channel_not_found');
    await h.fake.http.event(h.appUrl, eventCallback(directMessage({ text: 'Who signed?', channel: 'D0FAIL', user: 'U0FAIL' })));
    const failed = await h.logs.waitFor((line) => String(line.msg).startsWith('slack: a listener failed'), 'the logged failure');
    expect(failed.raw).toContain('channel_not_found');
    await h.fake.http.event(h.appUrl, eventCallback(directMessage({ text: 'Who signed?', channel: 'D0FAIL', user: 'U0FAIL' })));
    await h.fake.waitForCall('chat.postMessage', (args) => args.channel === 'D0FAIL');
  });
});
