import { describe, expect, it } from 'vitest';
import { journeyOfReport } from '../../functions/core/build-journey.ts';
import type { StoredReport } from '../../functions/core/stored-report.ts';
import { renderTeamEmail, TEAM_EMAIL_VERSION } from '../../functions/core/team-email.ts';
import type { Team } from '../../functions/core/catalog-shape.ts';
import { realCatalog, storedReport, validSubmission } from './builders.ts';
import { fakeDeskLinks } from './fakes.ts';

const catalog = realCatalog();
const { services, teams } = catalog;
const desk = teams.servicedesk!;
const kontrollrom = teams.kontrollrom!;

/** The e-mail about an ICCS `report` to the desk's queue, which escalates ICCS to Team kontrollromsløsning (`null`: to no team). */
const emailAbout = (report: StoredReport, to: { team: Team; role: 'owner' | 'copy' } = { team: desk, role: 'owner' }, escalatesTo: Team | null = kontrollrom) =>
  renderTeamEmail(report, {
    service: services.iccs,
    journey: journeyOfReport(catalog, report.serviceId),
    ...to,
    desk,
    escalatesTo: escalatesTo ?? undefined,
    policy: catalog.priority,
  });

describe('renderTeamEmail: the envelope', () => {
  const email = emailAbout(storedReport({ priority: 'P3' }));

  it("goes to the desk's queue, with replies going to the reporter", () => {
    expect(email.to).toBe('servicedesk@hdo.example');
    expect(email.replyTo).toBe('kari.nordmann@amk.example');
  });

  it('has the subject [priority][service category] reference summary', () => {
    expect(email.subject).toBe('[P3][ICCS] HDO-2026-000001 Operatørplass 3 mister radio');
  });

  it.each([
    ['P1', '[P1 KRITISK][ICCS]'],
    ['P2', '[P2 HØY][ICCS]'],
  ] as const)('marks %s, which must be phoned in, in capitals at the start of the subject', (priority, start) => {
    expect(emailAbout(storedReport({ priority })).subject).toBe(`${start} HDO-2026-000001 Operatørplass 3 mister radio`);
  });

  it('says in the subject and the text when the reporter has already phoned the desk', () => {
    const called = emailAbout(storedReport({ priority: 'P1', urgent: 'yes', calledDesk: true, impact: undefined }));

    expect(called.subject).toBe('[P1 KRITISK][ICCS][har ringt] HDO-2026-000001 Operatørplass 3 mister radio');
    expect(called.text).toContain('Har ringt Servicedesk:\n  Ja\n');
    expect(email.text).toContain('Har ringt Servicedesk:\n  Nei\n');
  });

  it(`carries the layout version ${TEAM_EMAIL_VERSION} in a header and its tags, not in the text people read`, () => {
    expect(TEAM_EMAIL_VERSION).toBe('serviceportal.email.v4');
    expect(email.headers).toEqual({ 'X-Serviceportal-Format': 'serviceportal.email.v4' });
    expect(email.tags).toEqual({ 'schema-version': 'serviceportal-email-v4', kind: 'team', priority: 'P3' });
    expect(email.text).not.toContain('serviceportal.email');
    expect(email.html).not.toContain('serviceportal.email');
  });
});

describe('renderTeamEmail: the desk owns it, the product team is named', () => {
  it("names the service category and the product team it escalates to in the desk's e-mail", () => {
    const email = emailAbout(storedReport({ priority: 'P3' }));

    expect(email.text).toContain('Tjeneste:\n  Kontrollromsløsningen (ICCS)\n\nEskaleres til:\n  Team kontrollromsløsning\n');
    expect(email.html).toContain(
      '<tr><th scope="row" style="text-align:left;vertical-align:top">Eskaleres til</th><td style="white-space:pre-wrap">Team kontrollromsløsning</td></tr>',
    );
  });

  it('says the desk keeps a category it escalates to itself', () => {
    const email = emailAbout(storedReport({ priority: 'P3' }), { team: desk, role: 'owner' }, desk);

    expect(email.text).toContain('Eskaleres til:\n  Ingen: Servicedesk behandler den selv\n');
  });

  it('names no product team for a service that no longer exists', () => {
    const email = emailAbout(storedReport({ priority: 'P3' }), { team: desk, role: 'owner' }, null);

    expect(email.text).not.toContain('Eskaleres til');
  });

  describe("a product team's copy", () => {
    const copy = emailAbout(storedReport({ priority: 'P1', urgent: 'yes', calledDesk: true, impact: undefined }), { team: kontrollrom, role: 'copy' });

    it('goes to the team, with replies going to the reporter', () => {
      expect(copy.to).toBe('team-kontrollrom@hdo.example');
      expect(copy.replyTo).toBe('kari.nordmann@amk.example');
    });

    it('says it is a copy in the subject, after the P1/P2 marking and «[har ringt]»', () => {
      expect(copy.subject).toBe('[P1 KRITISK][ICCS][har ringt][kopi] HDO-2026-000001 Operatørplass 3 mister radio');
    });

    it('says at the top and at the bottom that it is a copy and that the desk has the report', () => {
      expect(
        copy.text.startsWith(
          'Kopi til Team kontrollromsløsning: HDO-2026-000001\n\nKopi:\n  Dette er en kopi til orientering. Servicedesk har meldingen og følger den opp.\n',
        ),
      ).toBe(true);
      expect(copy.text.endsWith('Sendt fra Serviceportalen til Team kontrollromsløsning som kopi. Svar på denne e-posten for å svare den som meldte.')).toBe(
        true,
      );
      expect(copy.text).toContain('Har ringt Servicedesk:\n  Ja\n');
    });
  });
});

