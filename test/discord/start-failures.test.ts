import { afterEach, describe, expect, test } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { startBot } from './harness.ts';

/** How the adapter ends when Discord will not have it: one clear ConfigError, never a reconnect loop. */
describe('GIVEN a loopback Discord that refuses the bot', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  test('WHEN REST rejects the token (401) THEN startDiscord rejects with a ConfigError naming DISCORD_TOKEN', async () => {
    fake = await startFakeDiscord();
    fake.rest.rejectToken = true;
    await expect(startBot(fake)).rejects.toThrow(new ConfigError('Discord rejected DISCORD_TOKEN (401 Unauthorized); copy the bot token again from the developer portal'));
    expect(fake.gateway.events.items).toEqual([]);
  });

  test('WHEN the portal has Message Content switched off (4014) THEN it starts without it, says so, and still answers mentions', async () => {
    fake = await startFakeDiscord();
    fake.gateway.rejectNextIdentifyWith = 4014;
    const bot = await startBot(fake);
    const intents = fake.gateway.events.items.flatMap((e) => (e.kind === 'identify' ? [e.intents] : []));
    expect(intents).toEqual([1 | 512 | 4096 | 32768, 1 | 512 | 4096]);
    await bot.logs.waitFor((line) => /Message Content intent.*developer portal.*Starting without it/.test(line.msg));
    const asked = fake.sendMessage({ content: `<@${fake.bot.id}> Who retook Aleppo?`, mentionsBot: true });
    await fake.channelMessage(fake.guild.channelId, asked.id);
    await bot.running.stop();
  });

  test('WHEN the token is revoked while running (4004) THEN onFatal gets a clear ConfigError and the bot does not reconnect', async () => {
    fake = await startFakeDiscord();
    let fatal!: (error: ConfigError) => void;
    const fatalError = new Promise<ConfigError>((resolve) => (fatal = resolve));
    const bot = await startBot(fake, { onFatal: fatal });
    fake.gateway.closeSocket(4004);
    expect((await fatalError).message).toMatch(/^Discord rejected DISCORD_TOKEN \(close 4004: authentication failed\)/);
    expect(fake.gateway.events.items.filter((e) => e.kind === 'identify' || e.kind === 'resume')).toHaveLength(1);
    await bot.running.stop();
  });
});
