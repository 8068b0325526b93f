import { isOpen } from '../core/opening-hours.ts';
import type { Channel, DeskContact } from '../core/desk-contact.ts';

/** The channels, of the desk and of the other desks, that are staffed at `now` (Norwegian time). */
export function openChannels(contact: Pick<DeskContact, 'channels' | 'otherDesks'>, now: Date): Channel[] {
  return [...contact.channels, ...contact.otherDesks].filter((channel) => isOpen(channel.hours, now));
}
