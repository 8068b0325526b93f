import type { OpeningHours } from './opening-hours.ts';

/**
 * How to reach the Servicedesk (content/contact.yaml), as the core reads it for the receipt and the fallback
 * ladder. The catalog's schema (catalog/contact-schema.ts) validates the file and must give exactly this shape.
 * Not the reporter's details, which are report-submission.ts `ReporterContact`.
 */

export const CHANNEL_KINDS = ['phone', 'email', 'radio', 'web'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface Channel {
  /** The key the ladder names the channel by. */
  id: string;
  name: string;
  kind: ChannelKind;
  /** The number, address or talk group as the reporter reads it. */
  value: string;
  use: string;
  hours: OpeningHours;
}

/** A step of the fallback ladder: «<when>: <action>.», `{value}` in `action` standing for the channel's value. */
export interface LadderRung {
  channel: string;
  when: string;
  action: string;
}

export interface DeskContact {
  channels: Channel[];
  /** What to do when the step before does not work, in order; the first is a phone. */
  ladder: LadderRung[];
  otherDesks: Channel[];
}
