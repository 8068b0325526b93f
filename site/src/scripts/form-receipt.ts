import { REFERENCE_PATTERN } from '../../../functions/core/reference.ts';
import { statusLinkOf, statusPath } from '../../../functions/core/page-paths.ts';
import { recalledReceipt } from '../../../functions/http/contract/reports.ts';
import { fetchStatus } from './form-report-status.ts';

/** The confirmation page: the reference from the query (plain form) or from this tab's session (wizard). */
export function showReceipt(): void {
  const query = new URLSearchParams(window.location.search);
  const remembered = recalledReceipt();
  const reference = query.get('referanse') ?? remembered?.reference ?? '';
  const token = remembered ? statusLinkOf(new URL(remembered.statusUrl, window.location.href).hash).token : '';
  if (!REFERENCE_PATTERN.test(reference)) return;

  // The page is built with every one of these (kvittering.astro).
  const element = (id: string) => document.getElementById(id)!;
  element('reference').textContent = reference;
  element('receipt').hidden = false;
  element('receipt-missing').hidden = true;
  if (!token) return;
  element('status-link').setAttribute('href', statusPath(reference, token));
  element('receipt-follow').hidden = false;
  void showPriority(reference, token, element('receipt-priority'));
}

async function showPriority(reference: string, token: string, target: HTMLElement): Promise<void> {
  const answer = await fetchStatus(reference, token);
  if (answer.kind !== 'found') return;
  const { priority } = answer.status;
  const heading = document.createElement('h2');
  heading.textContent = `${priority.label}: ${priority.title}`;
  const meaning = document.createElement('p');
  meaning.textContent = priority.meaning;
  const response = document.createElement('p');
  response.textContent = `${priority.responseLabel}: ${priority.expectedResponse}`;
  const together = document.createElement('p');
  together.textContent = priority.settledTogether;
  target.replaceChildren(heading, meaning, response, together);
}
