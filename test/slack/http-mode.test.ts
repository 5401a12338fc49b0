import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appHomeOpened, appMention, buttonClick, directMessage, eventCallback, newTs, slashCommand, unixNow } from '../fakes/slack/index.ts';
import { allStrings, blocksOf, startHarness, type Harness } from './harness.ts';

// Slack's deadline for every ack; the fake measures from sending the request to the end of the app's answer.
const ACK_DEADLINE_MS = 3000;

describe('Slack in HTTP mode, end to end against a loopback Slack', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'http' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('GIVEN a signed /depeche numbers THEN it is acked within 3 s and the figures reach the response_url as blocks', async () => {
    const sent = await h.fake.http.command(h.appUrl, slashCommand({ text: 'numbers', responseUrl: h.fake.responseUrl('numbers') }));
    expect(sent.status).toBe(200);
    expect(sent.ms).toBeLessThan(ACK_DEADLINE_MS);

    const { body } = await h.fake.waitForResponse('numbers');
    expect(body.response_type).toBe('ephemeral');
    const blocks = blocksOf(body);
    expect(blocks[0]).toMatchObject({ type: 'header', text: 'Figures' });
    const answer = blocks.filter((block) => block.type === 'section').map((block) => block.text).join('\n');
    expect(answer).toContain('25,000');
    expect(answer).toContain('five days');
    expect(answer).toMatch(/^• Six people were detained/m);
    const quotes = blocks.filter((block) => block.type === 'context' && block.text.startsWith('> _'));
    expect(quotes.map((quote) => quote.text).join('\n')).toContain("25'000 civils et rebelles");
    expect(blocks.at(-1)).toMatchObject({ type: 'context', text: expect.stringContaining('Source: agences/jvia') });
  });

  it('GIVEN "share" before the command THEN the answer is posted to the channel', async () => {
    await h.fake.http.command(h.appUrl, slashCommand({ text: 'share numbers', responseUrl: h.fake.responseUrl('shared') }));
    const { body } = await h.fake.waitForResponse('shared');
    expect(body.response_type).toBe('in_channel');
    expect(blocksOf(body)[0]).toMatchObject({ type: 'header', text: 'Figures' });
  });

  it('GIVEN /depeche with no text THEN it answers with help listing every command', async () => {
    await h.fake.http.command(h.appUrl, slashCommand({ text: '', responseUrl: h.fake.responseUrl('help') }));
    const { body } = await h.fake.waitForResponse('help');
    const text = allStrings(body.blocks).join('\n');
    for (const name of ['ask', 'briefing', 'numbers', 'help']) expect(text).toContain(`/depeche ${name}`);
  });

  it('GIVEN /depeche with a question that names no command THEN the core is asked it, per user in that channel', async () => {
    const question = 'How many people left Aleppo?';
    await h.fake.http.command(h.appUrl, slashCommand({ text: question, user: 'U0QUESTION', channel: 'C0QUESTION', responseUrl: h.fake.responseUrl('question') }));
    const { body } = await h.fake.waitForResponse('question');
    const call = await h.core.waitFor((c) => c.who.userKey === 'slack:T0FAKE:U0QUESTION', 'the question');
    expect(call).toMatchObject({ name: 'ask', args: { question }, who: { conversationKey: 'slack:T0FAKE:C0QUESTION:U0QUESTION' } });
    expect(blocksOf(body).find((block) => block.type === 'context')?.text).toBe(`*Question:* ${question}`);
  });

  it('GIVEN a bad signature THEN it gets 401 and nothing runs or is posted', async () => {
    const before = h.fake.calls.items.length;
    const sent = await h.fake.http.command(h.appUrl, slashCommand({ text: 'numbers', user: 'U0FORGER', responseUrl: h.fake.responseUrl('forged') }), {
      secret: 'not-the-signing-secret',
    });
    expect(sent.status).toBe(401);
    // A correctly signed request sent afterwards is answered: by then the forged one would have been too.
    await h.fake.http.command(h.appUrl, slashCommand({ text: 'numbers', responseUrl: h.fake.responseUrl('after-forged') }));
    await h.fake.waitForResponse('after-forged');
    expect(h.fake.responses.filter((post) => post.id === 'forged')).toEqual([]);
    expect(h.core.filter((call) => call.who.userKey.endsWith('U0FORGER'))).toEqual([]);
    expect(h.fake.calls.items.length).toBe(before);
  });

  it('GIVEN a stale timestamp THEN the request is rejected', async () => {
    const sixMinutesAgo = unixNow() - 6 * 60;
    const sent = await h.fake.http.command(h.appUrl, slashCommand({ text: 'numbers', user: 'U0REPLAY', responseUrl: h.fake.responseUrl('stale') }), {
      timestamp: sixMinutesAgo,
    });
    expect(sent.status).toBe(401);
    const event = await h.fake.http.event(h.appUrl, eventCallback(directMessage({ text: 'hello', channel: 'D0STALE', user: 'U0REPLAY' })), { timestamp: sixMinutesAgo });
    expect(event.status).toBe(401);
    await h.fake.http.command(h.appUrl, slashCommand({ text: 'numbers', responseUrl: h.fake.responseUrl('after-stale') }));
    await h.fake.waitForResponse('after-stale');
    expect(h.fake.responses.filter((post) => post.id === 'stale')).toEqual([]);
    expect(h.core.filter((call) => call.who.userKey.endsWith('U0REPLAY'))).toEqual([]);
  });

  it('GIVEN url_verification THEN the challenge is answered', async () => {
    const sent = await h.fake.http.event(h.appUrl, { token: 'unused', type: 'url_verification', challenge: 'challenge-3eZbrw1a' });
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.text)).toEqual({ challenge: 'challenge-3eZbrw1a' });
  });

  it('GIVEN a DM THEN the answer is posted in that DM, and a follow-up in the same DM is the same conversation', async () => {
    const first = await h.fake.http.event(h.appUrl, eventCallback(directMessage({ text: 'How many people left Aleppo?', channel: 'D0DM', user: 'U0DM' })));
    expect(first.status).toBe(200);
    const reply = await h.fake.waitForCall('chat.postMessage', (args) => args.channel === 'D0DM');
    expect(reply.token).toBe(h.fake.botToken);
    expect(reply.args.thread_ts).toBeUndefined();
    const blocks = blocksOf(reply.args);
    expect(blocks.find((block) => block.type === 'section')?.text).toContain('25,000');
    expect(blocks.some((block) => block.type === 'context' && block.text.includes("25'000 civils"))).toBe(true);

    await h.fake.http.event(h.appUrl, eventCallback(directMessage({ text: 'And how long did it take?', channel: 'D0DM', user: 'U0DM' })));
    await h.core.waitFor((call) => call.args.question === 'And how long did it take?', 'the follow-up');
    const keys = h.core.filter((call) => call.who.userKey === 'slack:T0FAKE:U0DM').map((call) => call.who.conversationKey);
    expect(keys).toEqual(['slack:T0FAKE:D0DM', 'slack:T0FAKE:D0DM']);
    await h.fake.waitForCalls('chat.postMessage', (args) => args.channel === 'D0DM', 2);
  });

  it('GIVEN the bot\'s own message in a DM THEN it is not answered', async () => {
    await h.fake.http.event(h.appUrl, eventCallback({ ...directMessage({ text: 'an answer', channel: 'D0SELF', user: h.fake.ids.botUserId }), bot_id: h.fake.ids.botId }));
    await h.fake.http.event(h.appUrl, eventCallback(directMessage({ text: 'numbers?', channel: 'D0SELF', user: 'U0SELF' })));
    await h.fake.waitForCall('chat.postMessage', (args) => args.channel === 'D0SELF');
    expect(h.core.filter((call) => call.who.conversationKey === 'slack:T0FAKE:D0SELF')).toHaveLength(1);
  });

  it('GIVEN an app_mention THEN it is answered in a thread on that message, and the thread is the conversation', async () => {
    const ts = newTs();
    await h.fake.http.event(h.appUrl, eventCallback(appMention({ text: 'how many people left Aleppo?', channel: 'C0MENTION', user: 'U0MENTION', ts })));
    const reply = await h.fake.waitForCall('chat.postMessage', (args) => args.channel === 'C0MENTION');
    expect(reply.args.thread_ts).toBe(ts);
    expect(JSON.stringify(reply.args.blocks)).toContain('25,000');
    const first = await h.core.waitFor((call) => call.who.userKey === 'slack:T0FAKE:U0MENTION', 'the mention');
    expect(first.args.question).toBe('how many people left Aleppo?');
    expect(first.who.conversationKey).toBe(`slack:T0FAKE:C0MENTION:${ts}`);

    await h.fake.http.event(h.appUrl, eventCallback(appMention({ text: 'and since when?', channel: 'C0MENTION', user: 'U0MENTION', threadTs: ts })));
    const followUp = await h.core.waitFor((call) => call.args.question === 'and since when?', 'the follow-up');
    expect(followUp.who.conversationKey).toBe(`slack:T0FAKE:C0MENTION:${ts}`);
    const replies = await h.fake.waitForCalls('chat.postMessage', (args) => args.channel === 'C0MENTION', 2);
    expect(replies.map((call) => call.args.thread_ts)).toEqual([ts, ts]);
  });

  it('GIVEN an event that Slack retries THEN it gets no second reply', async () => {
    const body = eventCallback(directMessage({ text: 'Who signed?', channel: 'D0RETRY', user: 'U0RETRY' }));
    await h.fake.http.event(h.appUrl, body);
    await h.fake.waitForCall('chat.postMessage', (args) => args.channel === 'D0RETRY');
    const retried = await h.fake.http.event(h.appUrl, body, { retryNum: 1, retryReason: 'http_timeout' });
    expect(retried.status).toBe(200);
    // The adapter logs each skipped repeat: once that line is out, the retry is done with.
    const skipped = await h.logs.waitFor((line) => line.key === body.event_id, 'the skipped retry');
    expect(skipped).toMatchObject({ msg: 'slack: skipped a repeated delivery', retryNum: 1, retryReason: 'http_timeout' });
    expect(h.fake.calls.filter((call) => call.args.channel === 'D0RETRY')).toHaveLength(1);
    expect(h.core.filter((call) => call.who.userKey === 'slack:T0FAKE:U0RETRY')).toHaveLength(1);
  });

  it('GIVEN a question containing <!channel> and <@U…> THEN they come back escaped and cannot ping', async () => {
    // Slack sends what users type with &, < and > escaped, and mentions as <!channel>, <@U123>.
    await h.fake.http.command(h.appUrl, slashCommand({ text: 'ask what did <!channel> &amp; <@U0BOB> say about &lt;Aleppo&gt;?', responseUrl: h.fake.responseUrl('escape') }));
    const { body } = await h.fake.waitForResponse('escape');
    const call = await h.core.waitFor((c) => String(c.args.question).includes('<!channel>'), 'the question');
    expect(call.args.question).toBe('what did <!channel> & <@U0BOB> say about <Aleppo>?');
    const strings = allStrings(body);
    expect(strings.join('\n')).toContain('*Question:* what did &lt;!channel&gt; &amp; &lt;@U0BOB&gt; say about &lt;Aleppo&gt;?');
    for (const text of strings) expect(text).not.toMatch(/<[!@#]/);

    await h.fake.http.event(h.appUrl, eventCallback(directMessage({ text: '<!here> <!everyone> how many?', channel: 'D0ESCAPE', user: 'U0ESCAPE' })));
    const dm = await h.fake.waitForCall('chat.postMessage', (args) => args.channel === 'D0ESCAPE');
    for (const text of allStrings(dm.args)) expect(text).not.toMatch(/<[!@#]/);
  });

  it('GIVEN a click on a suggestion button under an ephemeral answer THEN the suggested question is answered to the clicker', async () => {
    const question = 'What did Russia, Iran and Turkey agree to?';
    const sent = await h.fake.http.interaction(
      h.appUrl,
      buttonClick({ actionId: 'depeche_suggest_0', value: question, channel: 'C0CLICK', user: 'U0CLICK', ephemeral: true, responseUrl: h.fake.responseUrl('click') }),
    );
    expect(sent.status).toBe(200);
    expect(sent.ms).toBeLessThan(ACK_DEADLINE_MS);
    const { body } = await h.fake.waitForResponse('click');
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(allStrings(body.blocks)).toContain(`*Question:* ${question}`);
    const call = await h.core.waitFor((c) => c.who.userKey === 'slack:T0FAKE:U0CLICK', 'the click');
    expect(call).toMatchObject({ name: 'ask', args: { question }, who: { conversationKey: 'slack:T0FAKE:C0CLICK:U0CLICK' } });
  });

  it('GIVEN a click on a suggestion button in a thread or the Home tab THEN the answer goes to that thread or the app DM', async () => {
    const threadTs = newTs();
    await h.fake.http.interaction(
      h.appUrl,
      buttonClick({ actionId: 'depeche_suggest_1', value: 'Who committed to a ceasefire in Syria?', channel: 'C0THREAD', user: 'U0THREAD', threadTs, responseUrl: h.fake.responseUrl('thread-click') }),
    );
    const inThread = await h.fake.waitForCall('chat.postMessage', (args) => args.channel === 'C0THREAD');
    expect(inThread.args.thread_ts).toBe(threadTs);

    await h.fake.http.interaction(h.appUrl, buttonClick({ actionId: 'depeche_suggest_2', value: 'What did Lavrov announce?', user: 'U0HOMECLICK', home: true, responseUrl: h.fake.responseUrl('home-click') }));
    const inDm = await h.fake.waitForCall('chat.postMessage', (args) => args.channel === 'U0HOMECLICK');
    expect(allStrings(inDm.args.blocks)).toContain('*Question:* What did Lavrov announce?');
  });

  it('GIVEN a refusal with suggestions THEN it carries one button per suggestion, each asking it', async () => {
    await h.fake.http.command(h.appUrl, slashCommand({ text: 'What is the best recipe for chocolate cake?', responseUrl: h.fake.responseUrl('refusal') }));
    const { body } = await h.fake.waitForResponse('refusal');
    const call = await h.core.waitFor((c) => c.args.question === 'What is the best recipe for chocolate cake?', 'the refusal');
    expect(call.reply.answered).toBe(false);
    expect(call.reply.suggestions.length).toBeGreaterThan(0);
    const buttons = blocksOf(body).flatMap((block) => block.buttons);
    expect(buttons.map((button) => button.value)).toEqual(call.reply.suggestions.slice(0, 5));
    for (const button of buttons) expect(button.text).toBe(button.value.length <= 75 ? button.value : expect.stringMatching(/…$/));
  });

  it('GIVEN the App Home is opened THEN views.publish shows the briefing and example questions', async () => {
    await h.fake.http.event(h.appUrl, eventCallback(appHomeOpened({ user: 'U0HOME' })));
    const published = await h.fake.waitForCall('views.publish', (args) => args.user_id === 'U0HOME');
    const view = published.args.view as Record<string, unknown>;
    expect(view.type).toBe('home');
    const blocks = blocksOf(view);
    expect(blocks.find((block) => block.type === 'header')?.text).toBe(h.depeche.knowledge().newest.title.en);
    expect(blocks.flatMap((block) => block.buttons).length).toBeGreaterThan(0);
    expect(allStrings(view).join('\n')).toContain('/depeche numbers');
  });

  it('GIVEN the Messages tab is opened THEN nothing is published', async () => {
    await h.fake.http.event(h.appUrl, eventCallback(appHomeOpened({ user: 'U0MSGTAB', tab: 'messages' })));
    await h.fake.http.event(h.appUrl, eventCallback(appHomeOpened({ user: 'U0MSGTAB2' })));
    await h.fake.waitForCall('views.publish', (args) => args.user_id === 'U0MSGTAB2');
    expect(h.fake.calls.filter((call) => call.args.user_id === 'U0MSGTAB')).toEqual([]);
  });

  it('GIVEN 30 slash commands at once THEN every one is acked within 3 s and answered', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `load-${i}`);
    const sent = await Promise.all(
      ids.map((id, i) =>
        h.fake.http.command(h.appUrl, slashCommand({ text: i % 2 ? 'numbers' : 'how many people left Aleppo?', user: `U0LOAD${i}`, responseUrl: h.fake.responseUrl(id) })),
      ),
    );
    for (const request of sent) expect(request.status).toBe(200);
    const slowest = Math.max(...sent.map((request) => request.ms));
    expect(slowest).toBeLessThan(ACK_DEADLINE_MS);
    await Promise.all(ids.map((id) => h.fake.waitForResponse(id)));
  });

  it('GIVEN everything above THEN no token or secret was ever logged, though Bolt logged at debug level', () => {
    expect(h.logs.items.length).toBeGreaterThan(10);
    const all = h.logs.items.map((line) => line.raw).join('\n');
    for (const secret of [h.fake.botToken, h.fake.appToken, h.fake.signingSecret]) expect(all).not.toContain(secret);
    expect(h.fake.responses.filter((post) => post.error !== undefined)).toEqual([]);
    expect(h.fake.calls.filter((call) => call.error !== undefined)).toEqual([]);
  });
});
