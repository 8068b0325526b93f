import { describe, expect, it } from 'vitest';
import { deskContactSchema } from '../../functions/catalog/contact-schema.ts';
import { openChannels } from '../../functions/catalog/open-channels.ts';
import { isOpen, osloClock } from '../../functions/core/opening-hours.ts';
import { checkContent } from '../../functions/catalog/check-content.ts';
import { CONTENT_DIR } from '../support/content-copy.ts';

const office = {
  description: 'Hverdager 08–16',
  periods: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '16:00' }],
  exceptions: [{ date: '2026-12-24', note: 'Julaften', periods: [{ from: '09:00', to: '12:00' }] }],
};

const contact = deskContactSchema.parse({
  channels: [
    { id: 'main-phone', name: 'Hovednummer', kind: 'phone', value: '08915', use: 'Alt som haster.', hours: { alwaysOpen: true, description: 'Døgnåpent.' } },
    { id: 'office', name: 'Kundemottak', kind: 'email', value: 'kundemottak@hdo.no', use: 'Bestillinger.', hours: office },
  ],
  ladder: [{ channel: 'main-phone', when: 'Alltid først', action: 'ring {value}' }],
});

describe('openChannels: which channels are staffed, in Norwegian time', () => {
  it.each([
    ['a Monday morning in winter (UTC+1)', '2026-11-23T07:30:00Z', ['main-phone', 'office']],
    ['a Monday at 07:59 Oslo time', '2026-11-23T06:59:00Z', ['main-phone']],
    ['a Monday at 16:00 Oslo time, closing time', '2026-11-23T15:00:00Z', ['main-phone']],
    ['a Monday at 15:59 Oslo time', '2026-11-23T14:59:00Z', ['main-phone', 'office']],
    ['a Friday at 08:30 in summer (UTC+2)', '2026-06-19T06:30:00Z', ['main-phone', 'office']],
    ['a Friday at 07:30 in summer, 05:30 UTC', '2026-06-19T05:30:00Z', ['main-phone']],
    ['a Saturday at noon', '2026-11-28T11:00:00Z', ['main-phone']],
    ['Christmas Eve (a Thursday) at 10:00, shorter hours', '2026-12-24T09:00:00Z', ['main-phone', 'office']],
    ['Christmas Eve at 13:00, already closed', '2026-12-24T12:00:00Z', ['main-phone']],
    ['Sunday night at 03:00', '2026-11-22T02:00:00Z', ['main-phone']],
  ])('%s', (_when, instant, expected) => {
    const open = openChannels({ ...contact, otherDesks: [] }, new Date(instant));

    expect(open.map((channel) => channel.id)).toEqual(expected);
  });

  it('reads the clock in Oslo whatever time zone the machine is in', () => {
    const clock = osloClock(new Date('2026-03-29T01:30:00Z'));

    expect(clock).toEqual({ date: '2026-03-29', weekday: 'sun', time: '03:30' });
  });

  it('keeps 08915 open at every hour of a week in the real contact data', () => {
    const real = checkContent(CONTENT_DIR).contact;
    const main = real?.channels.find((channel) => channel.value === '08915');
    const hours = Array.from({ length: 7 * 24 }, (_, hour) => new Date(Date.UTC(2026, 10, 23, hour, 17)));

    expect(main && hours.every((instant) => isOpen(main.hours, instant))).toBe(true);
  });
});
