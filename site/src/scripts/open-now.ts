import type { Channel } from '../../../functions/core/desk-contact.ts';
import { isOpen, type OpeningHours } from '../../../functions/core/opening-hours.ts';

/**
 * E-mail and the form take messages at any hour; their hours say when messages are read and handled, so «Stengt»
 * would send people away from a channel that is open.
 */
const WORDS: Record<Channel['kind'], { open: string; closed: string }> = {
  phone: { open: 'Åpent nå', closed: 'Stengt nå' },
  radio: { open: 'Åpent nå', closed: 'Stengt nå' },
  email: { open: 'Leses nå', closed: 'Leses i åpningstiden' },
  web: { open: 'Behandles nå', closed: 'Behandles i åpningstiden' },
};

const isKind = (kind: string | undefined): kind is Channel['kind'] => kind !== undefined && Object.hasOwn(WORDS, kind);

/** Marks each channel open or closed by the reader's clock, in Norwegian time, with the same rule the tests check. */
const now = new Date();
for (const element of document.querySelectorAll<HTMLElement>('[data-hours]')) {
  const status = element.querySelector<HTMLElement>('[data-open-status]');
  if (!status) continue;
  // The channel's hours as kontakt.astro wrote them, in the same build as this script.
  const hours: OpeningHours = JSON.parse(element.dataset.hours ?? '{}');
  const open = isOpen(hours, now);
  const kind = element.dataset.kind;
  const words = WORDS[isKind(kind) ? kind : 'phone'];
  status.textContent = open ? words.open : words.closed;
  status.dataset.color = open ? 'success' : 'neutral';
  status.hidden = false;
}
