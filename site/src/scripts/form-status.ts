import { statusLinkOf } from '../../../functions/core/page-paths.ts';
import { deskPhoneNumber } from './desk-phone.ts';
import { fetchStatus, formatTime } from './form-report-status.ts';

/** The status page: received or routed, to which team, with which priority. Never what the report says. */
export async function showStatus(): Promise<void> {
  const { reference, token } = statusLinkOf(window.location.hash);
  const message = document.getElementById('status-message') as HTMLElement;
  const details = document.getElementById('status-details') as HTMLElement;
  if (!reference || !token) {
    message.textContent = 'Lenken mangler referanse eller kode. Bruk lenken i kvitteringen du fikk på e-post.';
    return;
  }
  const answer = await fetchStatus(reference, token);
  if (answer.kind === 'notFound') {
    message.textContent = `Fant ingen melding med referansen ${reference} og denne lenken. Sjekk at du har brukt hele lenken fra kvitteringen. Meldinger slettes etter en tid.`;
    return;
  }
  if (answer.kind === 'failed') {
    message.textContent = `Vi kunne ikke hente status akkurat nå. Prøv igjen om litt. Haster det, ring Servicedesk på ${deskPhoneNumber()}.`;
    return;
  }
  const { status } = answer;
  message.textContent = status.status === 'routed' ? 'Meldingen er sendt videre til teamet som har ansvaret.' : 'Meldingen er mottatt og blir sendt videre til riktig team.';
  const rows: [string, string][] = [
    ['Referanse', status.reference],
    ['Tjeneste', status.service.name],
    [status.requestType.label, status.requestType.name],
    [status.priority.label, `${status.priority.title}: ${status.priority.meaning} ${status.priority.settledTogether}`],
    [status.priority.responseLabel, status.priority.expectedResponse],
    ['Mottatt', formatTime(status.receivedAt)],
    ...(status.routedAt ? [['Sendt til team', formatTime(status.routedAt)] as [string, string]] : []),
    ...(status.teams.length > 0 ? [['Team', status.teams.join(', ')] as [string, string]] : []),
  ];
  details.replaceChildren(
    ...rows.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      const dd = document.createElement('dd');
      dt.textContent = term;
      dd.textContent = value;
      return [dt, dd];
    }),
  );
  details.hidden = false;
}
