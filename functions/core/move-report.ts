import type { CaseStore } from './ports.ts';
import { canApply, withEvent, type MoveOutcome, type ReportEvent } from './report-life.ts';
import type { StoredReport } from './stored-report.ts';

/** How many times a move is tried against a report others are moving at the same moment: once, then once more. */
const ATTEMPTS = 2;

/** Two moves at once kept winning the race: the caller (a webhook, a confirmation page) answers so that it is tried again. */
export class MoveContendedError extends Error {
  constructor(reference: string) {
    super(`Meldingen ${reference} ble endret av noen andre samtidig. Prøv igjen.`);
    this.name = 'MoveContendedError';
  }
}

/**
 * Moves a report's life by one event, the same for every way a report is moved (the desk's e-mail links, a case
 * system's webhook, the reporter's request to escalate): an event whose id is there already changes nothing
 * (`duplicate`), a move the report's state does not allow is refused (`not-allowed`), and the write is conditional
 * on the state it was read in, so two moves at once never both apply to the same state. The one that lost reads the
 * report again and answers from what it finds: the same event (a retry that ran alongside) is a duplicate, a move
 * the new state no longer allows is refused, and one it still allows is written once more.
 *
 * A request to escalate does not move the state: it is kept in the state the case was in when it was asked.
 */
export async function moveReport(reference: string, event: ReportEvent, deps: { store: CaseStore; now: () => Date }): Promise<MoveOutcome> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const report = await deps.store.get(reference, deps.now());
    const decided = decide(report, event);
    if (decided.status !== 'write') return decided;
    const { life, write } = decided;
    if (await deps.store.appendEvent(reference, write, life.state)) return { status: 'moved', life: withEvent(life, write) };
  }
  throw new MoveContendedError(reference);
}

type Decision = Exclude<MoveOutcome, { status: 'moved' }> | { status: 'write'; life: StoredReport['life']; write: ReportEvent };

function decide(report: StoredReport | undefined, event: ReportEvent): Decision {
  if (!report) return { status: 'gone' };
  const { life } = report;
  if (life.events.some((known) => known.id === event.id)) return { status: 'duplicate', life };
  if (!canApply(life.state, event)) return { status: 'not-allowed', from: life.state };
  return { status: 'write', life, write: event.kind === 'escalationRequested' ? { ...event, state: life.state } : event };
}
