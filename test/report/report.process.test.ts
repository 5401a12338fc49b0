import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { STORE_FILE } from '../../src/store/types.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { buttonClick, directMessage, eventCallback, slashCommand, startFakeSlack, type FakeSlack } from '../fakes/slack/index.ts';
import { KNOWLEDGE_DIR } from '../discord/harness.ts';
import { endRun, runScript } from '../discord/process.ts';
import { freshDatabaseUrl } from '../store/places.ts';
import { report, runToEnd } from './run.ts';

type Button = { custom_id: string };
const discordRating = (body: { components: { components: Button[] }[] }) => body.components.flatMap((row) => row.components).filter((b) => b.custom_id.startsWith('rate:'));
const slackRating = (args: Record<string, unknown>) =>
  ((args.blocks ?? []) as { block_id?: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.block_id === 'depeche_rating')?.elements ?? [];

describe('GIVEN npm start on Discord and Slack, then the terminal chat, on one store', () => {
  let discord: FakeDiscord | undefined;
  let slack: FakeSlack | undefined;
  let bot: ReturnType<typeof runScript> | undefined;
  afterEach(async () => {
    await endRun(bot, discord);
    await slack?.close();
    bot = discord = slack = undefined;
  });

  test('WHEN people ask and rate answers THEN npm run report lists the refusals, the answers marked not helpful and the helpful ones, most first, in text and JSON', async () => {
    const home = mkdtempSync(join(tmpdir(), 'depeche-report-'));
    const dataDir = join(home, 'data');
    discord = await startFakeDiscord();
    slack = await startFakeSlack();
    bot = runScript('src/main.ts', {
      KNOWLEDGE_DIR,
      DATA_DIR: dataDir,
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
    });
    const listening = await bot.stderr.waitFor((line) => line.includes('slack: listening'), { timeoutMs: 20_000 });
    await bot.stderr.waitFor((line) => line.includes('connected to Discord'), { timeoutMs: 20_000 });
    const slackUrl = `http://127.0.0.1:${(JSON.parse(listening) as { port: number }).port}/slack/events`;

    // Discord: a refusal; one answer voted down by two people (one of them changing their mind), another voted up.
    await discord.slashCommand({ name: 'ask', options: { question: 'Who won the World Cup?' } }).reply();
    const { body: aleppo } = await discord.slashCommand({ name: 'ask', options: { question: 'How many people left Aleppo?' } }).reply();
    const [up, down] = discordRating(aleppo);
    for (const [button, user] of [[up, discord.alice], [down, discord.alice], [down, discord.bob]] as const) {
      await discord.clickButton({ customId: button!.custom_id, message: aleppo, user }).reply();
    }
    const { body: talks } = await discord.slashCommand({ name: 'ask', options: { question: 'Où auront lieu les pourparlers de paix ?' } }).reply();
    await discord.clickButton({ customId: discordRating(talks)[0]!.custom_id, message: talks }).reply();

    // Slack: the same refusal, and the same answer voted down by a third person.
    await slack.http.command(slackUrl, slashCommand({ text: 'who won the world cup', responseUrl: slack.responseUrl('refusal') }));
    await slack.waitForResponse('refusal');
    await slack.http.event(slackUrl, eventCallback(directMessage({ text: 'How many people left Aleppo?', channel: 'D0CAROL', user: 'U0CAROL' })));
    const answer = await slack.waitForCall('chat.postMessage', (args) => args.channel === 'D0CAROL');
    const slackDown = slackRating(answer.args)[1]!;
    await slack.http.interaction(slackUrl, buttonClick({ actionId: slackDown.action_id, value: slackDown.value, blockId: 'depeche_rating', channel: 'D0CAROL', user: 'U0CAROL', responseUrl: slack.responseUrl('vote') }));
    expect((await slack.waitForResponse('vote')).body.text).toBe('Thanks, noted.');

    bot.child.kill('SIGTERM');
    expect((await bot.exited).code).toBe(0);

    // The terminal chat next to that store (DATA_DIR unset: it finds data/ in its folder) counts its refusals and votes too.
    const chat = await runToEnd('src/main.ts', { cwd: home, env: { KNOWLEDGE_DIR }, stdin: 'What is the capital of Kazakhstan?\nHow many people left Aleppo?\n/bad\n/quit\n' });
    expect(chat.code).toBe(0);
    expect(chat.stdout).toMatch(/does not cover that/);
    expect(chat.stdout).toMatch(/Thanks, noted\./);

    const text = await report(dataDir);
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout.replace(/\d{4}-\d\d-\d\d \d\d:\d\d/g, 'YYYY-MM-DD hh:mm')).toBe(
      [
        `Depeche report: ${join(dataDir, STORE_FILE)}`,
        '',
        'Questions refused, most asked first:',
        'asked  last seen (UTC)   question',
        '    2  YYYY-MM-DD hh:mm  who won the world cup',
        '    1  YYYY-MM-DD hh:mm  what is the capital of kazakhstan',
        '',
        'Answers marked not helpful, most marked first:',
        'not helpful  helpful  question',
        '          4        0  how many people left aleppo',
        '                      answered from: evacuees (syria-ceasefire-talks)',
        '',
        'Answers marked helpful, most marked first:',
        'helpful  not helpful  question',
        '      1            0  où auront lieu les pourparlers de paix',
        '                      answered from: peace-talks-kazakhstan (syria-ceasefire-talks)',
        '',
      ].join('\n'),
    );
    // No user id of any platform reaches the report.
    for (const id of [discord.alice.id, discord.bob.id, 'U0CAROL']) expect(text.stdout).not.toContain(id);

    const json = await report(dataDir, ['--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      store: join(dataDir, STORE_FILE),
      refused: [
        { question: 'who won the world cup', count: 2, firstSeen: expect.any(String), lastSeen: expect.any(String) },
        { question: 'what is the capital of kazakhstan', count: 1, firstSeen: expect.any(String), lastSeen: expect.any(String) },
      ],
      notHelpful: [{ question: 'how many people left aleppo', entries: ['evacuees'], articles: ['syria-ceasefire-talks'], lang: 'en', helpful: 0, notHelpful: 4, lastVoted: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }],
      helpful: [{ question: 'où auront lieu les pourparlers de paix', entries: ['peace-talks-kazakhstan'], articles: ['syria-ceasefire-talks'], lang: 'fr', helpful: 1, notHelpful: 0, lastVoted: expect.any(String) }],
    });
    // Run where the bot ran, with DATA_DIR's default, it reads the same store.
    const here = JSON.parse((await runToEnd('scripts/report.ts', { args: ['--json'], cwd: home })).stdout) as unknown;
    expect(here).toEqual({ ...(JSON.parse(json.stdout) as object), store: join('data', STORE_FILE) });
  }, 90_000);

  test('WHEN the terminal chat runs on a fresh clone THEN it creates no store; WHEN DATA_DIR is set THEN its refusals are recorded there', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'depeche-fresh-'));
    const chat = await runToEnd('src/main.ts', { cwd: fresh, env: { KNOWLEDGE_DIR }, stdin: 'Who won the World Cup?\n' });
    expect(chat.code).toBe(0);
    expect(existsSync(join(fresh, 'data'))).toBe(false);

    const dataDir = join(fresh, 'chosen');
    await runToEnd('src/main.ts', { cwd: fresh, env: { KNOWLEDGE_DIR, DATA_DIR: dataDir }, stdin: 'Who won the World Cup?\nWho won the world cup\n' });
    expect(JSON.parse((await report(dataDir, ['--json'])).stdout).refused).toMatchObject([{ question: 'who won the world cup', count: 2 }]);
  }, 60_000);

  test('WHEN the store is PostgreSQL (DATABASE_URL) THEN the bot and the terminal chat record there, and npm run report reads it', async () => {
    const url = await freshDatabaseUrl();
    discord = await startFakeDiscord();
    bot = runScript('src/main.ts', { KNOWLEDGE_DIR, DATABASE_URL: url, DISCORD_TOKEN: discord.token, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl });
    await bot.stderr.waitFor((line) => line.includes('connected to Discord'), { timeoutMs: 20_000 });
    await discord.slashCommand({ name: 'ask', options: { question: 'Who won the World Cup?' } }).reply();
    const { body } = await discord.slashCommand({ name: 'ask', options: { question: 'Who retook Aleppo?' } }).reply();
    const [, down] = discordRating(body);
    expect((await discord.clickButton({ customId: down!.custom_id, message: body }).reply()).body.embeds[0].description).toBe('Thanks, noted.');
    bot.child.kill('SIGTERM');
    expect((await bot.exited).code).toBe(0);

    // `npm start` without platform credentials: the chat, on the same database.
    const chat = await runToEnd('src/main.ts', { env: { KNOWLEDGE_DIR, DATABASE_URL: url }, stdin: 'Who retook Aleppo?\n/bad\n' });
    expect(chat.stdout).toMatch(/Thanks, noted\./);

    const json = await runToEnd('scripts/report.ts', { args: ['--json'], env: { DATABASE_URL: url } });
    expect(json.stderr).toBe('');
    const parsed = JSON.parse(json.stdout) as { store: string; refused: unknown[]; notHelpful: unknown[]; helpful: unknown[] };
    expect(parsed.store).not.toContain('@');
    expect(parsed.store).toMatch(/^postgres:\/\//);
    expect(parsed.refused).toMatchObject([{ question: 'who won the world cup', count: 1 }]);
    expect(parsed.notHelpful).toMatchObject([{ question: 'who retook aleppo', notHelpful: 2, helpful: 0, articles: ['syria-ceasefire-talks'] }]);
    expect(parsed.helpful).toEqual([]);
  }, 90_000);
});
