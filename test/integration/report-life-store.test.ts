import { randomUUID } from 'node:crypto';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDynamoCaseStore } from '../../functions/adapters/dynamodb-case-store.ts';
import { createDynamoReportStore } from '../../functions/adapters/dynamodb-report-store.ts';
import { reportKey } from '../../functions/adapters/report-table.ts';
import { moveReport } from '../../functions/core/move-report.ts';
import { canMove, type CaseState, type ReportEvent } from '../../functions/core/report-life.ts';
import { storedReport } from '../unit/builders.ts';
import { useTestPortal } from '../support/local-portal.ts';

/** A report's life in the DynamoDB store, on dynalite: the conditional append the in-memory fake imitates. */

const portal = useTestPortal();
const store = () => createDynamoReportStore(portal.stack.dynamodb, portal.stack.tableName);
// Inside the builders' reports' retention (received 2026-03-05, kept 90 days).
const NOW = new Date('2026-03-05T13:00:00.000Z');
const deps = () => ({ store: createDynamoCaseStore(portal.stack.dynamodb, portal.stack.tableName), now: () => NOW });

async function newReport(): Promise<string> {
  const reference = `TEST-2026-${randomUUID().slice(0, 8)}`;
  await store().insert(storedReport({ reference }));
  return reference;
}

function event(changes: Partial<ReportEvent> = {}): ReportEvent {
  return { id: `topdesk:${randomUUID()}`, kind: 'state', state: 'registered', at: NOW.toISOString(), actor: 'caseSystem', ...changes };
}

describe('DynamoDB store: a report’s life', () => {
  it('appends an event and moves the state, only from the state expected and only once per event id', async () => {
    const reference = await newReport();
    const registered = event({ message: 'Registrert i TOPdesk.' });

    expect(await store().appendEvent(reference, registered, 'escalated')).toBe(false);
    expect(await store().appendEvent(reference, registered, 'received')).toBe(true);
    expect(await store().appendEvent(reference, { ...registered, state: 'solved' }, 'registered')).toBe(false);

    expect((await store().get(reference, NOW))?.life).toEqual({
      state: 'registered',
      events: [expect.objectContaining({ state: 'received', actor: 'portal' }), registered],
    });
  });

  it('keeps the state for a request to escalate', async () => {
    const reference = await newReport();

    expect(await store().appendEvent(reference, event({ kind: 'escalationRequested', state: 'received', actor: 'reporter' }), 'received')).toBe(true);

    expect((await store().get(reference, NOW))?.life).toMatchObject({ state: 'received', events: [{ kind: 'state' }, { kind: 'escalationRequested' }] });
  });

  it('appends nothing to a report that is not there', async () => {
    expect(await store().appendEvent(`TEST-2026-${randomUUID().slice(0, 8)}`, event(), 'received')).toBe(false);
  });

  it('moves a report one event id sent 5 times (one after another, then at once) once: one event, then duplicates', async () => {
    const reference = await newReport();
    const solved = event({ id: 'topdesk:evt-webhook-1', state: 'solved' });

    const inTurn = [];
    for (let attempt = 0; attempt < 5; attempt++) inTurn.push((await moveReport(reference, solved, deps())).status);
    const atOnce = await Promise.all(Array.from({ length: 5 }, () => moveReport(reference, solved, deps())));

    expect(inTurn).toEqual(['moved', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(atOnce.map((outcome) => outcome.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    const { life } = (await store().get(reference, NOW)) ?? {};
    expect(life?.state).toBe('solved');
    expect(life?.events.filter((known) => known.id === solved.id)).toHaveLength(1);
  });

  it('applies five different moves sent at once only as a chain the rules allow, one event per move answered moved', async () => {
    const reference = await newReport();

    const outcomes = await Promise.all(
      ['registered', 'escalated', 'awaitingReporter', 'solved', 'closed'].map((state) =>
        moveReport(reference, event({ state: state as ReportEvent['state'] }), deps()).catch((error: Error) => ({ status: error.name })),
      ),
    );

    const { life } = (await store().get(reference, NOW)) ?? {};
    expect(outcomes.filter((outcome) => outcome.status === 'moved').length).toBe((life?.events.length ?? 0) - 1);
    expect(life?.events.length).toBeGreaterThanOrEqual(2);
    const states = life?.events.map((known) => known.state) ?? [];
    for (let index = 1; index < states.length; index++)
      expect(canMove(states[index - 1] as CaseState, states[index] as CaseState), states.join(' → ')).toBe(true);
  });

  it('gives a version 3 report nobody has moved its life with the first event, keeping the rest of the item as it was', async () => {
    const reference = `TEST-2026-${randomUUID().slice(0, 8)}`;
    const { life: _none, ...version3 } = storedReport({ reference, routing: { status: 'routed', at: '2026-03-05T12:00:05.000Z', to: ['team@hdo.example'] } });
    await portal.stack.dynamodb.send(
      new PutItemCommand({
        TableName: portal.stack.tableName,
        Item: marshall({ ...reportKey(reference), ...version3, schemaVersion: 3 }, { removeUndefinedValues: true }),
      }),
    );
    const registered = event();

    const first = await moveReport(reference, registered, deps());
    const again = await moveReport(reference, registered, deps());

    expect([first.status, again.status]).toEqual(['moved', 'duplicate']);
    const read = await store().get(reference, NOW);
    expect(read?.life).toEqual({
      state: 'registered',
      events: [{ id: `${reference}:received`, kind: 'state', state: 'received', at: version3.receivedAt, actor: 'portal' }, registered],
    });
    expect(read?.routing).toEqual({ status: 'routed', at: '2026-03-05T12:00:05.000Z', to: ['team@hdo.example'] });
    expect((await moveReport(reference, event({ state: 'solved' }), deps())).status).toBe('moved');
  });
});
