import { beforeEach, describe, expect, it, vi } from 'vitest';
import { statusPath } from '../../functions/core/page-paths.ts';
import { withEvent, type ReportEvent } from '../../functions/core/report-life.ts';
import { reportStatus } from '../../functions/core/report-status.ts';
import { isAffectedAnswer, type AffectedAnswer } from '../../functions/http/contract/affected.ts';
import { fieldErrorsOf, isApiErrors } from '../../functions/http/contract/errors.ts';
import { isEscalationAsked, isEscalationRefused, type EscalationAsked, type EscalationRefusedAnswer } from '../../functions/http/contract/escalation.ts';
import { isJsonObject, isString, objectOf, optional } from '../../functions/vocabulary/json-guards.ts';
import { isReportStatus } from '../../functions/http/contract/report-status.ts';
import { isSubscribeAnswer, type SubscribeAnswer } from '../../functions/http/contract/subscriptions.ts';
import { isReceipt, recalledReceipt, rememberReceipt, type Receipt } from '../../functions/http/contract/reports.ts';
import { errorResponse, jsonResponse } from '../../functions/http/responses.ts';
import { realCatalog, storedReport } from './builders.ts';
import { clockAt, InMemoryReportStore } from './fakes.ts';

/**
 * The API's contract with the site's scripts (functions/http/contract/): what a handler sends passes the check the
 * script reads it with, and an answer that is not the contract's does not. Bodies go through JSON as the API sends them.
 */

/** The body a browser gets from an API answer. */
const bodyOf = (answer: { body?: string }): unknown => JSON.parse(answer.body ?? '');
const sent = (value: unknown): unknown => bodyOf(jsonResponse(200, value));

const receipt: Receipt = { reference: 'HDO-2026-000001', statusUrl: statusPath('HDO-2026-000001', 'status-token-for-tests'), priority: 'P2' };

describe('the error answer (contract/errors.ts)', () => {
  it('reads the errors errorResponse sends', () => {
    const body = bodyOf(errorResponse(403, 'Forespørselen kom ikke gjennom portalen.'));

    expect(isApiErrors(body)).toBe(true);
    expect(fieldErrorsOf(body)).toEqual([{ path: '', message: 'Forespørselen kom ikke gjennom portalen.' }]);
  });

  it.each([
    { case: 'no body', body: undefined },
    { case: 'a text', body: 'Internal Server Error' },
    { case: 'errors that are not a list', body: { errors: 'feil' } },
    { case: 'an error without its message', body: { errors: [{ path: 'contact.email' }] } },
  ])('finds none in $case', ({ body }) => {
    expect(fieldErrorsOf(body)).toEqual([]);
  });
});

describe('the receipt of POST /api/reports (contract/reports.ts)', () => {
  it('reads the receipt as the API sends it', () => {
    expect(isReceipt(sent(receipt))).toBe(true);
  });

  it.each([
    { case: 'a priority the policy does not have', body: { ...receipt, priority: 'P5' } },
    { case: 'no status link', body: { reference: receipt.reference, priority: receipt.priority } },
    { case: 'the reference as a number', body: { ...receipt, reference: 1 } },
  ])('refuses $case', ({ body }) => {
    expect(isReceipt(sent(body))).toBe(false);
  });
});

describe('the receipt handed to the confirmation page in the tab’s session', () => {
  let items: Map<string, string>;
  beforeEach(() => {
    items = new Map();
    vi.stubGlobal('sessionStorage', {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => items.set(key, value),
      removeItem: (key: string) => items.delete(key),
    });
  });

  it('gives back the receipt it was given', () => {
    rememberReceipt(receipt);

    expect(recalledReceipt()).toEqual(receipt);
  });

  it('forgets an earlier report’s receipt when the answer had none to give', () => {
    rememberReceipt(receipt);

    rememberReceipt(undefined);

    expect(recalledReceipt()).toBeUndefined();
  });

  it('gives back nothing that is not a receipt', () => {
    rememberReceipt(receipt);
    const [key] = items.keys();
    items.set(key ?? '', JSON.stringify({ reference: receipt.reference }));

    expect(recalledReceipt()).toBeUndefined();
  });
});

