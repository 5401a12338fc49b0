import pino, { type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { Config } from './config.ts';

export type { Logger } from 'pino';

/** Paths pino blanks out wherever they appear; tokens end up in debug objects otherwise. */
const REDACT_PATHS = [
  'token', '*.token', 'botToken', '*.botToken', 'appToken', '*.appToken', 'signingSecret', '*.signingSecret',
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'headers["x-slack-signature"]', '*.headers["x-slack-signature"]',
];

export interface LoggerOptions {
  level: string;
  /** Values scrubbed from any message text, whatever path they arrive by. */
  secrets?: (string | undefined)[];
  /** Where lines go (default: stderr). */
  destination?: pino.DestinationStream;
  /** Lines for a person at a terminal (time, level, message, fields) instead of JSON; colours when `colorize`. */
  pretty?: { colorize: boolean };
}

/**
 * Logs on stderr, so that stdout stays for answers (the `ask` CLI and the terminal chat): JSON lines for
 * machines, or readable lines when `pretty` (stderr is a terminal). Redaction and scrubbing happen before either.
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 6);
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // pino reads `hooks.logMethod` whenever `hooks` is present, so the key is left out when unused.
      ...(secrets.length > 0
        ? {
            hooks: {
              logMethod(args, method) {
                method.apply(this, args.map((arg) => scrub(arg, secrets, 0)) as Parameters<typeof method>);
              },
            },
          }
        : {}),
    },
    options.pretty
      ? pinoPretty({ destination: options.destination ?? 2, sync: true, colorize: options.pretty.colorize, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' })
      : (options.destination ?? pino.destination(2)),
  );
}

/** The logger of a process of `npm start` (the manager and each Discord shard alike): every token scrubbed. */
export function processLogger(config: Pick<Config, 'logLevel' | 'discord' | 'slack' | 'database'>): Logger {
  return createLogger({
    level: config.logLevel,
    secrets: [config.discord?.token, config.slack?.botToken, config.slack?.appToken, config.slack?.signingSecret, config.database?.password],
    // Someone is reading: readable lines. A file, a pipe or a log collector: JSON.
    pretty: process.stderr.isTTY ? { colorize: process.stderr.hasColors() } : undefined,
  });
}

/** A copy of `value` with every secret replaced, Errors kept as Errors so that pino serialises them. */
function scrub(value: unknown, secrets: string[], depth: number): unknown {
  if (typeof value === 'string') return secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const copy = new Error(scrub(value.message, secrets, depth + 1) as string);
    copy.name = value.name;
    copy.stack = scrub(value.stack, secrets, depth + 1) as string | undefined;
    for (const [key, field] of Object.entries(value)) (copy as unknown as Record<string, unknown>)[key] = scrub(field, secrets, depth + 1);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, secrets, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, scrub(field, secrets, depth + 1)]));
}
