import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportSubmission } from '../../functions/core/report-submission.ts';
import { asFormBody, iccsReport } from '../support/fixtures.ts';
import { emailsAbout, postReport, storedItem, useTestPortal } from '../support/local-portal.ts';

/**
 * Full-Unicode fuzzing of every text field through the real submit handler, stream and router (issue 14, finding
 * 1: one report with a lone surrogate got 201 and then jammed routing for good). Whatever text a client sends: no
 * 5xx, and every report answered 201 is stored as well-formed NFC text, routed, and its e-mails reach the SES
 * emulator saying what was stored.
 */

// Hundreds of requests in a second: lift the stage throttling, which has a test of its own.
const portal = useTestPortal({ apiThrottling: { rateLimit: 10_000, burstLimit: 10_000 } });
const report = iccsReport();
const RUNS = 200;

/** Every field a reporter types into. */
const TEXT_FIELDS = [
  'summary',
  'description',
  'answers.controlRoom',
  'answers.operatorPosition',
  'contact.name',
  'contact.organisation',
  'contact.phone',
  'contact.email',
  'contact.issi',
] as const;

/** The characters the rules are about, and ordinary ones, so that a fair share of what is generated is accepted. */
const HARD = [
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\u202e',
  '\u202a',
  '\u2066',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u0085',
  '\u0080',
  '\u009f',
  '\u200b',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u0301',
  '\u030a',
  '\u2028',
  '\u0000',
  '\r\n',
  '\t',
];
const PLAIN = ['a', 'Å', 'ø', 'e', ' ', '1', '0', '.', '@', '<', '&', '"', '📻', 'ﬁ', '０'];
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...HARD, ...PLAIN), minLength: 1, maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...HARD, ...PLAIN), minLength: 1, maxLength: 6 }).map((inserted) => `Ingen lyd ${inserted} på plass 3`),
);
let reporters = 0;
/**
 * One to three fields of a valid report replaced by generated text. Each report comes from an address of its own,
 * at a domain of its own, so the caps on receipts per address and per domain never hold one back.
 */
const hostileReport = fc.dictionary(fc.constantFrom(...TEXT_FIELDS), anyText, { minKeys: 1, maxKeys: 3 }).map((values) => {
  reporters += 1;
  const body = structuredClone({ ...report, contact: { ...report.contact, email: `fuzz${reporters}@fuzz${reporters}.example` } }) as unknown as Record<
    string,
    Record<string, string> | string
  >;
  for (const [path, value] of Object.entries(values)) {
    const [group, field] = path.split('.') as [string, string | undefined];
    if (field) body[group] = { ...(body[group] as Record<string, string>), [field]: value };
    else body[group] = value;
  }
  return body;
});

/** Every text a reporter typed, as the table holds it. */
const storedTexts = (item: Record<string, unknown> | undefined): string[] =>
  [
    item?.summary,
    item?.description,
    ...Object.values((item?.answers ?? {}) as Record<string, unknown>),
    ...Object.values((item?.contact ?? {}) as Record<string, unknown>),
  ].filter((value): value is string => typeof value === 'string');

async function expectRoutedAndMailed(references: readonly string[]): Promise<void> {
  await portal.stack.streamIdle();
  for (const reference of references) {
    const item = await storedItem(portal.stack, reference);
    expect((item?.routing as { status?: string } | undefined)?.status, `${reference} is routed`).toBe('routed');
    const emails = await emailsAbout(portal.stack, reference);
    const recipients = emails.flatMap((email) => email.destination.to);
    expect(recipients, `${reference}: the desk's e-mail and the receipt reached the SES emulator`).toEqual(
      expect.arrayContaining(['servicedesk@hdo.example', (item?.contact as ReportSubmission['contact']).email]),
    );
    // What is stored is well-formed NFC text, and the desk reads it as written: nothing replaced on the way to SES.
    for (const text of storedTexts(item)) {
      expect(text.isWellFormed(), `${reference}: ${JSON.stringify(text)} is well-formed`).toBe(true);
      expect(text, `${reference}: ${JSON.stringify(text)} is NFC`).toBe(text.normalize('NFC'));
    }
    const deskEmail = emails.find((email) => email.destination.to.includes('servicedesk@hdo.example'));
    expect(deskEmail?.subject.endsWith(` ${reference} ${String(item?.summary)}`), `${reference}: the subject carries the summary as stored`).toBe(true);
  }
}

describe('fuzzing every text field of a report with full Unicode, lone surrogates, bidi controls and C1 included', () => {
  it(`answers ${RUNS} JSON reports with 201 or 400, never 5xx, and routes and mails every report it accepts`, async () => {
    const accepted: string[] = [];
    await fc.assert(
      fc.asyncProperty(hostileReport, async (body) => {
        const response = await postReport(portal.url, body);

        expect([201, 400]).toContain(response.status);
        if (response.status === 201) accepted.push(String(response.body.reference));
        else expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.any(String), message: expect.any(String) })]));
      }),
      { numRuns: RUNS },
    );

    expect(accepted.length, 'a fair share of the generated reports is accepted').toBeGreaterThan(RUNS / 10);
    await expectRoutedAndMailed(accepted);
  });

  it('answers the same reports posted as an HTML form with 303 or 400, never 5xx, and routes and mails what it accepts', async () => {
    const accepted: string[] = [];
    await fc.assert(
      fc.asyncProperty(hostileReport, async (body) => {
        const response = await fetch(`${portal.url}/api/reports`, { method: 'POST', body: asFormBody(body), redirect: 'manual' });
        await response.arrayBuffer();

        expect([303, 400]).toContain(response.status);
        const reference = /\/api\/reports\/([^/]+)\/kvittering/.exec(response.headers.get('location') ?? '')?.[1];
        if (response.status === 303 && reference) accepted.push(decodeURIComponent(reference));
      }),
      { numRuns: RUNS / 2 },
    );

    await expectRoutedAndMailed(accepted);
  });

  it('refuses the report of the issue, a summary with a lone surrogate, with a Norwegian message rather than 201', async () => {
    const response = await postReport(portal.url, { ...report, summary: 'Ingen lyd \ud800' });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: 'summary', message: 'Teksten inneholder et ødelagt tegn som ikke kan sendes. Skriv teksten på nytt uten å lime den inn.' },
    ]);
  });
});
