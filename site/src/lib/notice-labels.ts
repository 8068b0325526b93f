import type { NoticeSeverity } from '../../../functions/catalog/notice-schema.ts';

/** Danger only for what is dangerous now (a critical outage); the rest are warnings or information. */
export const SEVERITY: Record<NoticeSeverity, { label: string; color: string }> = {
  info: { label: 'Til orientering', color: 'info' },
  minor: { label: 'Liten påvirkning', color: 'warning' },
  major: { label: 'Stor påvirkning', color: 'warning' },
  critical: { label: 'Kritisk', color: 'danger' },
};
