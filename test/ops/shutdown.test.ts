import { commands as registry } from '../../commands/index.ts';
import { constants } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { createDepeche } from '../../src/core/depeche.ts';
import { messages } from '../../src/core/messages.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { gate } from '../../src/ops/gate.ts';
import { installShutdown, type Shutdown } from '../../src/ops/shutdown.ts';
import { captureLogs, KNOWLEDGE_DIR } from './helpers.ts';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const who = { conversationKey: 'shutdown', userKey: 'shutdown:user' };

/** A promise with its resolve, to play a reply that is still being posted. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('GIVEN installShutdown around a gated Depeche', () => {
  let shutdown: Shutdown | undefined;
  afterEach(() => shutdown?.dispose());

  function setup(options: { drainMs?: number; stepMs?: number } = {}) {
    const gated = gate(createDepeche({ commands: registry, knowledge, config: parseConfig({}) }));
    const { lines, logger } = captureLogs();
    const exits: number[] = [];
    shutdown = installShutdown({ logger, gate: gated, exit: (code) => void exits.push(code), signals: ['SIGUSR2'], ...options });
    return { gated, logs: lines, exits, shutdown };
  }

  it('WHEN the signal comes THEN it waits for the work in flight, runs the steps by stage, and exits 0', async () => {
    const { gated, exits, shutdown } = setup();
    const order: string[] = [];
    shutdown.add('store', () => order.push('store'), 'storage');
    shutdown.add('health server', () => order.push('health server'));
    shutdown.add('discord', () => order.push('discord'), 'platforms');
    const posting = deferred();
    void gated.inFlight.track(posting.promise.then(() => order.push('reply posted')));

    process.emit('SIGUSR2', 'SIGUSR2');
    expect(gated.closed).toBe(true);
    expect((await gated.depeche.ask('How many people left Aleppo?', who)).text).toBe(messages.en.shuttingDown);
    expect((await gated.depeche.run('numbers', {}, { ...who, lang: 'fr' })).text).toBe(messages.fr.shuttingDown);
    expect(order).toEqual([]);

    posting.resolve();
    await shutdown.run('again');
    expect(order).toEqual(['reply posted', 'discord', 'health server', 'store']);
    expect(exits).toEqual([0]);
  });

  it('WHEN a reply never finishes THEN it stops anyway after the bound, saying how many were abandoned', async () => {
    const { gated, logs, exits, shutdown } = setup({ drainMs: 50 });
    void gated.inFlight.track(new Promise(() => {}));
    await shutdown.run('test');
    expect(logs.items.find((line) => line.msg.includes('still in flight'))).toMatchObject({ abandoned: 1, drainMs: 50 });
    expect(exits).toEqual([0]);
  });

  it('WHEN a step hangs or fails THEN the next steps still run and it exits 0', async () => {
    const { logs, exits, shutdown } = setup({ stepMs: 50 });
    const ran: string[] = [];
    shutdown.add('hangs', () => new Promise(() => {}), 'platforms');
    shutdown.add('fails', () => {
      throw new Error('cannot close');
    });
    shutdown.add('store', () => ran.push('store'), 'storage');
    await shutdown.run('test');
    expect(ran).toEqual(['store']);
    expect(logs.items.some((line) => line.msg.includes('took too long') && line.step === 'hangs')).toBe(true);
    expect(logs.items.some((line) => line.msg.includes('stopping fails failed'))).toBe(true);
    expect(exits).toEqual([0]);
  });

  it('WHEN a second signal comes while stopping THEN it exits at once', async () => {
    const { gated, exits } = setup();
    void gated.inFlight.track(new Promise(() => {}));
    process.emit('SIGUSR2', 'SIGUSR2');
    process.emit('SIGUSR2', 'SIGUSR2');
    expect(exits).toEqual([128 + constants.signals.SIGUSR2]);
  });

  it('WHEN nothing is closed THEN questions are answered as usual and counted while in flight', async () => {
    const { gated } = setup();
    const pending = gated.depeche.ask('How many people left Aleppo?', who);
    expect(gated.inFlight.size).toBe(1);
    expect((await pending).answered).toBe(true);
    expect(gated.inFlight.size).toBe(0);
  });
});
