import type { OpeningHours } from '../../../functions/catalog/contact-schema.ts';
import { isOpen } from '../../../functions/catalog/open-channels.ts';

/** Marks each channel open or closed by the reader's clock, in Norwegian time, with the same rule the tests check. */
const now = new Date();
for (const element of document.querySelectorAll<HTMLElement>('[data-hours]')) {
  const status = element.querySelector<HTMLElement>('[data-open-status]');
  if (!status) continue;
  const open = isOpen(JSON.parse(element.dataset.hours ?? '{}') as OpeningHours, now);
  status.textContent = open ? 'Åpent nå' : 'Stengt nå';
  status.dataset.color = open ? 'success' : 'neutral';
  status.hidden = false;
}
