import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonClick, directMessage, eventCallback, slashCommand } from '../fakes/slack/index.ts';
import { blocksOf, startHarness, type Harness } from './harness.ts';

describe('Slack in Socket Mode, end to end against a loopback Slack', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'socket' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('GIVEN startSlack resolved THEN the app opened its connection with the app token', async () => {
    expect(h.fake.socket.connections).toBe(1);
    const open = await h.fake.waitForCall('apps.connections.open');
    expect(open.token).toBe(h.fake.appToken);
  });

  it('GIVEN a slash_commands envelope THEN it is acked with its envelope id and a payload, and answered', async () => {
    const ack = await h.fake.socket.send({
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: slashCommand({ text: 'numbers', responseUrl: h.fake.responseUrl('socket-numbers') }),
    });
    expect(ack.envelopeId).toMatch(/^envelope-/);
    expect(ack.payload).toEqual({});
    expect(ack.ms).toBeLessThan(3000);
    const { body } = await h.fake.waitForResponse('socket-numbers');
    expect(blocksOf(body)[0]).toMatchObject({ type: 'header', text: 'Figures' });
    expect(JSON.stringify(body.blocks)).toContain('25,000');
  });

  it('GIVEN 30 slash commands at once THEN the fake sees every ack within its 3 s and every answer', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `socket-load-${i}`);
    const acks = await Promise.all(
      ids.map((id, i) => h.fake.socket.send({ type: 'slash_commands', payload: slashCommand({ text: i % 2 ? 'numbers' : 'who signed?', user: `U0SLOAD${i}`, responseUrl: h.fake.responseUrl(id) }) })),
    );
    expect(Math.max(...acks.map((ack) => ack.ms))).toBeLessThan(3000);
    await Promise.all(ids.map((id) => h.fake.waitForResponse(id)));
  });

  it('GIVEN an events_api DM THEN it is acked and gets its reply in the DM', async () => {
    const ack = await h.fake.socket.send({ type: 'events_api', payload: eventCallback(directMessage({ text: 'How many people left Aleppo?', channel: 'D0SOCKET' })) });
    expect(ack.ms).toBeLessThan(3000);
    const reply = await h.fake.waitForCall('chat.postMessage', (args) => args.channel === 'D0SOCKET');
    expect(reply.token).toBe(h.fake.botToken);
  });

  it('GIVEN an interactive block_actions envelope THEN it is acked and the suggested question answered', async () => {
    const question = 'Who committed to a ceasefire in Syria?';
    const ack = await h.fake.socket.send({
      type: 'interactive',
      payload: buttonClick({ actionId: 'depeche_suggest_0', value: question, channel: 'C0SOCKET', ephemeral: true, responseUrl: h.fake.responseUrl('socket-click') }),
    });
    expect(ack.ms).toBeLessThan(3000);
    const { body } = await h.fake.waitForResponse('socket-click');
    expect(JSON.stringify(body.blocks)).toContain(`*Question:* ${question}`);
  });

  it('GIVEN a retried events_api envelope THEN it gets no second reply', async () => {
    const payload = eventCallback(directMessage({ text: 'Who signed?', channel: 'D0SOCKRETRY' }));
    await h.fake.socket.send({ type: 'events_api', payload });
    await h.fake.waitForCall('chat.postMessage', (args) => args.channel === 'D0SOCKRETRY');
    await h.fake.socket.send({ type: 'events_api', payload, retry_attempt: 1, retry_reason: 'timeout' });
    await h.logs.waitFor((line) => line.key === payload.event_id, 'the skipped retry');
    expect(h.fake.calls.filter((call) => call.args.channel === 'D0SOCKRETRY')).toHaveLength(1);
  });

  it(
    'GIVEN a disconnect message THEN the app reconnects and keeps answering',
    async () => {
      h.fake.socket.disconnect('refresh_requested');
      // The client waits its ping timeout (5 s by default) before it reconnects: await the connection itself.
      await h.fake.socket.waitForConnection(2, 25_000);
      expect(h.fake.calls.filter((call) => call.method === 'apps.connections.open')).toHaveLength(2);
      await h.fake.socket.send({ type: 'events_api', payload: eventCallback(directMessage({ text: 'And after the reconnection?', channel: 'D0RECONNECT' })) });
      await h.fake.waitForCall('chat.postMessage', (args) => args.channel === 'D0RECONNECT');
    },
    40_000,
  );
});
