import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/index.ts';
import { ACK_DEADLINE_MS, discordBurst, slackBurst, type BurstResult } from './burst.ts';
import { startTarget, type RunningTarget } from './targets.ts';

// The small version of `npm run bench:load`: Depeche's real adapters, real knowledge and engine, in this process,
// against the loopback fakes. 100 slash commands, 50 at a time, each from a different user.
const TOTAL = 100;
const CONCURRENCY = 50;

function expectNothingLost(result: BurstResult): void {
  expect(result.errorSamples).toEqual([]);
  expect(result).toMatchObject({ sent: TOTAL, acked: TOTAL, answers: TOTAL, errors: 0, late: 0 });
  expect(result.max).toBeLessThan(ACK_DEADLINE_MS);
}

describe('Load: a burst of slash commands through the real adapters', () => {
  let target: RunningTarget | undefined;
  let fake: FakeDiscord | FakeSlack | undefined;
  afterEach(async () => {
    await target?.stop();
    await fake?.close();
    target = fake = undefined;
  });

  it(`GIVEN ${TOTAL} /ask and /numbers on Discord, ${CONCURRENCY} at a time THEN every one is acked within 3 s and answered`, async () => {
    const discord = await startFakeDiscord({ heartbeatIntervalMs: 5000 });
    fake = discord;
    target = await startTarget({ platform: 'discord', kind: 'depeche', token: discord.token, applicationId: discord.applicationId, apiUrl: discord.apiUrl });
    expectNothingLost(await discordBurst(discord, { total: TOTAL, concurrency: CONCURRENCY, runId: 'test-discord' }));
  }, 60_000);

  it(`GIVEN ${TOTAL} signed /depeche commands on Slack, ${CONCURRENCY} at a time THEN every one is acked within 3 s and answered on its response_url`, async () => {
    const slack = await startFakeSlack();
    fake = slack;
    target = await startTarget({ platform: 'slack', kind: 'depeche', apiUrl: slack.apiUrl, botToken: slack.botToken, signingSecret: slack.signingSecret });
    expectNothingLost(await slackBurst(slack, target.appUrl!, { total: TOTAL, concurrency: CONCURRENCY, runId: 'test-slack' }));
  }, 60_000);
});
