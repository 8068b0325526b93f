import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { affectedSiteKey, followerKey } from '../../functions/adapters/report-table.ts';
import type { PublishedNotice } from '../../functions/core/notices-document.ts';
import { AFFECTED_SITE_SUBJECT } from '../../functions/core/affected-site-email.ts';
import { AFFECTED_DONE_PATH, AFFECTED_ROUTE } from '../../functions/core/notice-paths.ts';
import { sentEmails } from '../support/local-portal.ts';
import { useNoticesPortal } from '../support/notices-portal.ts';

/**
 * «Vi er også rammet» on the local stack: control rooms add themselves to a live notice published into the site
 * directory (as the publish script does, no site build); the desk's queue gets one e-mail per new site, each listing
 * every site; the reporters follow the notice, so its next update reaches them. Waits are for states, never time.
 */

const portal = useNoticesPortal();

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
const outage = (updates: PublishedNotice['updates'] = []): PublishedNotice => ({
  id: 'test-iccs-utfall',
  title: 'Utfall i kontrollromsløsningen i Helse Vest',
  severity: 'outage',
  services: ['iccs'],
  areas: ['Vestland'],
  start: hoursAgo(1),
  updates,
  html: '<p>Vi jobber med saken.</p>',
});
const planned: PublishedNotice = { ...outage(), id: 'test-planlagt', title: 'Planlagt oppgradering', severity: 'planned', expectedEnd: hoursAgo(-3) };

const site = (organisation: string, email: string) => ({
  notice: 'test-iccs-utfall',
  contact: { organisation, name: 'Vakthavende', phone: '55 12 34 56', email },
});
const postJson = (body: unknown) =>
  fetch(`${portal.url}${AFFECTED_ROUTE}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });

async function itemsUnder(pk: string): Promise<Record<string, unknown>[]> {
  const page = await portal.stack.dynamodb.send(
    new QueryCommand({
      TableName: portal.stack.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: marshall({ ':pk': pk }),
      ConsistentRead: true,
    }),
  );
  return (page.Items ?? []).map((item) => unmarshall(item));
}

const deskMail = async () => (await sentEmails(portal.stack)).filter((email) => email.subject.startsWith(AFFECTED_SITE_SUBJECT));

describe('«Vi er også rammet»', () => {
  beforeAll(async () => {
    portal.publish([outage(), planned]);
    await portal.stack.noticesSettled();
  });

  it('counts each control room once, and gives the desk one incident with every site listed', async () => {
    const answers = [];
    for (const body of [site('AMK Bergen', 'bergen@amk.example'), site('AMK Stavanger', 'stavanger@amk.example'), site('amk bergen', 'vakt2@amk.example')]) {
      const response = await postJson(body);
      answers.push([response.status, await response.json()]);
    }

    expect(answers).toEqual([
      [200, { notice: { id: 'test-iccs-utfall', title: 'Utfall i kontrollromsløsningen i Helse Vest' }, count: 1, added: true }],
      [200, { notice: { id: 'test-iccs-utfall', title: 'Utfall i kontrollromsløsningen i Helse Vest' }, count: 2, added: true }],
      [200, { notice: { id: 'test-iccs-utfall', title: 'Utfall i kontrollromsløsningen i Helse Vest' }, count: 2, added: false }],
    ]);
    const mail = await deskMail();
    expect(mail.map((email) => [email.destination.to, email.subject])).toEqual([
      [['servicedesk@hdo.example'], `${AFFECTED_SITE_SUBJECT} Utfall i kontrollromsløsningen i Helse Vest – 1 kontrollrom`],
      [['servicedesk@hdo.example'], `${AFFECTED_SITE_SUBJECT} Utfall i kontrollromsløsningen i Helse Vest – 2 kontrollrom`],
    ]);
    expect(mail[1]?.body.text).toMatch(/1\. AMK BERGEN[\s\S]*2\. AMK STAVANGER/);
    expect(await itemsUnder(affectedSiteKey('test-iccs-utfall', '').pk)).toHaveLength(2);
    expect((await itemsUnder(followerKey('test-iccs-utfall', '').pk)).map((item) => item.address).sort()).toEqual([
      'bergen@amk.example',
      'stavanger@amk.example',
      'vakt2@amk.example',
    ]);
  });

  it("sends the notice's next update to the control rooms that said they are hit", async () => {
    portal.publish([outage([{ at: hoursAgo(0.25), text: 'Feilen er funnet. Vi venter at alt virker om en time.' }]), planned]);
    await portal.stack.noticesSettled();

    const updates = (await sentEmails(portal.stack)).filter((email) => email.subject === '[Oppdatering] Utfall i kontrollromsløsningen i Helse Vest');
    expect(updates.map((email) => email.destination.to[0]).sort()).toEqual(['bergen@amk.example', 'stavanger@amk.example', 'vakt2@amk.example']);
    expect(updates[0]?.body.text).toContain('Feilen er funnet.');
  });

  it('answers a form post without JavaScript with the page that says it is done', async () => {
    const form = new URLSearchParams({
      notice: 'test-iccs-utfall',
      'contact.organisation': 'AMK Førde',
      'contact.name': 'Kari',
      'contact.phone': '57 00 00 00',
      'contact.email': 'forde@amk.example',
    });

    const response = await fetch(`${portal.url}${AFFECTED_ROUTE}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${AFFECTED_DONE_PATH}?melding=test-iccs-utfall`);
    expect((await deskMail()).at(-1)?.subject).toContain('– 3 kontrollrom');
  });

  it.each([
    ['a notice that does not exist', { ...site('AMK Bodø', 'bodo@amk.example'), notice: 'finnes-ikke' }, 404, 'finnes ikke'],
    ['planned work, which is no fault', { ...site('AMK Bodø', 'bodo@amk.example'), notice: 'test-planlagt' }, 409, 'planlagt arbeid'],
    ['a missing e-mail address', site('AMK Bodø', ''), 400, 'e-postadressen'],
  ])('refuses %s with a Norwegian message, and tells the desk nothing', async (_case, body, status, words) => {
    const before = (await deskMail()).length;

    const response = await postJson(body);

    expect(response.status).toBe(status);
    expect(JSON.stringify(await response.json())).toContain(words);
    expect(await deskMail()).toHaveLength(before);
  });
});
