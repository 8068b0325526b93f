import { describe, expect, it } from 'vitest';
import { reportStatus } from '../../functions/core/report-status.ts';
import { realCatalog, storedReport } from './builders.ts';
import { clockAt, InMemoryReportStore } from './fakes.ts';

const TOKEN = 'status-token-for-tests';

/** Thursday 5 March 2026 at 13:30 in Oslo: written reports are being handled (content/contact.yaml, portal). */
function arrange(changes: Parameters<typeof storedReport>[0] = {}, now = '2026-03-05T12:30:00Z') {
  const store = new InMemoryReportStore();
  const report = storedReport({ priority: 'P3', ...changes });
  store.reports.set(report.reference, report);
  return { deps: { store, catalog: realCatalog(), now: clockAt(now) }, report };
}

describe('reportStatus', () => {
  it('shows where a routed report is, with its priority, and nothing it says', async () => {
    const { deps, report } = arrange({ routing: { status: 'routed', at: '2026-03-05T12:00:05.000Z', to: ['team-kontrollrom@hdo.example'] } });

    const view = await reportStatus('HDO-2026-000001', TOKEN, deps);

    expect(view).toMatchObject({
      reference: 'HDO-2026-000001',
      service: { id: 'iccs', name: 'Kontrollromsløsningen (ICCS)' },
      requestType: { id: 'fault', label: 'Hva gjelder henvendelsen?', name: 'Feil eller driftsforstyrrelse' },
      priority: { level: 'P3', label: 'Foreslått prioritet', title: 'P3 middels', responseLabel: 'Hva skjer nå', expectedResponse: 'Servicedesk tar kontakt innen fire timer i åpningstiden, hverdager kl. 08–16.' },
      status: 'routed',
      receivedAt: '2026-03-05T12:00:00.000Z',
      routedAt: '2026-03-05T12:00:05.000Z',
      teams: ['Team kontrollromsløsning'],
    });
    const shown = JSON.stringify(view);
    for (const secret of [report.summary, report.contact.email, report.contact.phone, 'AMK Innlandet', report.statusTokenHash]) {
      expect(shown).not.toContain(secret);
    }
  });

  it('says, in the evening, from when the promised time is counted', async () => {
    const { deps } = arrange({}, '2026-03-05T19:30:00Z');

    expect((await reportStatus('HDO-2026-000001', TOKEN, deps))?.priority.expectedResponse).toBe(
      'Servicedesk tar kontakt innen fire timer i åpningstiden, hverdager kl. 08–16. Det er utenfor åpningstiden nå, så de fire timene regnes fra kl. 08 neste hverdag.',
    );
  });

  it('shows a report not yet routed as received', async () => {
    const { deps } = arrange();

    expect(await reportStatus('HDO-2026-000001', TOKEN, deps)).toMatchObject({ status: 'received', teams: [] });
  });

  it.each([
    { case: 'a wrong token', reference: 'HDO-2026-000001', token: 'guess' },
    { case: 'no token', reference: 'HDO-2026-000001', token: '' },
    { case: 'an unknown reference', reference: 'HDO-2026-999999', token: TOKEN },
  ])('finds nothing for $case', async ({ reference, token }) => {
    const { deps } = arrange();

    expect(await reportStatus(reference, token, deps)).toBeUndefined();
  });

  it('finds nothing once the report has expired, even with the right token', async () => {
    const { deps } = arrange({ expiresAt: Math.floor(Date.parse('2026-03-05T12:29:59Z') / 1000) });

    expect(await reportStatus('HDO-2026-000001', TOKEN, deps)).toBeUndefined();
  });
});
