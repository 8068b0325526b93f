import { isApiErrors } from '../../../functions/http/contract/errors.ts';
import { isReceipt, REPORTS_ROUTE, type Receipt } from '../../../functions/http/contract/reports.ts';
import { deskPhoneNumber } from './desk-phone.ts';
import type { FieldProblem } from './wizard-errors.ts';

export type SendResult =
  /** `receipt` is missing when the 201's answer cannot be read: the report is stored, its reference comes by e-mail. */
  { kind: 'sent'; receipt: Receipt | undefined } | { kind: 'invalid'; problems: FieldProblem[] } | { kind: 'failed'; reason: string };

/**
 * Posts the report as JSON. The same Idempotency-Key on every attempt means a double click or a retry files it once,
 * and a report corrected after a 400 may keep it (the API stored nothing for the 400).
 */
export async function sendReport(submission: unknown, idempotencyKey: string): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(REPORTS_ROUTE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(submission),
    });
  } catch {
    return { kind: 'failed', reason: 'Vi får ikke kontakt med Serviceportalen. Kanskje nettet er borte, eller portalen har problemer.' };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 201) return { kind: 'sent', receipt: isReceipt(body) ? body : undefined };
  if (response.status === 400 && isApiErrors(body))
    return { kind: 'invalid', problems: body.errors.map((error) => ({ name: error.path, message: error.message })) };
  // The key was taken by a report that was stored, and this one differs: a 400 stores nothing under the key, so
  // only a report that went through (its answer lost) can hold it.
  if (response.status === 422) {
    return {
      kind: 'failed',
      reason: `Meldingen er trolig sendt alt, før du endret den. Ring Servicedesk på ${deskPhoneNumber()} hvis du er usikker, så sjekker de.`,
    };
  }
  if (response.status === 429) return { kind: 'failed', reason: 'Det er sendt mange meldinger herfra på kort tid. Vent et minutt, og prøv igjen.' };
  return { kind: 'failed', reason: `Serviceportalen svarte med en feil (${response.status}). Det er ikke din feil.` };
}

/** A ready-made e-mail to the desk for when the portal fails: the same answers, in the reporter's own mail program. */
export function mailtoLink(address: string, subject: string, lines: readonly string[]): string {
  const body = lines.join('\n').slice(0, 1800);
  return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
