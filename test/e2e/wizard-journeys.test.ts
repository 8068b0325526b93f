import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../functions/catalog/load-catalog.ts';
import { REFERENCE_PATTERN } from '../../functions/core/reference.ts';
import { journeysOf } from '../../functions/core/build-journey.ts';
import { parseSubmission } from '../../functions/core/report-submission.ts';
import { browserForFile, type FileBrowser } from '../support/chromium.ts';
import { CONTENT_DIR } from '../support/content-copy.ts';
import { storedItem, useTestPortal } from '../support/local-portal.ts';
import { CONTACT, fieldsAsked, NOT_URGENT_FAULT, receiptReference, walkToReview, type Answers } from './wizard-driver.ts';

/** Every service, through the wizard to the API: the questions asked are the ones its content defines. */

const portal = useTestPortal();
const journeys = journeysOf(loadCatalog(CONTENT_DIR));
let browser: FileBrowser;

beforeAll(async () => {
  browser = await browserForFile();
});

afterAll(async () => {
  await browser?.close();
});

interface Journey {
  service: string;
  answers: Answers;
  stored: Record<string, string>;
  skipped: string[];
}

const fault = (answers: Answers) => ({ ...NOT_URGENT_FAULT, ...answers });
const notFault = (requestType: string, answers: Answers) => ({ urgent: 'no', requestType, ...answers });

const JOURNEYS: Journey[] = [
  {
    service: 'radio',
    answers: fault({ 'answers.issi': '2040123', 'answers.location': 'Lillehammer sentrum', 'answers.faultState': 'ongoing' }),
    stored: { issi: '2040123', location: 'Lillehammer sentrum', faultState: 'ongoing' },
    skipped: [],
  },
  {
    service: 'iccs',
    answers: fault({
      'answers.controlRoom': 'AMK Innlandet',
      'answers.operatorPosition': '3',
      'answers.affectedFunction': 'radio',
      'answers.faultState': 'intermittent',
    }),
    stored: { controlRoom: 'AMK Innlandet', operatorPosition: '3', affectedFunction: 'radio', faultState: 'intermittent' },
    skipped: [],
  },
  {
    service: 'video',
    answers: fault({
      'answers.affectedPart': 'picture',
      'answers.counterpart': 'all',
      'answers.location': 'AMK Innlandet, rom 2.14',
      'answers.faultState': 'ongoing',
    }),
    stored: { affectedPart: 'picture', counterpart: 'all', location: 'AMK Innlandet, rom 2.14', faultState: 'ongoing' },
    skipped: [],
  },
  {
    service: 'backup-telephony',
    answers: fault({ 'answers.controlRoom': 'AMK Oslo', 'answers.fallbackInUse': 'yes', 'answers.dialTone': 'no', 'answers.faultState': 'ongoing' }),
    stored: { controlRoom: 'AMK Oslo', fallbackInUse: 'yes', dialTone: 'no', faultState: 'ongoing' },
    skipped: [],
  },
  {
    service: 'telephony',
    answers: fault({ 'answers.affectedNumber': 'alle', 'answers.direction': 'incoming', 'answers.fallbackInUse': 'no', 'answers.faultState': 'resolved' }),
    stored: { affectedNumber: 'alle', direction: 'incoming', fallbackInUse: 'no', faultState: 'resolved' },
    skipped: [],
  },
  {
    service: 'statistics',
    answers: notFault('question', {
      'answers.reportName': 'Samtaler per time',
      'answers.period': 'oktober 2026',
      'answers.problem': 'wrongNumbers',
      'answers.comparedReport': 'notChecked',
    }),
    stored: { reportName: 'Samtaler per time', period: 'oktober 2026', problem: 'wrongNumbers', comparedReport: 'notChecked' },
    skipped: ['impact.affected'],
  },
  {
    service: 'audio-log',
    answers: notFault('question', { 'answers.part': 'recording', 'answers.controlRoom': 'AMK Bergen', 'answers.timeRange': '22. november kl. 14–15' }),
    stored: { part: 'recording', controlRoom: 'AMK Bergen', timeRange: '22. november kl. 14–15' },
    skipped: ['answers.otherPlaybackWorks'],
  },
  {
    service: 'change-request',
    answers: notFault('change', {
      'answers.changeArea': 'talkGroups',
      'answers.reason': 'Ny talegruppe for samarbeid med legevakten.',
      'answers.approvedBy': 'Kari Nordmann, leder for AMK',
    }),
    stored: { changeArea: 'talkGroups', reason: 'Ny talegruppe for samarbeid med legevakten.', approvedBy: 'Kari Nordmann, leder for AMK' },
    skipped: ['answers.faultState'],
  },
  {
    service: 'relocation',
    answers: notFault('order', {
      'answers.relocationKind': 'operatorPosition',
      'answers.positionMoveDate': '2027-01-15',
      'answers.fromAddress': 'Storgata 1, rom 4',
    }),
    stored: { relocationKind: 'operatorPosition', positionMoveDate: '2027-01-15', fromAddress: 'Storgata 1, rom 4' },
    skipped: ['answers.moveDate', 'answers.toAddress'],
  },
  {
    service: 'other',
    answers: notFault('question', { 'answers.topic': 'invoice', 'answers.invoiceNumber': 'F-12345' }),
    stored: { topic: 'invoice', invoiceNumber: 'F-12345' },
    skipped: [],
  },
];

