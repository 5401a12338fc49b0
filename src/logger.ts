import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** Paths pino blanks out wherever they appear; tokens end up in debug objects otherwise. */
const REDACT_PATHS = [
  'token', '*.token', 'botToken', '*.botToken', 'appToken', '*.appToken', 'signingSecret', '*.signingSecret',
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'headers["x-slack-signature"]', '*.headers["x-slack-signature"]',
];

/**
 * JSON logs on stderr, so that stdout stays for answers (the `ask` CLI and the terminal chat).
 * `secrets` are also scrubbed from any message text, whatever path they arrive by.
 */
export function createLogger(options: { level: string; secrets?: (string | undefined)[]; destination?: pino.DestinationStream }): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 6);
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: secrets.length
        ? {
            logMethod(args, method) {
              method.apply(this, args.map((arg) => scrub(arg, secrets)) as Parameters<typeof method>);
            },
          }
        : undefined,
    },
    options.destination ?? pino.destination(2),
  );
}

function scrub(value: unknown, secrets: string[]): unknown {
  if (typeof value === 'string') return secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), value);
  if (value instanceof Error) {
    const copy = new Error(scrub(value.message, secrets) as string);
    copy.name = value.name;
    copy.stack = scrub(value.stack, secrets) as string;
    return copy;
  }
  if (value && typeof value === 'object') {
    try {
      return JSON.parse(scrub(JSON.stringify(value), secrets) as string);
    } catch {
      return value;
    }
  }
  return value;
}
