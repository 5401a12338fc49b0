import { afterEach, describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { runScript } from './process.ts';

/** What Discord accepts for a chat-input command (its documented naming and length rules). */
function expectValidCommand(command: any) { // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(command.type).toBe(1);
  expect(command.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
  expect(command.description.length).toBeGreaterThan(0);
  expect(command.description.length).toBeLessThanOrEqual(100);
  expect(command.description_localizations.fr.length).toBeLessThanOrEqual(100);
  const options = command.options ?? [];
  expect(options.length).toBeLessThanOrEqual(25);
  const firstOptional = options.findIndex((o: { required?: boolean }) => !o.required);
  // Required options must come first.
  if (firstOptional >= 0) expect(options.slice(firstOptional).every((o: { required?: boolean }) => !o.required)).toBe(true);
  for (const option of options) {
    expect(option.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
    expect([3, 5]).toContain(option.type);
    expect(option.description.length).toBeLessThanOrEqual(100);
    expect(option.description_localizations.fr.length).toBeLessThanOrEqual(100);
  }
}

describe('GIVEN npm run deploy-commands and a loopback Discord', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  const env = (f: FakeDiscord, extra: Record<string, string> = {}) => ({ DISCORD_TOKEN: f.token, DISCORD_APPLICATION_ID: f.applicationId, DISCORD_API_URL: f.apiUrl, ...extra });

  test('WHEN DISCORD_GUILD_ID is set THEN the whole registry is PUT to that guild, as valid commands', async () => {
    fake = await startFakeDiscord();
    const run = runScript('scripts/deploy-commands.ts', env(fake, { DISCORD_GUILD_ID: fake.guild.id }));
    expect((await run.exited).code).toBe(0);
    const put = fake.requests.items.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`);
    expect(put.authorization).toBe(`Bot ${fake.token}`);
    expect(put.body.map((c: { name: string }) => c.name)).toEqual(commands.map((c) => c.name));
    put.body.forEach(expectValidCommand);
    const ask = put.body.find((c: { name: string }) => c.name === 'ask');
    expect(ask.options).toEqual([
      expect.objectContaining({ name: 'question', type: 3, required: true, autocomplete: true, max_length: 500 }),
      expect.objectContaining({ name: 'private', type: 5, required: false }),
    ]);
    expect(ask.description_localizations.fr).toBe("Poser une question sur l'article");
    for (const name of ['briefing', 'agreements', 'numbers', 'reactions', 'sources']) {
      const command = put.body.find((c: { name: string }) => c.name === name);
      expect(command.options, name).toEqual([expect.objectContaining({ name: 'article', type: 3, required: false, autocomplete: true })]);
    }
    const subscribe = put.body.find((c: { name: string }) => c.name === 'subscribe');
    expect(subscribe.options.map((o: { name: string; type: number }) => [o.name, o.type])).toContainEqual(['only-new', 5]);
    expect(run.stdout()).toContain(`Registered ${commands.length} commands to guild ${fake.guild.id}`);
  });

  test('WHEN no guild is set THEN the registry is PUT globally', async () => {
    fake = await startFakeDiscord();
    const run = runScript('scripts/deploy-commands.ts', env(fake));
    expect((await run.exited).code).toBe(0);
    const put = fake.requests.items.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${fake.applicationId}/commands`);
    expect(put.body).toHaveLength(commands.length);
  });

  test('WHEN the token is wrong THEN one clear line and exit 1', async () => {
    fake = await startFakeDiscord();
    const run = runScript('scripts/deploy-commands.ts', env(fake, { DISCORD_TOKEN: 'wrong-token' }));
    expect((await run.exited).code).toBe(1);
    expect(run.plainErrors()).toEqual(['deploy-commands: Discord rejected DISCORD_TOKEN (401 Unauthorized)']);
  });
});
