import { mayAskForEscalation, type EscalationCheck } from '../../../functions/core/escalation-request.ts';
import type { OpeningHours } from '../../../functions/core/opening-hours.ts';
import { formatOsloTime } from '../../../functions/core/oslo-time.ts';
import { statusLinkOf } from '../../../functions/core/page-paths.ts';
import type { EscalationPolicy } from '../../../functions/core/priority.ts';
import { deskPhoneNumber } from './desk-phone.ts';
import { fetchStatus, postEscalation, type ReportStatus } from './form-report-status.ts';

/**
 * The status page: where the case is at the desk and what has happened to it (a timeline), with its priority and
 * where the portal delivered it. Never what the report says. Everything the API sends is set as text, so the desk's
 * messages are never read as markup.
 */
export async function showStatus(): Promise<void> {
  const { reference, token } = statusLinkOf(window.location.hash);
  const message = document.getElementById('status-message')!;
  const details = document.getElementById('status-details')!;
  const history = document.getElementById('status-history')!;
  const timeline = document.getElementById('status-timeline')!;
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
  message.textContent = status.life.explanation;
  const rows: [string, string][] = [
    ['Referanse', status.reference],
    ['Status', status.life.label],
    ['Tjeneste', status.service.name],
    [status.requestType.label, status.requestType.name],
    [status.priority.label, `${status.priority.title}: ${status.priority.meaning} ${status.priority.settledTogether}`],
    [status.priority.responseLabel, status.priority.expectedResponse],
    ['Mottatt', formatOsloTime(status.receivedAt)],
    ...(status.routedAt ? [['Levert', formatOsloTime(status.routedAt)] satisfies [string, string]] : []),
    ...(status.teams.length > 0 ? [['Levert til', status.teams.join(', ')] satisfies [string, string]] : []),
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
  timeline.replaceChildren(...status.life.events.map(timelineItem));
  details.hidden = false;
  history.hidden = false;
  showEscalation(status, token);
}

/**
 * The page's data-escalation: content/priority.yaml's rules and the desk's hours, written by status.astro in the same
 * build as this script, so trusted as they are (the API decides again in any case).
 */
interface EscalationData {
  escalation: EscalationPolicy;
  hours?: OpeningHours;
}

/**
 * «Be om eskalering» (status.astro): the button and what happens once the priority's time has passed, from when
 * before, when it was asked after; nothing once the case is solved or closed. The rules come with the page
 * (content/priority.yaml); the API decides again when the button is pressed, and its answer is what is shown.
 */
function showEscalation(status: ReportStatus, token: string): void {
  const section = document.getElementById('status-escalation');
  const text = document.getElementById('status-escalation-text');
  const button = document.getElementById('status-escalation-button');
  if (!section?.dataset.escalation || !text || !(button instanceof HTMLButtonElement)) return;
  const { escalation, hours }: EscalationData = JSON.parse(section.dataset.escalation);
  const asked = (at: string) =>
    `${status.life.events.find((event) => event.kind === 'escalationRequested')?.label ?? 'Du ba om eskalering'} ${formatOsloTime(at)}. ${escalation.explanation}`;
  const check: EscalationCheck = mayAskForEscalation(
    { priority: status.priority.level, receivedAt: status.receivedAt, life: status.life },
    { escalation },
    hours,
    new Date(),
  );

  if (check.allowed) {
    text.textContent = `Har du ikke fått svar innen tiden som er lovet for prioriteten, kan du be om eskalering. ${escalation.explanation}`;
    button.hidden = false;
    button.addEventListener('click', () => {
      void (async () => {
        button.disabled = true;
        const answer = await postEscalation(status.reference, token);
        if (answer.kind === 'asked') {
          text.textContent = asked(answer.at);
          button.hidden = true;
        } else if (answer.kind === 'refused') {
          text.textContent = answer.message;
          button.hidden = true;
        } else if (answer.kind === 'notFound') {
          text.textContent = 'Fant ikke meldingen lenger. Ring Servicedesk og oppgi referansen.';
          button.hidden = true;
        } else {
          text.textContent = `${answer.message ?? 'Vi kunne ikke registrere at du ba om eskalering. Prøv igjen om litt.'} Haster det, ring Servicedesk på ${deskPhoneNumber()}.`;
          button.disabled = false;
        }
      })();
    });
  } else if (check.reason === 'tooEarly') {
    text.textContent = `Har du ikke fått svar innen tiden som er lovet for prioriteten, kan du be om eskalering fra ${formatOsloTime(check.from.toISOString())}. ${escalation.explanation}`;
  } else if (check.reason === 'alreadyAsked') {
    text.textContent = asked(check.at);
  } else {
    return;
  }
  section.hidden = false;
}

/** One event: when, what and who («Registrert (Servicedesk)»), the team it went to, and the desk's message. */
function timelineItem(event: ReportStatus['life']['events'][number]): HTMLLIElement {
  const item = document.createElement('li');
  const time = document.createElement('time');
  time.dateTime = event.at;
  time.textContent = formatOsloTime(event.at);
  const what = document.createElement('strong');
  what.textContent = event.label;
  item.append(time, ' – ', what);
  if (event.actor !== 'reporter') item.append(` (${event.actorWord})`);
  if (event.team) item.append(`, til ${event.team}`);
  if (event.message) {
    const said = document.createElement('p');
    said.textContent = `Melding: ${event.message}`;
    item.append(said);
  }
  return item;
}
