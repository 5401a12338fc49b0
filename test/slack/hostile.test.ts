// Hostile requests to Slack HTTP mode: the real Bolt app behind the request guard, against a loopback Slack.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardRequests, isObjectBody } from '../../src/slack/request-guard.ts';
import { slackSignature, unixNow } from '../fakes/slack/sign.ts';
import { buttonClick, slashCommand } from '../fakes/slack/index.ts';
import { startHarness, type Harness } from './harness.ts';

describe('GIVEN Slack HTTP mode behind the request guard', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'http' });
  });
  afterAll(async () => {
    await h?.close();
  });

  const signed = (body: string, contentType: string) => h.fake.http.post(h.appUrl, { body, contentType });

  it('WHEN a signed body is JSON null, a list, or a form whose payload is null THEN it gets 400 and the bot keeps answering', async () => {
    for (const [body, type] of [
      ['null', 'application/json'],
      ['[1,2]', 'application/json'],
      ['"text"', 'application/json'],
      ['payload=null', 'application/x-www-form-urlencoded'],
      ['payload=%5B%5D', 'application/x-www-form-urlencoded'],
    ] as const) {
      const sent = await signed(body, type);
      expect(sent.status, body).toBe(400);
    }
    await h.fake.http.command(h.appUrl, slashCommand({ text: 'numbers', responseUrl: h.fake.responseUrl('after-null') }));
    await h.fake.waitForResponse('after-null');
  });

  it('WHEN random signed bodies arrive THEN none ends the process, and it still answers', async () => {
    // An object no listener takes is answered by Bolt after Slack's 3 seconds: each run's bodies go at once.
    const body = fc.tuple(fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((value) => `payload=${encodeURIComponent(JSON.stringify(value))}`)), fc.boolean());
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 20 }), async (bodies) => {
        const sent = await Promise.all(bodies.map(([text, form]) => signed(text, form ? 'application/x-www-form-urlencoded' : 'application/json')));
        for (const request of sent) expect(request.status).toBeLessThan(500);
      }),
      { numRuns: 4 },
    );
    await h.fake.http.command(h.appUrl, slashCommand({ text: 'numbers', responseUrl: h.fake.responseUrl('after-random') }));
    await h.fake.waitForResponse('after-random');
  }, 30_000);

  it('WHEN a request is timestamped in the future THEN it gets 401, like a stale one', async () => {
    for (const ahead of [6 * 60, 3600, 10 * 365 * 86_400]) {
      const sent = await h.fake.http.command(h.appUrl, slashCommand({ text: 'numbers', user: 'U0FUTURE', responseUrl: h.fake.responseUrl(`future-${ahead}`) }), { timestamp: unixNow() + ahead });
      expect(sent.status).toBe(401);
    }
    expect(h.core.filter((call) => call.who.userKey.endsWith('U0FUTURE'))).toEqual([]);
  });

  it('WHEN the same signed slash command is sent again THEN it is acked and answered once', async () => {
    const command = slashCommand({ text: 'How many people left Aleppo?', user: 'U0REPLAYED', responseUrl: h.fake.responseUrl('replayed') });
    const first = await h.fake.http.command(h.appUrl, command);
    const again = await h.fake.http.command(h.appUrl, command);
    expect([first.status, again.status]).toEqual([200, 200]);
    await h.fake.waitForResponse('replayed');
    // A later command is answered: by then the replay would have been too.
    await h.fake.http.command(h.appUrl, slashCommand({ text: 'numbers', responseUrl: h.fake.responseUrl('after-replay') }));
    await h.fake.waitForResponse('after-replay');
    expect(h.core.filter((call) => call.who.userKey.endsWith('U0REPLAYED'))).toHaveLength(1);
  });

  it('WHEN the same button click is sent again THEN it runs once', async () => {
    const click = buttonClick({ actionId: 'depeche_suggest_0', value: 'How many people left Aleppo?', user: 'U0CLICKTWICE', channel: 'C0CLICK', responseUrl: h.fake.responseUrl('click') });
    await h.fake.http.interaction(h.appUrl, click);
    await h.fake.http.interaction(h.appUrl, click);
    await h.fake.waitForResponse('click');
    await h.fake.http.command(h.appUrl, slashCommand({ text: 'numbers', responseUrl: h.fake.responseUrl('after-click') }));
    await h.fake.waitForResponse('after-click');
    expect(h.core.filter((call) => call.who.userKey.endsWith('U0CLICKTWICE'))).toHaveLength(1);
  });

  it('WHEN SLACK_ADMIN_USER_IDS is not set THEN the start says that any member may change briefings', () => {
    expect(h.logs.filter((line) => String(line.msg).includes('SLACK_ADMIN_USER_IDS is not set'))).toHaveLength(1);
  });

  it('WHEN someone shares a question holding formatting and links THEN the channel sees them as text', async () => {
    await h.fake.http.command(h.appUrl, slashCommand({ text: 'share *How many* people left Aleppo? see https://evil.example/x or evil.example', responseUrl: h.fake.responseUrl('share-inert') }));
    const { body } = await h.fake.waitForResponse('share-inert');
    const shown = JSON.stringify(body);
    expect(body.response_type).toBe('in_channel');
    expect(shown).toContain('How many');
    expect(shown).not.toMatch(/\*How many\*|https:\/\/|evil\.example/);
  });

  it('WHEN an unknown command holds a link THEN the reply names it without the link', async () => {
    const reply = await h.depeche.run('https://evil.example/*x*', {}, { conversationKey: 'inert', userKey: 'inert' });
    expect(reply.text).toMatch(/^There is no command/);
    expect(reply.text).not.toMatch(/https:\/\/|evil\.example|\*/);
  });

  it('WHEN a body is larger than 512 KB THEN it gets 413 before its signature is read', async () => {
    const sent = await signed(JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(600 * 1024) }), 'application/json');
    expect(sent.status).toBe(413);
  });
});

