import { journeyFor } from '../core/build-journey.ts';
import type { Journey } from '../core/journey.ts';
import { SERVICE_IDS, type ServiceId } from '../core/service-ids.ts';
import type { Catalog } from './catalog.ts';

/** Every service's journey, built once from a checked catalog (the handlers do this at cold start). */
export function journeysOf(catalog: Pick<Catalog, 'form' | 'services'>): Record<ServiceId, Journey> {
  return Object.fromEntries(SERVICE_IDS.map((id) => [id, journeyFor(catalog.form, catalog.services[id])])) as Record<ServiceId, Journey>;
}

/** The journey of a report's service, or of the fixed questions alone for a service that no longer exists. */
export function journeyOfReport(catalog: Pick<Catalog, 'form' | 'services'>, serviceId: string): Journey {
  const service = (catalog.services as Partial<Record<string, Catalog['services'][ServiceId]>>)[serviceId];
  return journeyFor(catalog.form, service ?? { id: serviceId, name: serviceId, requestTypes: [], pages: [] });
}
