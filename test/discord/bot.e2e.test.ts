import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Depeche, Requester } from '../../src/core/depeche.ts';
import type { Reply } from '../../src/core/reply.ts';
import { LIMITS, renderReply } from '../../src/discord/render.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { startBot, testDepeche } from './harness.ts';

/** Everything the bot posted, as text, to assert on what the user reads. */
function visibleText(body: { content?: string; embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[] }): string {
  return [
    body.content ?? '',
    ...(body.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '']),
  ].join('\n');
}

const FRENCH = /\b(le|la|les|des|du|personnes|ont|sont|est|depuis|civils)\b/i;
const NO_PINGS = { parse: [], replied_user: false };

describe('GIVEN Depeche connected to a loopback Discord', () => {
  let fake: FakeDiscord;
  let bot: Awaited<ReturnType<typeof startBot>>;
  /** Set by a test to hold the core's answers until it says so (a slow answer). */
  let gate: Promise<void> | undefined;
  /** Set by a test to answer with this reply instead of the core's (a very long one, a private one). */
  let override: Reply | undefined;
  /** Set by a test to make the core throw (a bug in a command). */
  let broken = false;
  /** Who the adapter said was asking, per call: conversation and user keys, locale. */
  const askers: Requester[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 250 });
    const real = testDepeche();
    const wrapped: Depeche = {
      ...real,
      run: async (name, args, who) => {
        askers.push(who);
        await gate;
        if (broken) throw new Error('a bug in a command');
        return override ?? real.run(name, args, who);
      },
      ask: async (question, who) => {
        askers.push(who);
        await gate;
        if (broken) throw new Error('a bug in a command');
        return override ?? real.ask(question, who);
      },
    };
    bot = await startBot(fake, { depeche: wrapped, deferAfterMs: 300 });
  });
  afterAll(async () => {
    await bot?.running.stop();
    await fake?.close();
  });

  test('THEN it identifies with the four intents and is ready within seconds', async () => {
    const identify = await fake.gateway.events.waitFor((e) => e.kind === 'identify');
    // Guilds | GuildMessages | DirectMessages | MessageContent
    expect(identify.kind === 'identify' && identify.intents).toBe(1 | 512 | 4096 | 32768);
    expect(bot.readyMs).toBeLessThan(5000);
    console.info(`discord: start to ready against the fake in ${bot.readyMs.toFixed(0)} ms`);
    // The fake acks heartbeats; a client that stopped sending them would be a zombie connection.
    await fake.gateway.events.waitFor((e) => e.kind === 'heartbeat');
  });

  test('WHEN /numbers THEN an embed lists the figures with their sources and the credit, pinging nobody', async () => {
    const { body, deferred } = await fake.slashCommand({ name: 'numbers' }).reply();
    expect(deferred).toBe(false);
    const [embed] = body.embeds;
    expect(embed.title).toBe('Figures');
    expect(embed.description).toMatch(/25,000|25'000/);
    expect(embed.description).toMatch(/five days/);
    expect(embed.description).toMatch(/six/i);
    expect(embed.fields[0].name).toBe('Sources');
    expect(embed.fields[0].value).toContain("25'000 civils et rebelles");
    expect(embed.footer.text).toContain('agences/jvia');
    expect(body.allowed_mentions).toEqual(NO_PINGS);
    expect(body.flags).toBeUndefined();
  });

  test('WHEN /numbers comes from a French Discord locale THEN the answer is in French', async () => {
    const { body } = await fake.slashCommand({ name: 'numbers', locale: 'fr' }).reply();
    expect(body.embeds[0].title).toBe('Chiffres');
    expect(body.embeds[0].description).toContain('cinq jours');
  });

  test('WHEN /ask with a French question from an English locale THEN the answer is in French', async () => {
    const { body } = await fake.slashCommand({ name: 'ask', options: { question: 'Combien de personnes ont quitté Alep ?' }, locale: 'en-US' }).reply();
    const text = visibleText(body);
    expect(text).toMatch(/25'000|25 000|25,000/);
    expect(text).toMatch(FRENCH);
    expect(text).not.toMatch(/\bpeople\b/);
  });

  test('WHEN a slash command runs in a DM with the bot THEN it is answered there, keyed by that DM and user', async () => {
    const dm = '500000000000000003';
    const { body } = await fake.slashCommand({ name: 'numbers', dm, locale: 'fr' }).reply();
    expect(body.embeds[0].title).toBe('Chiffres');
    expect(askers.at(-1)).toEqual({ conversationKey: `discord:${dm}`, userKey: `discord:${fake.alice.id}`, lang: 'fr' });
  });

  test('WHEN /ask private:true THEN only the asker sees the answer', async () => {
    const { body } = await fake.slashCommand({ name: 'ask', options: { question: 'How many people were arrested?', private: true } }).reply();
    expect(body.flags).toBe(64);
    expect(visibleText(body)).toMatch(/six|6/i);
  });

  test('WHEN the user types part of a question THEN autocomplete offers up to 25 answerable questions in time', async () => {
    const interaction = fake.autocomplete({ name: 'ask', option: 'question', value: 'how many' });
    const callback = await interaction.callback();
    expect(callback.body.type).toBe(8);
    const choices = callback.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain('How many people left Aleppo?');
    for (const choice of choices) expect(choice.value.length).toBeLessThanOrEqual(100);
    expect(callback.at - fake.rest.interactions.get(interaction.id)!.sentAt).toBeLessThan(3000);
  });

  test('WHEN a user writes in a DM THEN the answer comes in that DM', async () => {
    const dm = '500000000000000001';
    fake.sendMessage({ dm, content: 'How many people left Aleppo?' });
    const posted = await fake.channelMessage(dm);
    expect(visibleText(posted.body)).toMatch(/25,000|25'000/);
    expect(posted.body.allowed_mentions).toEqual(NO_PINGS);
    // Follow-ups in the same DM share the core's conversation; a message has no locale, the question decides.
    expect(askers.at(-1)).toEqual({ conversationKey: `discord:${dm}`, userKey: `discord:${fake.alice.id}` });
  });

  test('WHEN a user mentions Depeche in a channel THEN it replies to that message without pinging', async () => {
    const ignored = fake.sendMessage({ content: 'How many people left Aleppo? (not for the bot)' });
    const asked = fake.sendMessage({ content: `<@${fake.bot.id}> How many people were arrested?`, mentionsBot: true });
    const posted = await fake.channelMessage(fake.guild.channelId, asked.id);
    expect(askers.at(-1)?.conversationKey).toBe(`discord:${fake.guild.channelId}`);
    expect(posted.body.message_reference.message_id).toBe(asked.id);
    expect(posted.body.allowed_mentions).toEqual(NO_PINGS);
    expect(visibleText(posted.body)).toMatch(/six|6/i);
    // Messages arrive in order on one socket: by now the unmentioned one was seen, and left alone.
    expect(fake.requests.items.some((r) => r.body?.message_reference?.message_id === ignored.id)).toBe(false);
  });

  test('WHEN a question mentions @everyone and a role THEN the reply pings nobody', async () => {
    const asked = fake.sendMessage({ content: `<@${fake.bot.id}> @everyone <@&600000000000000001> how many people left Aleppo?`, mentionsBot: true, mentionEveryone: true });
    const posted = await fake.channelMessage(fake.guild.channelId, asked.id);
    expect(posted.body.allowed_mentions).toEqual(NO_PINGS);
    expect(posted.body.content ?? '').not.toMatch(/@everyone|<@&/);
  });

  test('WHEN a bot (or Depeche itself) writes THEN nobody answers it', async () => {
    const fromBot = fake.sendMessage({ content: `<@${fake.bot.id}> How many people left Aleppo?`, mentionsBot: true, author: { id: '700000000000000001', username: 'otherbot', bot: true } });
    const fromSelf = fake.sendMessage({ content: `<@${fake.bot.id}> How many people left Aleppo?`, mentionsBot: true, author: fake.bot });
    const asked = fake.sendMessage({ content: `<@${fake.bot.id}> Who retook Aleppo?`, mentionsBot: true });
    await fake.channelMessage(fake.guild.channelId, asked.id);
    const answered = new Set(fake.requests.items.map((r) => r.body?.message_reference?.message_id));
    expect(answered.has(fromBot.id) || answered.has(fromSelf.id)).toBe(false);
  });

  test('WHEN a DM question is too long THEN a short reply says so', async () => {
    const dm = '500000000000000002';
    fake.sendMessage({ dm, content: `How many people left Aleppo? ${'really '.repeat(90)}` });
    const posted = await fake.channelMessage(dm);
    expect(visibleText(posted.body)).toMatch(/too long.*500/);
  });

  test('WHEN a reply carries suggestions THEN they are buttons, and a click asks that question', async () => {
    const asked = fake.sendMessage({ content: `<@${fake.bot.id}>`, mentionsBot: true });
    const posted = await fake.channelMessage(fake.guild.channelId, asked.id);
    const buttons = posted.body.components[0].components as { custom_id: string; label: string }[];
    expect(buttons.length).toBeGreaterThan(0);
    const { body } = await fake.clickButton({ customId: buttons[0]!.custom_id, message: posted.body }).reply();
    expect(body.embeds[0].description.length).toBeGreaterThan(0);
    expect(body.allowed_mentions).toEqual(NO_PINGS);
  });

  test('WHEN the answer is slow THEN the bot defers within 3 s and edits the answer in', async () => {
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    try {
      const interaction = fake.slashCommand({ name: 'numbers' });
      const callback = await interaction.callback();
      expect(callback.body.type).toBe(5);
      release();
      const { body, deferred } = await interaction.reply();
      expect(deferred).toBe(true);
      expect(body.embeds[0].title).toBe('Figures');
      expect(body.allowed_mentions).toEqual(NO_PINGS);
    } finally {
      release();
      gate = undefined;
    }
  });

  test('WHEN a reply is longer than one message THEN the rest comes as follow-ups, each within limits', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `- Figure ${i}: ${'y'.repeat(70)}`);
    override = { title: 'Long', text: lines.join('\n'), lang: 'en', answered: true, sources: [], suggestions: [] };
    try {
      const interaction = fake.slashCommand({ name: 'numbers' });
      const first = (await interaction.reply()).body;
      const expected = renderReply(override).length;
      expect(expected).toBeGreaterThan(2);
      const rest = await Promise.all(Array.from({ length: expected - 1 }, (_, i) => interaction.followUp(i).then((r) => r.body)));
      const descriptions = [first, ...rest].flatMap((message) => message.embeds.map((e: { description: string }) => e.description));
      expect(descriptions.join('\n')).toBe(lines.join('\n'));
      for (const message of [first, ...rest]) {
        expect(message.embeds.reduce((n: number, e: { description: string; title?: string }) => n + e.description.length + (e.title?.length ?? 0), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
        expect(message.allowed_mentions).toEqual(NO_PINGS);
      }
    } finally {
      override = undefined;
    }
  });

  test('WHEN a deferred public answer turns out private (rate limit) THEN the placeholder goes and a private follow-up comes', async () => {
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    override = { text: 'Slow down', lang: 'en', answered: false, sources: [], suggestions: [], private: true };
    try {
      const interaction = fake.slashCommand({ name: 'numbers' });
      expect((await interaction.callback()).body.type).toBe(5);
      release();
      const followUp = await interaction.followUp(0);
      expect(followUp.body.flags).toBe(64);
      expect(fake.requests.items.some((r) => r.method === 'DELETE' && r.path.includes(interaction.token))).toBe(true);
    } finally {
      release();
      gate = undefined;
      override = undefined;
    }
  });

  test('WHEN the core throws THEN the user gets a short private apology and the error is logged', async () => {
    broken = true;
    try {
      const { body } = await fake.slashCommand({ name: 'numbers' }).reply();
      expect(body.flags).toBe(64);
      expect(visibleText(body)).toContain('Something went wrong on my side');
      await bot.logs.waitFor((line) => line.msg === 'answering /numbers failed' && JSON.stringify(line).includes('a bug in a command'));
      const asked = fake.sendMessage({ content: `<@${fake.bot.id}> Who retook Aleppo?`, mentionsBot: true });
      expect(visibleText((await fake.channelMessage(fake.guild.channelId, asked.id)).body)).toContain('Something went wrong on my side');
    } finally {
      broken = false;
    }
  });

  test('WHEN an interaction is delivered late THEN the bot defers at once, however fast its answer', async () => {
    // Created 2 s ago: less than the bot's safety margin is left, so it must not risk a full answer first.
    const interaction = fake.slashCommand({ name: 'numbers', ageMs: 2000 });
    const first = await fake.requests.waitFor((r) => r.path.startsWith(`/interactions/${interaction.id}/`));
    expect(first.body.type).toBe(5);
  });

  test('WHEN an interaction arrives too late to answer (10062) THEN the error is logged and the bot carries on', async () => {
    const late = fake.slashCommand({ name: 'numbers', ageMs: 3500 });
    await fake.requests.waitFor((r) => r.path.startsWith(`/interactions/${late.id}/`) && r.status === 404);
    await bot.logs.waitFor((line) => line.code === 10062);
    const { body } = await fake.slashCommand({ name: 'numbers' }).reply();
    expect(body.embeds[0].title).toBe('Figures');
  });

  test('WHEN posting is forbidden (50013 Missing Permissions) THEN the error is logged and the bot carries on', async () => {
    fake.failNext('POST', /^\/channels\/\d+\/messages$/, { status: 403, code: 50013, message: 'Missing Permissions' });
    fake.sendMessage({ content: `<@${fake.bot.id}> Who retook Aleppo?`, mentionsBot: true });
    await bot.logs.waitFor((line) => line.code === 50013);
    const asked = fake.sendMessage({ content: `<@${fake.bot.id}> Who backs Assad?`, mentionsBot: true });
    await fake.channelMessage(fake.guild.channelId, asked.id);
  });

  test('WHEN Discord answers a callback with 429 once THEN the reply still arrives', async () => {
    fake.failNext('POST', /\/callback$/, { status: 429, code: 0, message: 'You are being rate limited.', retryAfter: 0.2 });
    const interaction = fake.slashCommand({ name: 'numbers' });
    const { body } = await interaction.reply();
    expect(body.embeds[0].title).toBe('Figures');
    const attempts = fake.requests.items.filter((r) => r.path.startsWith(`/interactions/${interaction.id}/`)).map((r) => r.status);
    expect(attempts).toEqual([429, 204]);
  });

  test('WHEN the gateway drops the socket (4000) THEN the bot resumes and answers the next interaction', async () => {
    const identifies = fake.gateway.events.items.filter((e) => e.kind === 'identify').length;
    fake.gateway.closeSocket(4000);
    await fake.gateway.events.waitFor((e) => e.kind === 'resumed');
    const { body } = await fake.slashCommand({ name: 'numbers' }).reply();
    expect(body.embeds[0].title).toBe('Figures');
    expect(fake.gateway.events.items.filter((e) => e.kind === 'identify').length).toBe(identifies);
  });
});