describe('GIVEN the request guard alone', () => {
  const endpoints = ['/slack/events'];

  /** A server whose next listener answers 200 with the length of the body it was handed. */
  async function guarded(limits: Parameters<typeof guardRequests>[1]['limits']) {
    const counts = { refused: new Map<string, number>() };
    const next = (req: IncomingMessage, res: ServerResponse) => res.end(String((req as IncomingMessage & { rawBody?: Buffer }).rawBody?.length ?? 'none'));
    const server = createServer(guardRequests(next, { endpoints, limits, counts }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    return { server, url, counts };
  }

  /** Sends `body` in pieces; `hold` keeps the request open after the first piece until it is called. */
  function send(url: string, body: string, options: { timestamp?: number; hold?: Promise<void> } = {}): Promise<number> {
    const timestamp = options.timestamp ?? unixNow();
    return new Promise((resolve) => {
      const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature('s', timestamp, body) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(0));
      if (options.hold) {
        req.write(body.slice(0, 10));
        void options.hold.then(() => req.end(body.slice(10)));
      } else req.end(body);
    });
  }

  it('WHEN more bodies than allowed are being read at once THEN the next is turned away at once with 503, and the rest go through', async () => {
    const { server, url, counts } = await guarded({ maxBodies: 2 });
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const body = JSON.stringify({ type: 'event_callback', text: 'held open' });
    // The guard counts a body from the moment its request arrives: once two have, both slots are taken.
    let arrived = 0;
    const bothArrived = new Promise<void>((resolve) => server.on('request', () => ++arrived === 2 && resolve()));
    const held = [send(url, body, { hold }), send(url, body, { hold })];
    await bothArrived;
    const turnedAway = await send(url, body);
    release();
    expect(turnedAway).toBe(503);
    expect(await Promise.all(held)).toEqual([200, 200]);
    expect(counts.refused.get('busy')).toBe(1);
    server.close();
  });

  it('WHEN a body never finishes THEN it is dropped after the read deadline', async () => {
    const { server, url, counts } = await guarded({ readMs: 200 });
    const status = await send(url, JSON.stringify({ a: 1 }), { hold: new Promise(() => {}) });
    expect(status).toBe(408);
    expect(counts.refused.get('slow body')).toBe(1);
    server.close();
  });

  it('WHEN a body is a Slack object THEN it is handed on whole', async () => {
    expect(isObjectBody(Buffer.from('command=%2Fdepeche&text=hi'), 'application/x-www-form-urlencoded')).toBe(true);
    expect(isObjectBody(Buffer.from('ssl_check=1'), 'application/x-www-form-urlencoded')).toBe(true);
    expect(isObjectBody(Buffer.from('{"type":"url_verification"}'), 'application/json')).toBe(true);
    expect(isObjectBody(Buffer.from('{'), 'application/json')).toBe(false);
  });
});
