import { describe, expect, it } from 'vitest';
import { journeyOfReport } from '../../functions/core/build-journey.ts';
import { renderReceiptEmail } from '../../functions/core/receipt-email.ts';
import type { StoredReport } from '../../functions/core/stored-report.ts';
import type { Team } from '../../functions/core/catalog-shape.ts';
import { realCatalog, storedReport } from './builders.ts';

const catalog = realCatalog();
const { services, teams, contact } = catalog;
const STATUS_URL = 'https://portal.example.no/meld-feil/status/#referanse=HDO-2026-000001&token=abc';

const desk = teams.servicedesk!;
const receiptFor = (report: StoredReport, handledNow = true, statusUrl: string | undefined = STATUS_URL, deskTeam: Team = desk) =>
  renderReceiptEmail(report, {
    service: services.iccs,
    journey: journeyOfReport(catalog, report.serviceId),
    policy: catalog.priority,
    handledNow,
    desk: deskTeam,
    contact,
    ...(statusUrl ? { statusUrl } : {}),
  });

describe("renderReceiptEmail: the reporter's receipt", () => {
  const report = storedReport({ priority: 'P3' });
  const email = receiptFor(report);

  it('goes to the reporter, with replies going to the service desk', () => {
    expect(email).toMatchObject({ to: 'kari.nordmann@amk.example', replyTo: 'servicedesk@hdo.example', subject: 'Mottatt: HDO-2026-000001 (P3 middels)' });
  });

  it('says the service desk has the report and passes it on to the responsible team when needed', () => {
    expect(email.text).toContain(
      'Servicedesk har fått meldingen og følger den opp. Trengs det, sender Servicedesk den videre til teamet som har ansvaret for tjenesten.',
    );
  });

  it("asks for replies with attachments when the desk's address takes them (takesAttachments in content/teams.yaml)", () => {
    const withAttachments = receiptFor(report, true, STATUS_URL, { ...desk, takesAttachments: true });

    expect(withAttachments.text).toContain('Vil du sende skjermbilder, logger eller andre vedlegg? Svar på denne e-posten og behold referansen i emnefeltet.');
  });

  it.each([
    ['says it does not', { takesAttachments: false }],
    ['says nothing', {}],
  ])("asks for no attachments when the desk's team %s", (_case, flag) => {
    const { takesAttachments: _taken, ...plain } = desk;

    const without = receiptFor(report, true, STATUS_URL, { ...plain, ...flag });

    expect(without.text).not.toMatch(/vedlegg|Svar på denne e-posten/);
    expect(without.html).not.toMatch(/vedlegg|Svar på denne e-posten/);
  });

  it('gives reference, service, the suggested priority with its meaning and expected response, and the status link', () => {
    for (const part of ['HDO-2026-000001', 'Kontrollromsløsningen (ICCS)', 'Foreslått prioritet:\n  P3 middels', 'innen fire timer', STATUS_URL]) {
      expect(email.text).toContain(part);
    }
  });

  it('says the desk settles the priority together with the reporter', () => {
    expect(email.text).toContain('Servicedesk avgjør prioriteten i samråd med deg.');
  });

  it('adds, outside the hours written reports are handled, when the promised time starts', () => {
    expect(receiptFor(report, true).text).not.toContain('utenfor åpningstiden');
    expect(receiptFor(report, false).text).toContain('Det er utenfor åpningstiden nå, så de fire timene regnes fra kl. 08 neste hverdag.');
  });

  it('lists the phone ladder for urgent cases as sentences, 08915 first and e-mail last', () => {
    expect(email.text).toMatch(/1\. Alltid først: ring 08915\.\n2\. [^\n]*61 18 28 00[\s\S]*907 87 035[\s\S]*HDO-04[\s\S]*6\. [^\n]*drift@hdo\.no\./);
  });

  it('makes every number a link to call, the address a link to write to and the status page a link to open', () => {
    expect(email.html).toContain('<li>Alltid først: ring <a href="tel:08915">08915</a>.</li>');
    expect(email.html).toContain('<a href="tel:61182800">61 18 28 00</a>');
    expect(email.html).toContain('<a href="mailto:drift@hdo.no">drift@hdo.no</a>');
    expect(email.html).toContain(`<a href="${STATUS_URL.replaceAll('&', '&amp;')}">`);
  });

  it('repeats nothing the reporter wrote: no summary, description or answers', () => {
    // Answers as short as "3" (an operator position) occur in any text; the longer ones prove the point.
    const written = [
      report.summary,
      ...report.description.split('\n'),
      ...Object.values(report.answers).filter((answer) => answer.length > 3),
      'Hele løsningen på plassen',
      'Av og til',
    ];
    expect(written).toContain('AMK Innlandet');
    for (const text of written) {
      expect(email.text).not.toContain(text);
      expect(email.html).not.toContain(text);
    }
  });

  it.each(['P1', 'P2'] as const)('tells %s reporters to phone now, at any hour', (priority) => {
    expect(receiptFor(storedReport({ priority }), false).text).toContain('Ring Servicedesk nå. Telefonen er betjent hele døgnet');
  });
});
