import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { escapeHtml } from '../core/html.ts';
import type { FieldError } from '../core/report-submission.ts';
import { htmlPage } from './responses.ts';

export const FORM_PATH = '/meld-feil/';

/** What a browser without JavaScript sees when the form had problems: each one, and the way back. */
export function formErrorPage(errors: readonly FieldError[]): APIGatewayProxyStructuredResultV2 {
  // The message first: most name the question; the field name after it helps with the few that do not.
  const items = errors.map((error) => `<li>${escapeHtml(error.message)} <small>(feltet ${escapeHtml(error.path)})</small></li>`).join('\n');
  return htmlPage(
    400,
    'Meldingen mangler noe',
    `<p>Vi kunne ikke ta imot meldingen fordi:</p>
<ul>
${items}
</ul>
<p>Gå tilbake med nettleserens tilbakeknapp. Det du skrev, står der fortsatt. <a href="${FORM_PATH}">Eller start skjemaet på nytt</a>.</p>
<p>Haster det, ring Servicedesk på <a href="tel:08915">08915</a>.</p>`,
  );
}
