import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { appHomeOpened, buttonClick, directMessage, eventCallback, slashCommand } from '../fakes/slack/index.ts';
import { startHarness, type Harness } from './harness.ts';

const ACK_DEADLINE_MS = 3000;

interface RatingButton {
  action_id: string;
  value: string;
  text: { text: string };
  accessibility_label: string;
}

/** The 👍 and 👎 of a posted message, or [] when it has none. */
function ratingButtons(message: Record<string, unknown>): RatingButton[] {
  const blocks = (message.blocks ?? []) as { block_id?: string; elements?: RatingButton[] }[];
  return blocks.find((block) => block.block_id === 'depeche_rating')?.elements ?? [];
}

const openStore = () => openSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'depeche-slack-votes-')) });

describe('Slack in HTTP mode, rating answers against a loopback Slack', () => {
  let h: Harness;
  let store: Store;
  let clicks = 0;
  beforeAll(async () => {
    store = openStore();
    h = await startHarness({ mode: 'http', store });
  });
  afterAll(async () => {
    await h?.close();
    store?.close();
  });

  /** Slack's side of a click: a signed block_actions request; resolves with what the clicker was sent privately. */
  async function click(button: RatingButton, place: { channel: string; user?: string; ephemeral?: boolean }): Promise<Record<string, unknown>> {
    const id = `rate-${++clicks}`;
    const callsBefore = h.fake.calls.items.length;
    const sent = await h.fake.http.interaction(
      h.appUrl,
      buttonClick({ actionId: button.action_id, value: button.value, blockId: 'depeche_rating', responseUrl: h.fake.responseUrl(id), ...place }),
    );
    expect(sent.status).toBe(200);
    expect(sent.ms).toBeLessThan(ACK_DEADLINE_MS);
    const { body } = await h.fake.waitForResponse(id);
    // Only the private thanks: nothing posted to the channel, the answer not replaced.
    expect(h.fake.calls.items.slice(callsBefore)).toEqual([]);
    return body;
  }

  it('GIVEN an answer in a DM THEN it carries 👍 and 👎, and each click is thanked privately and counted once per user, changeable', async () => {
    await h.fake.http.event(h.appUrl, eventCallback(directMessage({ text: 'How many people left Aleppo?', channel: 'D0RATE', user: 'U0ALICE' })));
    const answer = await h.fake.waitForCall('chat.postMessage', (args) => args.channel === 'D0RATE');
    const [up, down] = ratingButtons(answer.args);
    expect([up?.text.text, up?.accessibility_label, down?.text.text, down?.accessibility_label]).toEqual(['👍 Helpful', 'Helpful', '👎 Not helpful', 'Not helpful']);

    expect(await click(down!, { channel: 'D0RATE' })).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: 'Thanks, noted.' });
    await click(down!, { channel: 'D0RATE' });
    expect(await store.listVotes({ helpful: false })).toMatchObject([{ question: 'how many people left aleppo', entries: ['evacuees'], articles: ['syria-ceasefire-talks'], notHelpful: 1, helpful: 0 }]);
    await click(up!, { channel: 'D0RATE' });
    await click(down!, { channel: 'D0RATE', user: 'U0BOB' });
    expect(await store.listVotes({ helpful: true })).toMatchObject([{ question: 'how many people left aleppo', helpful: 1, notHelpful: 1 }]);
  });

  it('GIVEN a French answer to a slash command THEN the buttons and the thanks are in French, under the ephemeral answer too', async () => {
    await h.fake.http.command(h.appUrl, slashCommand({ text: 'Où auront lieu les pourparlers de paix ?', responseUrl: h.fake.responseUrl('fr-answer') }));
    const { body } = await h.fake.waitForResponse('fr-answer');
    const [up] = ratingButtons(body);
    expect(up?.text.text).toBe('👍 Utile');
    expect(await click(up!, { channel: 'C0GENERAL', ephemeral: true })).toMatchObject({ response_type: 'ephemeral', text: "Merci, c'est noté." });
  });

  it('GIVEN a refusal, a greeting or the Home tab THEN no rating buttons', async () => {
    await h.fake.http.command(h.appUrl, slashCommand({ text: 'Who won the World Cup?', responseUrl: h.fake.responseUrl('refusal') }));
    await h.fake.http.command(h.appUrl, slashCommand({ text: 'hello', responseUrl: h.fake.responseUrl('greeting') }));
    expect(ratingButtons((await h.fake.waitForResponse('refusal')).body)).toEqual([]);
    expect(ratingButtons((await h.fake.waitForResponse('greeting')).body)).toEqual([]);
    await h.fake.http.event(h.appUrl, eventCallback(appHomeOpened({ user: 'U0HOMERATE' })));
    const home = await h.fake.waitForCall('views.publish', (args) => args.user_id === 'U0HOMERATE');
    expect(JSON.stringify(home.args.view)).not.toContain('depeche_rate');
  });

  it('GIVEN a click on an answer the store no longer has THEN the clicker is told it is too old, and nothing is counted', async () => {
    const before = await store.listVotes({ helpful: true });
    const body = await click({ action_id: 'depeche_rate_helpful', value: 'en:noSuchAnswer', text: { text: '' }, accessibility_label: '' }, { channel: 'C0GENERAL' });
    expect(body.text).toMatch(/^That answer is over 30 days old/);
    expect(await store.listVotes({ helpful: true })).toEqual(before);
  });
});

describe('Slack in Socket Mode, rating answers against a loopback Slack', () => {
  let h: Harness;
  let store: Store;
  beforeAll(async () => {
    store = openStore();
    h = await startHarness({ mode: 'socket', store });
  });
  afterAll(async () => {
    await h?.close();
    store?.close();
  });

  it('GIVEN an interactive envelope for 👎 THEN it is acked within 3 s, thanked privately and recorded', async () => {
    await h.fake.socket.send({ type: 'events_api', payload: eventCallback(directMessage({ text: 'Who retook Aleppo?', channel: 'D0SOCKRATE' })) });
    const answer = await h.fake.waitForCall('chat.postMessage', (args) => args.channel === 'D0SOCKRATE');
    const [, down] = ratingButtons(answer.args);
    const ack = await h.fake.socket.send({
      type: 'interactive',
      payload: buttonClick({ actionId: down!.action_id, value: down!.value, blockId: 'depeche_rating', channel: 'D0SOCKRATE', responseUrl: h.fake.responseUrl('socket-rate') }),
    });
    expect(ack.ms).toBeLessThan(ACK_DEADLINE_MS);
    expect((await h.fake.waitForResponse('socket-rate')).body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: 'Thanks, noted.' });
    expect(await store.listVotes({ helpful: false })).toMatchObject([{ question: 'who retook aleppo', notHelpful: 1 }]);
  });
});