const COMMON: Answers = { summary: 'Kort beskrivelse av saken', description: 'Det skjer noe som ikke skal skje.', ...CONTACT };

async function fileThroughWizard(page: Page, journey: Journey) {
  const bodies: unknown[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/reports') && request.method() === 'POST') bodies.push(request.postDataJSON());
  });
  await page.goto(`${portal.url}/meld-feil/${journey.service}/`);
  const seen = fieldsAsked(await walkToReview(page, { ...COMMON, ...journey.answers }));
  await page.getByRole('button', { name: 'Send meldingen' }).click();
  await page.waitForURL('**/meld-feil/kvittering/');
  const reference = await receiptReference(page);
  return { seen, reference, bodies };
}

describe('the wizard, for every service', () => {
  it('asks what the content defines for every service', () => {
    expect(JOURNEYS.map((journey) => journey.service).sort()).toEqual(Object.keys(journeys).sort());
  });

  it.each(JOURNEYS)('files a $service report that the API accepts and stores as answered', async (journey) => {
    const context = await browser.newContext();
    const page = await context.newPage();

    const { seen, reference, bodies } = await fileThroughWizard(page, journey);

    expect(reference).toMatch(REFERENCE_PATTERN);
    for (const name of journey.skipped) expect(seen).not.toContain(name);
    for (const name of Object.keys(journey.stored)) expect(seen).toContain(`answers.${name}`);
    expect(bodies).toHaveLength(1);
    expect(parseSubmission(journeys, bodies[0]).ok).toBe(true);
    expect((await storedItem(portal.stack, reference))?.answers).toEqual(journey.stored);
    await context.close();
  });
});

describe('conditional questions', () => {
  it('appear for the answer they depend on, disappear when it changes, and their answers are not sent', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${portal.url}/meld-feil/relocation/`);
    const answers = notFault('order', {
      ...COMMON,
      'answers.relocationKind': 'controlRoom',
      'answers.moveDate': '2030-06-01',
      'answers.fromAddress': 'Storgata 1',
      'answers.toAddress': 'Nygata 2',
    });

    const first = fieldsAsked(await walkToReview(page, answers));
    await page.getByRole('button', { name: 'Endre Hva skal flyttes?' }).click();
    await page.locator('#answers-relocationKind-operatorPosition').check();
    // The date for this kind of move is asked on the same page, as soon as the kind is chosen.
    await page.locator('#answers-positionMoveDate').fill('2027-02-01');
    await page.getByRole('button', { name: 'Fortsett' }).click();
    const second = await walkToReview(page, {});
    const review = await page.locator('[data-review]').textContent();

    expect(first).toEqual(expect.arrayContaining(['answers.moveDate', 'answers.toAddress']));
    expect(first).not.toContain('answers.positionMoveDate');
    expect(second.map((screen) => screen.page)).toEqual(['review']);
    expect(review).not.toContain('Nygata 2');
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.waitForURL('**/meld-feil/kvittering/');
    const reference = await receiptReference(page);
    expect((await storedItem(portal.stack, reference))?.answers).toEqual({
      relocationKind: 'operatorPosition',
      positionMoveDate: '2027-02-01',
      fromAddress: 'Storgata 1',
    });
    await context.close();
  });
});
