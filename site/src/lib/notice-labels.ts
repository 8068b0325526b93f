import type { NoticeSeverity } from '../../../functions/catalog/notice-schema.ts';

/** Danger only for an outage: something that does not work now. Planned work and information are blue, a disruption yellow. */
export const SEVERITY: Record<NoticeSeverity, { label: string; color: 'info' | 'warning' | 'danger' | 'neutral' }> = {
  planned: { label: 'Planlagt arbeid', color: 'info' },
  disruption: { label: 'Forstyrrelse', color: 'warning' },
  outage: { label: 'Utfall', color: 'danger' },
  information: { label: 'Informasjon', color: 'neutral' },
};
