import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPOSITORY_ROOT } from '../repository.ts';
import { HANDLERS, type HandlerName } from '../wiring.ts';
import { lambdaContext } from './lambda-context.ts';

/**
 * Imports a handler module as Lambda would on a cold start. The query string gives each stack its own module
 * instance, so a restarted stack reads its configuration afresh.
 */
export async function loadHandler<T>(name: HandlerName, instance: number): Promise<T> {
  const url = `${pathToFileURL(join(REPOSITORY_ROOT, HANDLERS[name].entry)).href}?cold-start=${instance}`;
  const module = (await import(url)) as { handler: T };
  const handler = module.handler;
  if (typeof handler !== 'function') throw new Error(`${HANDLERS[name].entry} eksporterer ingen handler.`);
  return ((event: unknown) => (handler as (event: unknown, context: unknown) => unknown)(event, lambdaContext(name))) as T;
}
