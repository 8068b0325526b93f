import { describe, expect, it } from 'vitest';
import { STATUS_DOCUMENT_FORMAT, statusDocument, statusDocumentSchema } from '../../functions/catalog/status-document.ts';
import { SERVICE_IDS } from '../../functions/core/service-ids.ts';
import { documentOf, FIXTURE, notice, NOW, SERVICE_NAMES, SITE } from './notice-feeds-fixtures.ts';

describe('statusDocument', () => {
  it('is a valid, versioned document with every service of the catalog and its name', () => {
    const status = statusDocument({ document: FIXTURE, siteUrl: SITE, serviceNames: SERVICE_NAMES, now: NOW });

    expect(statusDocumentSchema.parse(JSON.parse(JSON.stringify(status)))).toEqual(status);
    expect(status.format).toBe(STATUS_DOCUMENT_FORMAT);
    expect(status.generatedAt).toBe(NOW.toISOString());
    expect(status.site).toBe(`${SITE}/`);
    expect(Object.keys(status.services)).toEqual([...SERVICE_IDS]);
    for (const id of SERVICE_IDS) expect(status.services[id].name).toBe(SERVICE_NAMES[id]);
  });

  it('sets each service’s state from its worst ongoing notice, and ok when none is going on', () => {
    const status = statusDocument({ document: FIXTURE, siteUrl: SITE, serviceNames: SERVICE_NAMES, now: NOW });

    expect(status.services.iccs.state).toBe('outage');
    expect(status.services.telephony.state).toBe('outage');
    expect(status.services.statistics.state).toBe('information');
    // planned work ahead and planned work done leave the state alone
    expect(status.services['audio-log'].state).toBe('ok');
    expect(status.services.video.state).toBe('ok');
    expect(status.services.radio.state).toBe('ok');
  });

  it('lists the ongoing and upcoming notices with absolute links, and none that is over', () => {
    const status = statusDocument({ document: FIXTURE, siteUrl: SITE, serviceNames: SERVICE_NAMES, now: NOW });

    expect(status.services.iccs.ongoing).toEqual([
      {
        id: 'utfall-iccs-oslo',
        title: 'Utfall i kontrollromsløsningen: «Oslo» & Akershus <AMK>',
        severity: 'outage',
        url: `${SITE}/driftsmeldinger/utfall-iccs-oslo/`,
        start: '2026-11-24T07:00:00.000Z',
        expectedEnd: '2026-11-26T15:00:00.000Z',
      },
    ]);
    expect(status.services['audio-log']).toMatchObject({
      ongoing: [],
      upcoming: [{ id: 'vedlikehold-lydlogg', severity: 'planned', url: `${SITE}/driftsmeldinger/vedlikehold-lydlogg/`, start: '2026-12-08T21:00:00.000Z' }],
    });
    expect(status.services.statistics.ongoing[0]).not.toHaveProperty('expectedEnd');
    expect(JSON.stringify(status)).not.toContain('forstyrrelse-over');
  });

  it('orders ongoing notices worst first and upcoming ones soonest first', () => {
    const document = documentOf([
      notice({ id: 'planlagt-na', severity: 'planned', start: '2026-11-25T10:00:00.000Z', expectedEnd: '2026-11-25T14:00:00.000Z' }),
      notice({ id: 'forstyrrelse', severity: 'disruption', start: '2026-11-25T11:00:00.000Z' }),
      notice({ id: 'info', severity: 'information', start: '2026-11-20T11:00:00.000Z' }),
      notice({ id: 'senere', severity: 'planned', start: '2026-12-20T10:00:00.000Z', expectedEnd: '2026-12-20T12:00:00.000Z' }),
      notice({ id: 'snart', severity: 'planned', start: '2026-11-30T10:00:00.000Z', expectedEnd: '2026-11-30T12:00:00.000Z' }),
    ]);

    const radio = statusDocument({ document, siteUrl: SITE, serviceNames: SERVICE_NAMES, now: NOW }).services.radio;

    expect(radio.state).toBe('disruption');
    expect(radio.ongoing.map((entry) => entry.id)).toEqual(['forstyrrelse', 'planlagt-na', 'info']);
    expect(radio.upcoming.map((entry) => entry.id)).toEqual(['snart', 'senere']);
  });

  it('is ongoing planned work when nothing worse goes on', () => {
    const document = documentOf([
      notice({ id: 'planlagt-na', severity: 'planned', start: '2026-11-25T10:00:00.000Z', expectedEnd: '2026-11-25T14:00:00.000Z' }),
    ]);

    expect(statusDocument({ document, siteUrl: SITE, serviceNames: SERVICE_NAMES, now: NOW }).services.radio.state).toBe('planned');
  });

  it('refuses a catalog that lacks a service', () => {
    const { other: _left, ...names } = SERVICE_NAMES;

    expect(() => statusDocument({ document: FIXTURE, siteUrl: SITE, serviceNames: names as typeof SERVICE_NAMES, now: NOW })).toThrow();
  });
});
