import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands as registry } from '../../commands/index.ts';
import { parseConfig } from '../../src/config.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { twoArticleKnowledge } from '../fixtures/two-articles.ts';
import { startBot } from './harness.ts';

const knowledge = loadKnowledge(twoArticleKnowledge());
const strike = knowledge.articles.find((a) => a.id === 'marseille-dock-strike')!;
const syria = knowledge.articles.find((a) => a.id === 'syria-ceasefire-talks')!;

describe('GIVEN Depeche with two articles on a loopback Discord', () => {
  let fake: FakeDiscord;
  let bot: Awaited<ReturnType<typeof startBot>>;

  beforeAll(async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 250 });
    const depeche = createDepeche({ commands: registry, knowledge, config: parseConfig({ RATE_LIMIT_COUNT: '1000' }) });
    bot = await startBot(fake, { depeche });
  });
  afterAll(async () => {
    await bot?.running.stop();
    await fake?.close();
  });

  const choicesFor = async (value: string, locale = 'en-US') => {
    const interaction = fake.autocomplete({ name: 'numbers', option: 'article', value, locale });
    const callback = await interaction.callback();
    expect(callback.at - fake.rest.interactions.get(interaction.id)!.sentAt).toBeLessThan(3000);
    return callback.body.data.choices as { name: string; value: string }[];
  };

  test('WHEN the article option is empty THEN autocomplete offers every title, newest first, each choosing the article by id', async () => {
    expect(await choicesFor('')).toEqual([
      { name: strike.title.en, value: strike.id },
      { name: syria.title.en, value: syria.id },
    ]);
  });

  test('WHEN part of a title is typed, with a typo, in a French locale THEN the matching article, by its French title', async () => {
    // A title longer than Discord's 100 characters is cut short, which changes nothing that is sent back.
    const shown = syria.title.fr.length <= 100 ? syria.title.fr : `${syria.title.fr.slice(0, 99).trimEnd()}…`;
    expect(await choicesFor('syrie', 'fr')).toEqual([{ name: shown, value: syria.id }]);
    expect(await choicesFor('dokers')).toEqual([{ name: strike.title.en, value: strike.id }]);
    expect(await choicesFor('football')).toEqual([]);
  });

  test('WHEN /numbers article:<id> THEN that article\'s figures; WHEN /numbers alone THEN the newest article\'s', async () => {
    const chosen = await fake.slashCommand({ name: 'numbers', options: { article: syria.id } }).reply();
    expect(chosen.body.embeds[0].description).toMatch(/25,000|25'000/);
    expect(chosen.body.embeds[0].footer.text).toContain(syria.title.en);

    const newest = await fake.slashCommand({ name: 'numbers' }).reply();
    expect(newest.body.embeds[0].description).toMatch(/1,200 jobs/);
    expect(newest.body.embeds[0].footer.text).toContain(strike.title.en);
  });

  test('WHEN /briefing article:<words that name nothing> THEN only the user sees the list of articles', async () => {
    const { body } = await fake.slashCommand({ name: 'briefing', options: { article: 'football' } }).reply();
    expect(body.flags).toBe(64);
    const text = JSON.stringify(body);
    expect(text).toContain(strike.id);
    expect(text).toContain(syria.id);
  });
});