describe('renderTeamEmail: the text part', () => {
  it('lists every answer under the label the reporter saw, by section, in the order of the form', () => {
    const email = emailAbout(storedReport());

    expect(email.text).toBe(
      [
        'Ny melding til Servicedesk: HDO-2026-000001',
        '',
        'Referanse:\n  HDO-2026-000001\n',
        'Foreslått prioritet:\n  P2 høy: Flere operatørplasser eller et helt kontrollrom står uten en god midlertidig løsning, eller flere kontrollrom er rammet.\n',
        'Tjeneste:\n  Kontrollromsløsningen (ICCS)\n',
        'Eskaleres til:\n  Team kontrollromsløsning\n',
        'Mottatt:\n  5. mars 2026 kl. 13:00\n',
        'SAKEN',
        '',
        'Er pasientsikkerheten eller nødmeldetjenesten berørt nå?:\n  Nei\n',
        'Hva gjelder henvendelsen?:\n  Feil eller driftsforstyrrelse\n',
        'Kort overskrift:\n  Operatørplass 3 mister radio\n',
        'Hva skjer, og hva forventet du skulle skje?:\n  Radiopanelet på plass 3 blir grått etter noen minutter.\n  Vi forventet at det virket som på de andre plassene.\n',
        'Har ringt Servicedesk:\n  Nei\n',
        'TJENESTEN',
        '',
        'Hvilket kontrollrom gjelder det?:\n  AMK Innlandet\n',
        'Hvilken operatørplass gjelder det?:\n  3\n',
        'Hva er det som ikke virker?:\n  Hele løsningen på plassen\n',
        'HVOR ALVORLIG',
        '',
        'Er feilen der nå?:\n  Av og til\n',
        'Hvor mange er rammet?:\n  Flere brukere eller operatørplasser\n',
        'Kan dere jobbe rundt feilen i mellomtiden?:\n  Nei\n',
        'KONTAKTOPPLYSNINGER',
        '',
        'Navn:\n  Kari Nordmann\n',
        'Virksomhet:\n  Sykehuset Innlandet\n',
        'Telefon:\n  +47 912 34 567\n',
        'E-post:\n  kari.nordmann@amk.example\n',
        '-- ',
        'Sendt fra Serviceportalen til Servicedesk. Svar på denne e-posten for å svare den som meldte.',
      ].join('\n'),
    );
  });

  it('still lists answers the form no longer asks for, under their stored names, so nothing the reporter sent is lost', () => {
    const report = storedReport({
      requestType: 'question',
      impact: undefined,
      answers: { controlRoom: 'AMK Innlandet', operatorPosition: '3', affectedFunction: 'radio', faultState: 'ongoing', oldQuestion: 'Svar fra før' },
    });

    const email = emailAbout(report);

    expect(email.text).toContain('ANDRE SVAR I MELDINGEN\n\nfaultState:\n  ongoing\n\noldQuestion:\n  Svar fra før\n');
  });

  it('shows the label of a chosen option, never its stored value', () => {
    const email = emailAbout(storedReport());

    expect(email.text).not.toMatch(/wholeSolution|intermittent/);
    expect(email.html).not.toMatch(/wholeSolution|intermittent/);
  });

  it.each([
    ['winter (UTC+1)', '2026-01-15T23:30:00Z', '16. januar 2026 kl. 00:30'],
    ['summer (UTC+2)', '2026-07-01T10:05:00Z', '1. juli 2026 kl. 12:05'],
  ])('shows when it was received in Oslo time, %s', (_season, receivedAt, shown) => {
    const email = emailAbout(storedReport({ receivedAt }));

    expect(email.text).toContain(`Mottatt:\n  ${shown}\n`);
  });

  it('leaves out optional questions the reporter did not answer', () => {
    const radio = validSubmission('radio-valid');
    const { talkGroup: _skipped, ...answersWithoutTalkGroup } = radio.answers;
    const report = storedReport({}, { ...radio, answers: answersWithoutTalkGroup });

    const email = renderTeamEmail(report, {
      service: services.radio,
      journey: journeyOfReport(catalog, 'radio'),
      team: desk,
      role: 'owner',
      desk,
      escalatesTo: teams.nodnett,
      policy: catalog.priority,
    });

    expect(email.text).toContain('Hva er ISSI-nummeret til terminalen?:\n  1234567\n');
    expect(email.text).not.toContain('Hvilken talegruppe gjelder det?');
    expect(email.html).not.toContain('Hvilken talegruppe gjelder det?');
  });
});

