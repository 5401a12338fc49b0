import { format } from 'node:util';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logger.ts';

const boltLevels: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/**
 * Bolt, its Web API client and the Socket Mode client log through this: one pino stream for the whole process.
 * Bolt's arguments are formatted into one string so that the logger's secret scrubbing sees all of them.
 * The level belongs to LOG_LEVEL: Bolt's setLevel() (it calls it with its own default) is ignored.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    if (logger.isLevelEnabled(level)) logger[level]({ lib: 'bolt' }, format(...args));
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => undefined,
    getLevel: () => boltLevels[logger.level] ?? LogLevel.INFO,
    setName: () => undefined,
  };
}
