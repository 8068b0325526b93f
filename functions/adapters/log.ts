import { Logger } from '@aws-lambda-powertools/logger';
import { scrubEmailAddresses } from '../core/scrub.ts';

/**
 * Every string a log line carries, its message, an error's message and stack and any field, with e-mail addresses
 * taken out. Powertools calls this for every value before its own rules (an Error becomes name, message and stack,
 * and those strings pass through here in turn).
 */
export function scrubbingReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? scrubEmailAddresses(value) : value;
}

/**
 * Structured JSON logs (CloudWatch locally too). Pass only references, service ids, priorities and error
 * details: never a request body, an answer or an e-mail address, so no health or personal data reaches logs.
 * Errors can carry an address anyway (SES names the recipient it refused): every string is scrubbed of them.
 */
export const logger = new Logger({ serviceName: 'serviceportal', jsonReplacerFn: scrubbingReplacer });
