import { describe, expect, it } from 'vitest';
import { formatOsloTime } from '../../functions/core/oslo-time.ts';
import { mayAskForEscalation } from '../../functions/core/escalation-request.ts';
import { SLOTS } from '../../functions/core/page-paths.ts';
import { handlingHours } from '../../functions/core/priority.ts';
import { withEvent, type ReportEvent } from '../../functions/core/report-life.ts';
import { reportStatus, type ReportStatusView } from '../../functions/core/report-status.ts';
import { receiptPage, type ReceiptEscalation } from '../../functions/http/form-pages.ts';
import { realCatalog, storedReport } from './builders.ts';
import { clockAt, InMemoryReportStore } from './fakes.ts';

/**
 * «Be om eskalering» on the receipt without JavaScript (functions/http/form-pages.ts): the button's form once it is
 * possible, from when before, when it was asked after, and nothing once the case is over. The builders' report is
 * a P3 received Thursday 5 March 2026 at 13:00 Norwegian time, so it may be escalated from Friday at 09:00.
 */

const catalog = realCatalog();
const EXPLANATION = catalog.priority.escalation?.explanation ?? '';
const RECEIPT = `<h1>mottatt</h1>${SLOTS.timeline}${SLOTS.escalation}`;

async function receiptAt(now: string, events: ReportEvent[] = []): Promise<{ body: string; view: ReportStatusView }> {
  const store = new InMemoryReportStore();
  const report = storedReport({ priority: 'P3' });
  store.reports.set(report.reference, { ...report, life: events.reduce(withEvent, report.life) });
  const view = await reportStatus(report.reference, 'status-token-for-tests', { store, catalog, now: clockAt(now) });
  if (!view) throw new Error('the report should be found');
  const check = mayAskForEscalation(
    { priority: view.priority.level, receivedAt: view.receivedAt, life: view.life },
    catalog.priority,
    handlingHours(catalog.contact.channels, catalog.priority),
    new Date(now),
  );
  const escalation: ReceiptEscalation = { check, explanation: EXPLANATION };
  return { body: receiptPage({ receipt: RECEIPT }, view, escalation).body ?? '', view };
}

describe('receiptPage: «Be om eskalering»', () => {
  it('before the time: from when, and no button', async () => {
    const { body } = await receiptAt('2026-03-05T14:00:00Z');

    expect(body).toContain(`kan du be om eskalering fra ${formatOsloTime('2026-03-06T08:00:00.000Z')}. ${EXPLANATION}</p>`);
    expect(body).not.toContain('<form');
  });

  it('after the time: what happens, and a button that posts to the receipt’s own address (where its cookie goes)', async () => {
    const { body } = await receiptAt('2026-03-06T08:00:00Z');

    expect(body).toContain('<section class="escalation" aria-labelledby="receipt-escalation-heading">\n<h2 id="receipt-escalation-heading">Eskalering</h2>');
    expect(body).toContain(EXPLANATION);
    expect(body).toContain(
      '<form method="post" action="/api/reports/HDO-2026-000001/kvittering/eskalering"><button class="ds-button" type="submit">Be om eskalering</button></form>',
    );
  });

  it('once asked: «Du ba om eskalering» with the time, and no button', async () => {
    const asked: ReportEvent = {
      id: 'escalation:HDO-2026-000001',
      kind: 'escalationRequested',
      state: 'received',
      at: '2026-03-06T09:30:00.000Z',
      actor: 'reporter',
    };
    const { body } = await receiptAt('2026-03-06T10:00:00Z', [asked]);

    expect(body).toContain(`<p>Du ba om eskalering ${formatOsloTime('2026-03-06T09:30:00.000Z')}. ${EXPLANATION}</p>`);
    expect(body).not.toContain('<form');
  });

  it('a solved case: nothing, and no placeholder left', async () => {
    const solved: ReportEvent = { id: 'topdesk:evt-9', kind: 'state', state: 'solved', at: '2026-03-06T07:00:00.000Z', actor: 'caseSystem' };
    const { body } = await receiptAt('2026-03-06T10:00:00Z', [solved]);

    expect(body).not.toContain('Eskalering');
    expect(body).not.toContain(SLOTS.escalation);
  });

  it('without escalation (an older caller): the placeholder is emptied', async () => {
    const { view } = await receiptAt('2026-03-06T10:00:00Z');

    expect(receiptPage({ receipt: RECEIPT }, view).body).not.toContain(SLOTS.escalation);
  });
});
