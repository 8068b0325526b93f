import { describe, expect, it, vi } from 'vitest';
import { NATIONAL_ID_MESSAGE } from '../../functions/core/national-id.ts';
import type { ReportSubmission } from '../../functions/core/report-submission.ts';
import { iccsReport } from '../support/fixtures.ts';
import { emailsAbout, postReport, sentEmails, storedReports, useTestPortal } from '../support/local-portal.ts';

/** What a careless or hostile client can put in a report, against the whole local pipeline. */

const portal = useTestPortal();
const report = iccsReport();

/** Every field a person types, as [path, a function that puts a value there]. */
const TEXT_FIELDS: [string, (value: string) => ReportSubmission][] = [
  ['summary', (value) => ({ ...report, summary: value })],
  ['description', (value) => ({ ...report, description: value })],
  ['answers.controlRoom', (value) => ({ ...report, answers: { ...report.answers, controlRoom: value } })],
  ['answers.operatorPosition', (value) => ({ ...report, answers: { ...report.answers, operatorPosition: value } })],
  ['contact.name', (value) => ({ ...report, contact: { ...report.contact, name: value } })],
  ['contact.organisation', (value) => ({ ...report, contact: { ...report.contact, organisation: value } })],
];
const SINGLE_LINE_FIELDS = TEXT_FIELDS.filter(([path]) => path !== 'description');

describe('a national identity number in any field', () => {
  it.each([...TEXT_FIELDS, ['contact.phone', (value: string) => ({ ...report, contact: { ...report.contact, phone: value } })] as const])(
    'in %s is refused with the reason, and the number is neither stored, mailed nor logged',
    async (path, withValue) => {
      const output: string[] = [];
      const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
      const spies = methods.map((method) => vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void output.push(args.map(String).join(' '))));
      const before = (await storedReports(portal.stack)).length;
      let response;
      try {
        response = await postReport(portal.url, withValue(path === 'contact.phone' ? '01019012480' : `Gjelder 010190 12480 i går`));
        // A valid report in the same capture proves the handler's log lines are seen here.
        await postReport(portal.url, report);
        await portal.stack.streamIdle();
      } finally {
        for (const spy of spies) spy.mockRestore();
      }

      expect(response.status).toBe(400);
      expect(response.body).toEqual({ errors: [{ path, message: NATIONAL_ID_MESSAGE }] });
      expect(await storedReports(portal.stack)).toHaveLength(before + 1);
      expect(JSON.stringify(await sentEmails(portal.stack))).not.toMatch(/010190 ?12480/);
      expect(output.join('')).toMatch(/"message":\s*"Report stored"/);
      expect(output.join('')).not.toMatch(/010190 ?12480/);
      expect(output.join('')).not.toContain(report.contact.email);
    },
  );
});

describe('header injection', () => {
  it.each(SINGLE_LINE_FIELDS)('a line break in %s is refused, since single-line values reach e-mail headers', async (path, withValue) => {
    const response = await postReport(portal.url, withValue('Ingen lyd\r\nBcc: alle@example.com'));

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errors: [{ path, message: 'Skriv på én linje, uten linjeskift eller spesialtegn.' }] });
  });

  it('an e-mail address with a line break is refused before it can become a Reply-To header', async () => {
    const response = await postReport(portal.url, { ...report, contact: { ...report.contact, email: 'kari@example.no\r\nBcc: x@example.com' } });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: 'contact.email', message: 'Skriv inn en gyldig e-postadresse, for eksempel navn@virksomhet.no.' }]);
  });
});

describe('markup in every text field', () => {
  it('is stored as typed and reaches the team as text, never as markup', async () => {
    const script = '<script>alert("x")</script>';
    const hostile = TEXT_FIELDS.reduce((current, [path]) => {
      const [group, field] = path.split('.') as [keyof ReportSubmission, string?];
      if (!field) return { ...current, [group]: `${script} ${path}` };
      return { ...current, [group]: { ...(current[group] as Record<string, string>), [field]: `${script} ${path}` } };
    }, report);

    const response = await postReport(portal.url, hostile);
    await portal.stack.streamIdle();

    expect(response.status).toBe(201);
    const [teamEmail, receipt] = await emailsAbout(portal.stack, String(response.body.reference));
    expect(teamEmail?.body.html).not.toContain('<script>');
    expect(teamEmail?.body.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; answers.controlRoom');
    expect(teamEmail?.body.text).toContain(`${script} description`);
    expect(receipt?.body.html).not.toContain('script');
  });
});
