import type { NoticeSeverity } from '../../../functions/catalog/notice-schema.ts';

export const SEVERITY: Record<NoticeSeverity, { label: string; color: string }> = {
  info: { label: 'Til orientering', color: 'info' },
  minor: { label: 'Liten påvirkning', color: 'warning' },
  major: { label: 'Stor påvirkning', color: 'danger' },
  critical: { label: 'Kritisk', color: 'danger' },
};
