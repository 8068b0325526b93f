import { describe, expect, it } from 'vitest';
import { renderReceiptEmail } from '../../functions/core/receipt-email.ts';
import { realCatalog, storedReport, validSubmission } from './builders.ts';

const { services, teams, contact } = realCatalog();
const STATUS_URL = 'https://portal.example.no/meld-feil/status/?referanse=HDO-2026-000001&token=abc';

describe("renderReceiptEmail: the reporter's receipt", () => {
  const report = storedReport();
  const email = renderReceiptEmail(report, services.iccs, { replyTo: teams.servicedesk!, contact, statusUrl: STATUS_URL });

  it('goes to the reporter, with replies (and attachments) going to the service desk', () => {
    expect(email).toMatchObject({ to: 'kari.nordmann@amk.example', replyTo: 'servicedesk@hdo.example', subject: 'Mottatt: HDO-2026-000001 (P3 Middels)' });
    expect(email.text).toContain('Svar på denne e-posten');
  });

  it('gives reference, service, priority with its meaning and expected response, and the status link', () => {
    for (const part of ['HDO-2026-000001', 'Kontrollromsløsningen (ICCS)', 'P3 Middels', 'innen fire timer', STATUS_URL]) {
      expect(email.text).toContain(part);
    }
  });

  it('lists the phone ladder for urgent cases, 08915 first and e-mail last', () => {
    expect(email.text).toMatch(/1\. Alltid først\. Servicedesk, hovednummer: 08915[\s\S]*61 18 28 00[\s\S]*907 87 035[\s\S]*HDO-04[\s\S]*6\. .*drift@hdo\.no/);
  });

  it('repeats nothing the reporter wrote: no summary, description or answers', () => {
    // Answers as short as "3" (an operator position) occur in any text; the longer ones prove the point.
    const written = [report.summary, ...report.description.split('\n'), ...Object.values(report.answers).filter((answer) => answer.length > 3), 'Hele løsningen på plassen', 'Av og til'];
    expect(written).toContain('AMK Innlandet');
    for (const text of written) {
      expect(email.text).not.toContain(text);
      expect(email.html).not.toContain(text);
    }
  });

  it('says P1 reporters must phone now', () => {
    const critical = storedReport({ priority: 'P1' }, validSubmission('iccs-valid', { impact: { affected: 'many', workaround: 'no', emergencyResponse: 'yes' } }));

    expect(renderReceiptEmail(critical, services.iccs, { replyTo: teams.servicedesk!, contact }).text).toContain('Ring 08915 nå');
  });
});
