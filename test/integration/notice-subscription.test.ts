import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { announcementKey, subscriptionKey } from '../../functions/adapters/report-table.ts';
import type { PublishedNotice } from '../../functions/core/notices-document.ts';
import { noticePath } from '../../functions/core/notice-paths.ts';
import { NOTICE_EMAIL_FORMAT } from '../../functions/core/subscription-email.ts';
import { CONFIRM_SUBSCRIPTION_ROUTE, SUBSCRIBE_ROUTE, TOKEN_PARAMETER } from '../../functions/core/subscription-paths.ts';
import { RAW_HEADERS_PATH, type RawMessageHeaders } from '../../infra/local/ses.ts';
import { sentEmails, type SentEmail } from '../support/local-portal.ts';
import { useNoticesPortal } from '../support/notices-portal.ts';

/**
 * The journey on the local stack (dynalite, the SES emulator, the local queue): subscribe to one service
 * → confirm with the link from the mailbox (opening it changes nothing; the button stores) → a notice and then an
 * update are published into the site directory → the subscriber gets each once, with working one-click
 * unsubscribe headers → a one-click POST ends the subscription → the next update reaches nobody. Every wait is for
 * a state (the document announced and the queue drained), never a sleep.
 */

const ADDRESS = 'vakt.amk@helse-test.no';
const portal = useNoticesPortal();

const form = (fields: [string, string][]) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

async function subscriptions(): Promise<Record<string, unknown>[]> {
  const page = await portal.stack.dynamodb.send(
    new QueryCommand({
      TableName: portal.stack.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: marshall({ ':pk': subscriptionKey('').pk }),
      ConsistentRead: true,
    }),
  );
  return (page.Items ?? []).map((item) => unmarshall(item));
}

async function marker(noticeId: string, key: string): Promise<boolean> {
  const { pk, sk } = announcementKey(noticeId, key);
  const page = await portal.stack.dynamodb.send(
    new QueryCommand({
      TableName: portal.stack.tableName,
      KeyConditionExpression: 'pk = :pk AND sk = :sk',
      ExpressionAttributeValues: marshall({ ':pk': pk, ':sk': sk }),
      ConsistentRead: true,
    }),
  );
  return (page.Count ?? 0) > 0;
}

const mailTo = async (address: string): Promise<SentEmail[]> => (await sentEmails(portal.stack)).filter((email) => email.destination.to.includes(address));
const headersTo = async (address: string): Promise<RawMessageHeaders[]> =>
  ((await (await fetch(`${portal.stack.sesEndpoint}${RAW_HEADERS_PATH}`)).json()) as { messages: RawMessageHeaders[] }).messages.filter((message) =>
    message.destinations.includes(address),
  );
const header = (message: RawMessageHeaders | undefined, name: string) => message?.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
const radioNotice = (updates: PublishedNotice['updates']): PublishedNotice => ({
  id: 'test-radio-dekning',
  title: 'Redusert dekning i Nødnett i Valdres',
  severity: 'disruption',
  services: ['radio'],
  areas: ['Valdres'],
  start: hoursAgo(2),
  updates,
  html: '<p>Flere basestasjoner er nede. Bruk reserveløsningen ved behov.</p>',
});
const iccsNotice: PublishedNotice = {
  id: 'test-iccs-treg',
  title: 'Treg pålogging i kontrollromsløsningen',
  severity: 'disruption',
  services: ['iccs'],
  areas: [],
  start: hoursAgo(1),
  updates: [],
  html: '<p>Pålogging tar lenger tid enn vanlig.</p>',
};