describe('the status of GET /api/reports/{reference} (contract/report-status.ts)', () => {
  const TOKEN = 'status-token-for-tests';
  const events: ReportEvent[] = [
    { id: 'mail:registrer-1', kind: 'state', state: 'registered', at: '2026-03-05T12:10:00.000Z', actor: 'desk' },
    {
      id: 'topdesk:evt-2',
      kind: 'state',
      state: 'escalated',
      at: '2026-03-05T12:20:00.000Z',
      actor: 'caseSystem',
      team: 'kontrollrom',
      message: 'Fagteamet ser på loggene.',
    },
    { id: 'reporter:escalate-1', kind: 'escalationRequested', state: 'escalated', at: '2026-03-05T12:30:00.000Z', actor: 'reporter' },
  ];

  async function viewAsSent(): Promise<Record<string, unknown>> {
    const store = new InMemoryReportStore();
    const report = storedReport({ priority: 'P3', routing: { status: 'routed', at: '2026-03-05T12:00:05.000Z', to: ['team-kontrollrom@hdo.example'] } });
    store.reports.set(report.reference, { ...report, life: events.reduce(withEvent, report.life) });
    const view = await reportStatus(report.reference, TOKEN, { store, catalog: realCatalog(), now: clockAt('2026-03-05T12:40:00Z') });
    const body = sent(view);
    if (!isJsonObject(body)) throw new Error('The view is not sent as a JSON object.');
    return body;
  }

  it('reads the view core/report-status.ts builds: routed, escalated to a team with the desk’s message, and asked to escalate', async () => {
    const body = await viewAsSent();

    expect(isReportStatus(body)).toBe(true);
  });

  it.each([
    {
      case: 'an actor the case does not know',
      change: (view: Record<string, unknown>) => ({
        ...view,
        life: {
          ...(isJsonObject(view.life) ? view.life : {}),
          events: [{ at: '2026-03-05T12:10:00.000Z', kind: 'state', state: 'registered', label: 'Registrert', actor: 'robot', actorWord: 'roboten' }],
        },
      }),
    },
    { case: 'no life', change: ({ life: _life, ...view }: Record<string, unknown>) => view },
    { case: 'the teams as one text', change: (view: Record<string, unknown>) => ({ ...view, teams: 'Servicedesk' }) },
  ])('refuses a view with $case', async ({ change }) => {
    const body = await viewAsSent();

    expect(isReportStatus(change(body))).toBe(false);
  });
});

describe('the answers of POST …/eskalering (contract/escalation.ts)', () => {
  it('reads «asked» and «refused» as handlers/move-report.ts sends them', () => {
    const asked: EscalationAsked = { status: 'asked', at: '2026-03-05T16:00:00.000Z' };
    const refused: EscalationRefusedAnswer = {
      reason: 'tooEarly',
      from: '2026-03-05T16:00:00.000Z',
      errors: [{ path: '', message: 'Du kan be om eskalering fra 5. mars 2026 kl. 17:00.' }],
    };

    expect(isEscalationAsked(sent(asked))).toBe(true);
    expect(isEscalationRefused(sent(refused))).toBe(true);
    expect(fieldErrorsOf(sent(refused))[0]?.message).toBe('Du kan be om eskalering fra 5. mars 2026 kl. 17:00.');
  });

  it('refuses a reason the rule does not give, and an «asked» without its time', () => {
    expect(isEscalationRefused(sent({ reason: 'busy', errors: [] }))).toBe(false);
    expect(isEscalationAsked(sent({ status: 'asked' }))).toBe(false);
  });
});

describe('the answer of POST /api/notices/affected (contract/affected.ts)', () => {
  const answer: AffectedAnswer = { notice: { id: 'utfall-iccs', title: 'Utfall i ICCS' }, count: 2, added: false };

  it('reads the count as the API sends it', () => {
    expect(isAffectedAnswer(sent(answer))).toBe(true);
  });

  it.each([
    { case: 'the count as text', body: { ...answer, count: '2' } },
    { case: 'no word on whether this one was added', body: { notice: answer.notice, count: 2 } },
    { case: 'a notice without its title', body: { ...answer, notice: { id: 'utfall-iccs' } } },
  ])('refuses $case', ({ body }) => {
    expect(isAffectedAnswer(sent(body))).toBe(false);
  });
});

describe('the answer of POST /api/notices/abonnement (contract/subscriptions.ts)', () => {
  it('reads «sent» with its words as the API sends them, and nothing else', () => {
    const answer: SubscribeAnswer = { status: 'sent', message: 'Sjekk e-posten din.' };

    expect(isSubscribeAnswer(sent(answer))).toBe(true);
    expect(isSubscribeAnswer(sent({ status: 'queued', message: 'Sjekk e-posten din.' }))).toBe(false);
    expect(isSubscribeAnswer(sent({ status: 'sent' }))).toBe(false);
  });
});

describe('the checks themselves (vocabulary/json-guards.ts)', () => {
  const isNamed = objectOf<{ name: string; nickname?: string }>({ name: isString, nickname: optional(isString) });

  it('lets keys the type does not name be, and an optional key be absent', () => {
    expect(isNamed({ name: 'Kari', organisation: 'AMK Bergen' })).toBe(true);
  });

  it.each([null, [], 'Kari', { nickname: 'K' }, { name: 'Kari', nickname: 7 }])('refuses %j', (value) => {
    expect(isNamed(value)).toBe(false);
  });
});
