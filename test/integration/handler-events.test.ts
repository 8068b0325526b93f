import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN_VERIFY_HEADER } from '../../functions/http/origin-verify.ts';
import { jsonFixture } from '../support/fixtures.ts';
import { emailsAbout, storedItem, useTestPortal } from '../support/local-portal.ts';

/**
 * The handlers invoked directly with events shaped exactly as AWS sends them (JSON fixtures), against dynalite and
 * the SES emulator: proof that they do not depend on the local emulation of API Gateway or the stream.
 */

type ApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;
type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

const portal = useTestPortal(); // sets the environment the handlers read at cold start
let submitReport: ApiHandler;
let routeReport: StreamHandler;

beforeAll(async () => {
  submitReport = ((await import('../../functions/handlers/submit-report.ts')) as unknown as { handler: ApiHandler }).handler;
  routeReport = ((await import('../../functions/handlers/route-report.ts')) as unknown as { handler: StreamHandler }).handler;
});

/** The sample event as CloudFront forwards it: with the origin secret the local stack was started with. */
function throughEdge(event: APIGatewayProxyEventV2): APIGatewayProxyEventV2 {
  return { ...event, headers: { ...event.headers, [ORIGIN_VERIFY_HEADER]: String(process.env.ORIGIN_VERIFY_SECRET) } };
}

describe('submit-report handler with an API Gateway HTTP API event', () => {
  it('refuses with 403, before any work, an event that did not come through CloudFront (no origin secret, or a wrong one)', async () => {
    const event = jsonFixture<APIGatewayProxyEventV2>('events/http-api-post-report.json');

    const without = await submitReport(event);
    const wrong = await submitReport({ ...event, headers: { ...event.headers, [ORIGIN_VERIFY_HEADER]: 'x'.repeat(43) } });

    expect([without.statusCode, wrong.statusCode]).toEqual([403, 403]);
  });

  it('stores the radio report from the sample event and answers 201', async () => {
    const event = throughEdge(jsonFixture<APIGatewayProxyEventV2>('events/http-api-post-report.json'));

    const response = await submitReport(event);

    expect(response.statusCode).toBe(201);
    const { reference } = JSON.parse(response.body ?? '{}') as { reference: string };
    expect(await storedItem(portal.stack, reference)).toMatchObject({ serviceId: 'radio', answers: { issi: '2040123' } });
  });

  it('decodes a base64-encoded form body, as API Gateway may deliver it', async () => {
    const event = throughEdge(jsonFixture<APIGatewayProxyEventV2>('events/http-api-post-report.json'));
    const form = new URLSearchParams({
      serviceId: 'other',
      urgent: 'no',
      summary: 'Spørsmål om faktura',
      description: 'Vi lurer på fakturaen for oktober.',
      'contact.name': 'Ola Nordmann',
      'contact.organisation': 'Sykehuset Innlandet',
      'contact.phone': '91234567',
      'contact.email': 'ola.nordmann@example.no',
    });

    const response = await submitReport({
      ...event,
      headers: { ...event.headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from(form.toString()).toString('base64'),
      isBase64Encoded: true,
    });

    expect(response.statusCode).toBe(303);
    expect(response.headers?.location).toMatch(/^\/api\/reports\/HDO-\d{4}-\d{6}\/kvittering$/);
    expect(response.cookies).toEqual([expect.stringMatching(/^statuskode=[\w-]{43}; Path=\/api\/reports\/HDO-\d{4}-\d{6}\/kvittering; /)]);
  });
});

describe('route-report handler with a DynamoDB stream event', () => {
  it('sends a replayed record no second e-mail', async () => {
    // Arrange: the item of the sample record is written; the stream delivers it once and it is routed.
    const event = jsonFixture<DynamoDBStreamEvent>('events/dynamodb-stream-insert-report.json');
    const image = event.Records[0]?.dynamodb?.NewImage;
    await portal.stack.dynamodb.send(new PutItemCommand({ TableName: portal.stack.tableName, Item: image as never }));
    await portal.stack.streamIdle();

    // Act: the same record again, as a retried batch would bring it.
    const response = await routeReport(event);

    // Assert
    expect(response.batchItemFailures).toEqual([]);
    const emails = await emailsAbout(portal.stack, 'HDO-2026-900001');
    expect(emails.map((email) => email.destination.to)).toEqual([['servicedesk@hdo.example'], ['per.hansen@example.no']]);
    expect(await storedItem(portal.stack, 'HDO-2026-900001')).toMatchObject({ routing: { status: 'routed', to: ['servicedesk@hdo.example'] } });
  });

  it('marks a stored report it cannot read failed and tells the desk, instead of handing it back to be retried', async () => {
    const event = jsonFixture<DynamoDBStreamEvent>('events/dynamodb-stream-insert-report.json');
    const poison = JSON.parse(JSON.stringify(event).replaceAll('HDO-2026-900001', 'HDO-2026-900003')) as DynamoDBStreamEvent;
    const record = poison.Records[0]!;
    const image = { ...record.dynamodb!.NewImage, schemaVersion: { N: '99' } };
    await portal.stack.dynamodb.send(new PutItemCommand({ TableName: portal.stack.tableName, Item: image as never }));
    await portal.stack.streamIdle();

    // The stream (in the local stack) has handled the insert already; the record again, as a replay, changes nothing.
    const response = await routeReport({ Records: [record] });

    expect(response.batchItemFailures).toEqual([]);
    expect(await storedItem(portal.stack, 'HDO-2026-900003')).toMatchObject({
      routing: { status: 'failed', reason: expect.stringContaining('schemaVersion') },
    });
    const emails = await emailsAbout(portal.stack, 'HDO-2026-900003');
    expect(emails.map((email) => [email.destination.to, email.subject])).toEqual([
      [['servicedesk@hdo.example'], '[Ikke sendt videre] HDO-2026-900003: meldingen kom ikke fram til teamet'],
    ]);
  });

  it('hands back the rest of a batch it has no time left for, without sending', async () => {
    const event = jsonFixture<DynamoDBStreamEvent>('events/dynamodb-stream-insert-report.json');
    const late = JSON.parse(JSON.stringify(event).replaceAll('HDO-2026-900001', 'HDO-2026-900004')) as DynamoDBStreamEvent;
    const record = late.Records[0]!;
    // One second left: less than one e-mail may take, so the record goes back to the stream as it came.
    const almostOut = { getRemainingTimeInMillis: () => 1000 } as never;

    const response = await (routeReport as (event: DynamoDBStreamEvent, context: unknown) => Promise<DynamoDBBatchResponse>)({ Records: [record] }, almostOut);

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: record.dynamodb?.SequenceNumber }]);
    expect(await emailsAbout(portal.stack, 'HDO-2026-900004')).toEqual([]);
  });

  it('sends nothing for a record that is not a new report', async () => {
    const event = jsonFixture<DynamoDBStreamEvent>('events/dynamodb-stream-insert-report.json');
    const otherReference = JSON.parse(JSON.stringify(event).replaceAll('HDO-2026-900001', 'HDO-2026-900002')) as DynamoDBStreamEvent;
    const modify = { ...otherReference.Records[0]!, eventName: 'MODIFY' as const };

    const response = await routeReport({ Records: [modify] });

    expect(response).toEqual({ batchItemFailures: [] });
    expect(await emailsAbout(portal.stack, 'HDO-2026-900002')).toEqual([]);
  });
});