describe('subscribing to notices, and leaving with one click', () => {
  it('asks, confirms, gets the notice and its update once each, unsubscribes with one click, and gets nothing after', async () => {
    // Asking stores nothing: only the e-mail with the link goes out.
    const asked = await fetch(
      `${portal.url}${SUBSCRIBE_ROUTE}`,
      form([
        ['epost', ADDRESS],
        ['omfang', 'valgte'],
        ['tjeneste', 'radio'],
      ]),
    );
    expect(asked.status).toBe(202);
    expect(await asked.text()).toContain('Sjekk e-posten din');
    expect(await subscriptions()).toEqual([]);

    const [confirmation] = await mailTo(ADDRESS);
    expect(confirmation?.subject).toBe('Bekreft abonnement på driftsmeldinger');
    const link = new URL(/Bekreft her:\n\s+(\S+)/.exec(confirmation?.body.text ?? '')?.[1] ?? '');
    expect(link.pathname).toBe(CONFIRM_SUBSCRIPTION_ROUTE);

    // A mail scanner opening the link changes nothing.
    const opened = await fetch(`${portal.url}${link.pathname}${link.search}`);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('Bekreft abonnement');
    expect(await subscriptions()).toEqual([]);

    // The button stores the address, its choice and the consent time, and nothing else.
    const confirmed = await fetch(`${portal.url}${CONFIRM_SUBSCRIPTION_ROUTE}`, form([[TOKEN_PARAMETER, link.searchParams.get(TOKEN_PARAMETER) ?? '']]));
    expect(confirmed.status).toBe(200);
    const [stored] = await subscriptions();
    expect(Object.keys(stored ?? {}).sort()).toEqual(['address', 'consentedAt', 'format', 'pk', 'services', 'sk']);
    expect(stored).toMatchObject({ format: 'serviceportal.subscription.v1', address: ADDRESS, services: ['radio'] });

    // A new notice for radio, and one for another service: only the first reaches this subscriber.
    portal.publish([radioNotice([]), iccsNotice], new Date());
    await portal.stack.noticesSettled();
    expect((await mailTo(ADDRESS)).map((email) => email.subject)).toEqual([
      'Bekreft abonnement på driftsmeldinger',
      '[Driftsmelding] Redusert dekning i Nødnett i Valdres',
    ]);

    // An update: announced once, even when the same document is published again.
    const firstUpdate = { at: hoursAgo(1), text: 'To av tre basestasjoner er tilbake.' };
    portal.publish([radioNotice([firstUpdate]), iccsNotice], new Date());
    await portal.stack.noticesSettled();
    portal.publish([radioNotice([firstUpdate]), iccsNotice], new Date(Date.now() + 1000));
    await portal.stack.noticesSettled();
    const received = await mailTo(ADDRESS);
    expect(received.map((email) => email.subject)).toEqual([
      'Bekreft abonnement på driftsmeldinger',
      '[Driftsmelding] Redusert dekning i Nødnett i Valdres',
      '[Oppdatering] Redusert dekning i Nødnett i Valdres',
    ]);
    const update = received[2];
    expect(update?.body.text).toContain('To av tre basestasjoner er tilbake.');
    expect(update?.body.text).toContain(noticePath('test-radio-dekning'));
    expect(update?.body.html).toContain('Avslutt abonnementet');

    // Its headers: the layout version and RFC 8058 one-click unsubscribe.
    const headers = (await headersTo(ADDRESS)).at(-1);
    expect(header(headers, 'X-Serviceportal-Format')).toBe(NOTICE_EMAIL_FORMAT);
    expect(header(headers, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = new URL(/^<(.+)>$/.exec(header(headers, 'List-Unsubscribe') ?? '')?.[1] ?? '');
    expect(update?.body.text).toContain(unsubscribe.href);

    // A mail client's one-click POST ends it at once; a second one is fine too.
    for (let click = 0; click < 2; click++) {
      const left = await fetch(`${portal.url}${unsubscribe.pathname}${unsubscribe.search}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(left.status).toBe(200);
    }
    expect(await subscriptions()).toEqual([]);

    // The next update is announced (its marker is there once the queue is drained), but not to this address.
    const secondUpdate = { at: hoursAgo(0.5), text: 'Alle basestasjoner er tilbake.' };
    portal.publish([radioNotice([secondUpdate, firstUpdate]), iccsNotice], new Date());
    await portal.stack.noticesSettled();
    expect(await marker('test-radio-dekning', `update#${new Date(secondUpdate.at).toISOString()}`)).toBe(true);
    expect(await mailTo(ADDRESS)).toHaveLength(3);
  });

  it('answers a second request for the same address just as the first, and caps the confirmation e-mails', async () => {
    const address = 'kapp@helse-test.no';
    const answers = [];
    for (let request = 0; request < 5; request++) {
      const response = await fetch(`${portal.url}${SUBSCRIBE_ROUTE}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: address, scope: 'all', services: [] }),
      });
      answers.push([response.status, await response.json()]);
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]?.[0]).toBe(202);
    // The cap is the deployed default (3 a day), not one of the test's generous limits.
    expect(await mailTo(address)).toHaveLength(3);
  });

  it('refuses an altered confirmation link with a page that says so, and stores nothing', async () => {
    const response = await fetch(`${portal.url}${CONFIRM_SUBSCRIPTION_ROUTE}?${TOKEN_PARAMETER}=eyJ2IjoxfQ.AAAA`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Lenken kan ikke brukes');
  });
});
