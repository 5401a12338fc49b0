import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';

const SECRET = 'xoxb-1234-supersecret-token';

function capture() {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString('utf8');
      callback();
    },
  });
  return { destination, text: () => text };
}

describe('createLogger', () => {
  it('GIVEN pretty (stderr is a terminal) THEN readable lines: time, level, message, fields; secrets still redacted', () => {
    const out = capture();
    const logger = createLogger({ level: 'info', secrets: [SECRET], destination: out.destination, pretty: { colorize: false } });
    logger.info({ token: 'field-token-value', port: 3000 }, `slack: listening (token ${SECRET})`);
    logger.warn(new Error(`refused ${SECRET}`), 'slack: a listener failed');
    const text = out.text();
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: slack: listening \(token \[redacted\]\)\n {4}token: "\[redacted\]"\n {4}port: 3000\n/);
    expect(text).toMatch(/\n\[\d\d:\d\d:\d\d\] WARN: slack: a listener failed\n/);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('field-token-value');
    expect(text).not.toMatch(/^\{/m);
    expect(text).not.toContain('\x1b');
  });

  it('GIVEN no pretty option (a pipe, a file, a log collector) THEN one JSON object per line', () => {
    const out = capture();
    const logger = createLogger({ level: 'info', secrets: [SECRET], destination: out.destination });
    logger.info({ token: 'field-token-value' }, `listening ${SECRET}`);
    const [line, ...rest] = out.text().trimEnd().split('\n');
    expect(rest).toEqual([]);
    expect(JSON.parse(line!)).toMatchObject({ level: 30, msg: 'listening [redacted]', token: '[redacted]' });
  });
});