describe('renderTeamEmail: the HTML part', () => {
  it('links the reporter’s number and address, so the desk calls back or writes with one tap', () => {
    const html = emailAbout(storedReport()).html;

    expect(html).toContain('<td style="white-space:pre-wrap"><a href="tel:+4791234567">+47 912 34 567</a></td>');
    expect(html).toContain('<td style="white-space:pre-wrap"><a href="mailto:kari.nordmann@amk.example">kari.nordmann@amk.example</a></td>');
  });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('renderTeamEmail: the HTML part treats everything the reporter typed as text', () => {
  const hostile = (field: string) => `<script>alert("${field}")</script> O'Brien & co`;
  const escaped = (field: string) => `&lt;script&gt;alert(&quot;${field}&quot;)&lt;/script&gt; O&#39;Brien &amp; co`;
  const report = storedReport({
    summary: hostile('summary'),
    description: hostile('description'),
    answers: { controlRoom: hostile('controlRoom'), operatorPosition: hostile('operatorPosition'), affectedFunction: 'radio', faultState: 'ongoing' },
    contact: { name: hostile('name'), organisation: hostile('organisation'), phone: hostile('phone'), email: hostile('email') },
  });
  const email = emailAbout(report);

  it.each(['summary', 'description', 'controlRoom', 'operatorPosition', 'name', 'organisation', 'phone', 'email'])('escapes %s', (field) => {
    // Phone and e-mail stand in a link (see below); the text of the link is escaped all the same.
    expect(email.html).toMatch(new RegExp(`<td style="white-space:pre-wrap">(<a href="[^"<>]*">)?${escapeRegExp(escaped(field))}(</a>)?</td>`));
  });

  it('titles the page with the team and reference only, leaving user text to the escaped table', () => {
    expect(email.html).toContain('<title>Ny melding til Servicedesk: HDO-2026-000001</title>');
  });

  it('contains no markup but its own', () => {
    expect(email.html).not.toMatch(/<script|O'Brien|alert\("/);
  });

  it('keeps the text part and the subject as the reporter wrote them', () => {
    expect(email.text).toContain(`Kort overskrift:\n  ${hostile('summary')}\n`);
    expect(email.subject).toBe(`[P2 HØY][ICCS] HDO-2026-000001 ${hostile('summary')}`);
  });
});

describe('renderTeamEmail: the desk moves the report from its e-mail', () => {
  const report = storedReport();
  const journey = journeyOfReport(catalog, report.serviceId);
  const actions = fakeDeskLinks(report.reference, [{ key: 'kontrollrom', name: kontrollrom.name }]);
  const render = (role: 'owner' | 'copy', team: Team) =>
    renderTeamEmail(report, {
      service: services.iccs,
      journey,
      team,
      role,
      desk,
      escalatesTo: kontrollrom,
      policy: catalog.priority,
      ...(role === 'owner' ? { actions } : {}),
    });

  it('lists its signed links, each with what it does, after the summary and before the answers', () => {
    const email = render('owner', desk);

    const links = actions.map((action) => `${action.label}:\n  ${action.url}`);
    for (const link of links) expect(email.text).toContain(link);
    expect(email.text).toContain(`Eskaler til ${kontrollrom.name}:`);
    expect(email.text.indexOf('FLYTT SAKEN (ÅPNER EN SIDE DER DU BEKREFTER)')).toBeGreaterThan(email.text.indexOf('Referanse'));
    expect(email.text.indexOf(links[3]!)).toBeLessThan(email.text.indexOf(`\n${journey.sections[0]!.title.toUpperCase()}\n`));
    expect(email.html).toContain(`href="${actions[0]!.url}"`);
  });

  it("gives a product team's copy no links: only the desk moves the report", () => {
    const email = render('copy', kontrollrom);

    expect(email.text).not.toContain('Flytt saken');
    expect(email.text).not.toContain('/handling?');
  });
});

describe('renderTeamEmail: the action links in the HTML part', () => {
  it('show short words, not the long signed address, so the table keeps to a phone’s width', () => {
    const report = storedReport();
    const actions = fakeDeskLinks(report.reference, []);

    const email = renderTeamEmail(report, {
      service: services.iccs,
      journey: journeyOfReport(catalog, report.serviceId),
      team: desk,
      role: 'owner',
      desk,
      escalatesTo: kontrollrom,
      policy: catalog.priority,
      actions,
    });

    expect(email.html).toContain(`<a href="${actions[0]!.url}">Åpne og bekreft</a>`);
    expect(email.html).not.toContain(`>${actions[0]!.url}<`);
  });
});
