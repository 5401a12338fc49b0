import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands as registry } from '../../commands/index.ts';
import { parseConfig } from '../../src/config.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { startFakeDiscord, type FakeDiscord, type SentInteraction } from '../fakes/discord/index.ts';
import { INTERACTION_DEADLINE_MS, type RestRequest } from '../fakes/discord/rest.ts';
import { KNOWLEDGE_DIR, startBot } from './harness.ts';

type Button = { custom_id: string; label: string; emoji?: { name: string } };
const EPHEMERAL = 64;

/** The rating buttons of a posted answer (the first row), or [] when it has none. */
function ratingButtons(body: { components?: { components: Button[] }[] }): Button[] {
  return (body.components ?? []).flatMap((row) => row.components).filter((b) => b.custom_id.startsWith('rate:'));
}

describe('GIVEN Depeche on a loopback Discord with a store for votes', () => {
  let fake: FakeDiscord;
  let bot: Awaited<ReturnType<typeof startBot>>;
  let store: Store;
  /** Set by a test to hold votes in the store (a slow database). */
  let slowVotes: Promise<void> | undefined;

  beforeAll(async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 250 });
    store = openSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'depeche-discord-votes-')) });
    const slowStore = { ...store, vote: async (...args: Parameters<Store['vote']>) => (await slowVotes, store.vote(...args)) };
    const depeche = createDepeche({
      commands: registry,
      knowledge: loadKnowledge(KNOWLEDGE_DIR),
      config: parseConfig({ RATE_LIMIT_COUNT: '1000' }),
      feedback: { store: slowStore },
    });
    bot = await startBot(fake, { depeche, deferAfterMs: 300 });
  });
  afterAll(async () => {
    await bot?.running.stop();
    await fake?.close();
    store?.close();
  });

  /** Clicks and checks what every click must do: one private reply within 3 s, nothing edited, nothing posted. */
  async function click(button: Button, message: unknown, options: { user?: FakeDiscord['alice']; dm?: string } = {}): Promise<{ text: string; interaction: SentInteraction }> {
    const before = fake.requests.items.length;
    const interaction = fake.clickButton({ customId: button.custom_id, message: message as never, ...options });
    const callback = await interaction.callback();
    const sentAt = fake.rest.interactions.get(interaction.id)!.sentAt;
    expect(callback.at - sentAt).toBeLessThan(INTERACTION_DEADLINE_MS);
    const { body } = await interaction.reply();
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    // Never UPDATE_MESSAGE (7) or DEFERRED_UPDATE_MESSAGE (6): the answer stays as it was.
    expect([4, 5]).toContain(callback.body.type);
    const after: RestRequest[] = fake.requests.items.slice(before);
    expect(after.filter((r) => r.path.startsWith('/channels/'))).toEqual([]);
    expect(after.filter((r) => r.path.startsWith('/webhooks/') && !r.path.includes(interaction.token))).toEqual([]);
    return { text: body.embeds.map((e: { description: string }) => e.description).join('\n'), interaction };
  }

  test('WHEN an answer is given THEN it carries 👍 and 👎, and votes are thanked privately, one per user, changeable', async () => {
    const { body: answer } = await fake.slashCommand({ name: 'ask', options: { question: 'How many people left Aleppo?' } }).reply();
    const [up, down] = ratingButtons(answer);
    expect([up?.emoji?.name, up?.label, down?.emoji?.name, down?.label]).toEqual(['👍', 'Helpful', '👎', 'Not helpful']);

    expect((await click(down!, answer)).text).toBe('Thanks, noted.');
    await click(down!, answer);
    expect(await store.listVotes({ helpful: false })).toMatchObject([{ question: 'how many people left aleppo', entries: ['evacuees'], articles: ['syria-ceasefire-talks'], notHelpful: 1, helpful: 0 }]);

    await click(up!, answer);
    expect(await store.listVotes({ helpful: false })).toEqual([]);
    await click(down!, answer, { user: fake.bob });
    expect(await store.listVotes({ helpful: true })).toMatchObject([{ question: 'how many people left aleppo', helpful: 1, notHelpful: 1 }]);
  });

  test('WHEN a French answer is rated THEN its buttons and the thanks are in French', async () => {
    const { body } = await fake.slashCommand({ name: 'ask', options: { question: 'Où auront lieu les pourparlers de paix ?' } }).reply();
    const [up, down] = ratingButtons(body);
    expect([up?.label, down?.label]).toEqual(['Utile', 'Pas utile']);
    expect((await click(up!, body)).text).toBe("Merci, c'est noté.");
  });

  test('WHEN a refusal is given THEN it has suggestion buttons only, and the suggested answer can be rated', async () => {
    const { body: refusal } = await fake.slashCommand({ name: 'ask', options: { question: 'Who won the World Cup?' } }).reply();
    expect(ratingButtons(refusal)).toEqual([]);
    const suggestion = refusal.components[0].components[0] as Button;
    const { body: answer } = await fake.clickButton({ customId: suggestion.custom_id, message: refusal }).reply();
    expect(ratingButtons(answer)).toHaveLength(2);
    const greeting = (await fake.slashCommand({ name: 'ask', options: { question: 'hello' } }).reply()).body;
    expect(ratingButtons(greeting)).toEqual([]);
  });

  test('WHEN a question comes by DM or mention THEN the posted answer carries the buttons, and a click in the DM is recorded', async () => {
    const dm = '500000000000000077';
    fake.sendMessage({ dm, content: 'Who retook Aleppo?' });
    const posted = await fake.channelMessage(dm);
    const [, down] = ratingButtons(posted.body);
    expect((await click(down!, posted.body, { dm })).text).toBe('Thanks, noted.');
    expect((await store.listVotes({ helpful: false })).map((t) => t.question)).toContain('who retook aleppo');

    const asked = fake.sendMessage({ content: `<@${fake.bot.id}> Where will the peace talks be held?`, mentionsBot: true });
    expect(ratingButtons((await fake.channelMessage(fake.guild.channelId, asked.id)).body)).toHaveLength(2);
  });

  test('WHEN the store is slow to record a vote THEN the click is deferred privately within 3 s and the thanks edited in', async () => {
    const { body } = await fake.slashCommand({ name: 'numbers' }).reply();
    const [up] = ratingButtons(body);
    let release!: () => void;
    slowVotes = new Promise((resolve) => (release = resolve));
    try {
      const interaction = fake.clickButton({ customId: up!.custom_id, message: body });
      const callback = await interaction.callback();
      expect(callback.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
      release();
      const { body: thanks, deferred } = await interaction.reply();
      expect(deferred).toBe(true);
      expect(thanks.embeds[0].description).toBe('Thanks, noted.');
      expect((await store.listVotes({ helpful: true })).map((t) => t.question)).toContain('/numbers');
    } finally {
      release();
      slowVotes = undefined;
    }
  });

  test('WHEN a click arrives late, 2.5 s after it was made THEN it is still acknowledged within Discord’s 3 s', async () => {
    const { body } = await fake.slashCommand({ name: 'ask', options: { question: 'Who signed the declaration?' } }).reply();
    const [up] = ratingButtons(body);
    const interaction = fake.clickButton({ customId: up!.custom_id, message: body, ageMs: 2500 });
    const callback = await interaction.callback();
    expect(callback.at - fake.rest.interactions.get(interaction.id)!.sentAt).toBeLessThan(INTERACTION_DEADLINE_MS);
    expect((await interaction.reply()).body.embeds[0].description).toBe('Thanks, noted.');
  });
});
