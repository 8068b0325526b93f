/**
 * Structured logs for CloudWatch (and the local console). Never pass report contents here: only references,
 * service ids and error details, so no health data ends up in logs.
 */
export function logInfo(message: string, fields: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ level: 'INFO', message, ...fields }));
}

export function logError(message: string, error: unknown, fields: Record<string, unknown> = {}): void {
  const detail = error instanceof Error ? { errorName: error.name, errorMessage: error.message, stack: error.stack } : { error: String(error) };
  console.error(JSON.stringify({ level: 'ERROR', message, ...fields, ...detail }));
}
