import { scrubEmailAddresses } from '../core/scrub.ts';

/**
 * Structured JSON logs, one line per entry, as CloudWatch Logs reads them (locally on stdout too). Pass only
 * references, service ids, priorities and error details: never a request body, an answer or an e-mail address, so no
 * health or personal data reaches logs. Errors can carry an address anyway (SES names the recipient it refused):
 * every string is scrubbed of them.
 *
 * Our own, not Powertools' Logger: these three levels and a JSON line are all the functions use, and the Powertools
 * logger cost every bundle about 13 kB (a bundle's size budget is 300 kB). It reads the same settings:
 * POWERTOOLS_LOG_LEVEL (or AWS_LAMBDA_LOG_LEVEL) and POWERTOOLS_DEV (tests: to the console, where they capture it).
 */

const LEVELS = { DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, SILENT: 28 } as const;
type LevelName = keyof typeof LEVELS;
const isLevelName = (name: string): name is LevelName => Object.hasOwn(LEVELS, name);
type Method = 'info' | 'warn' | 'error';
const LEVEL_OF: Record<Method, LevelName> = { info: 'INFO', warn: 'WARN', error: 'ERROR' };

export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** An error as a log can show it: name, message, stack, and its cause, each scrubbed like every other string. */
function plain(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    return {
      name: value.name,
      message: value.message,
      stack: value.stack,
      ...(value.cause !== undefined && depth < 5 ? { cause: plain(value.cause, depth + 1) } : {}),
    };
  }
  return value;
}

/** Every string a log line carries, its message and any field (an error's message and stack too), without addresses. */
export function scrubbingReplacer(_key: string, value: unknown): unknown {
  const shown = plain(value);
  return typeof shown === 'string' ? scrubEmailAddresses(shown) : shown;
}

function levelSetting(env: NodeJS.ProcessEnv): number {
  const name = (env.POWERTOOLS_LOG_LEVEL ?? env.AWS_LAMBDA_LOG_LEVEL ?? 'INFO').toUpperCase();
  return isLevelName(name) ? LEVELS[name] : LEVELS.INFO;
}

export function createLogger(service: string, env: NodeJS.ProcessEnv = process.env): Logger {
  const write = (method: Method, message: string, fields: LogFields = {}) => {
    const level = LEVEL_OF[method];
    if (LEVELS[level] < levelSetting(env)) return;
    const line = JSON.stringify({ level, message, timestamp: new Date().toISOString(), service, ...fields }, scrubbingReplacer);
    if (env.POWERTOOLS_DEV) console[method](line);
    else process.stdout.write(`${line}\n`);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

export const logger = createLogger('serviceportal');
