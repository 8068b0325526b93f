import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured JSON logs (CloudWatch locally too). Pass only references, service ids, priorities and error
 * details: never a request body, an answer or an e-mail address, so no health or personal data reaches logs.
 */
export const logger = new Logger({ serviceName: 'serviceportal' });
