import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createDynamoReportStore } from '../adapters/dynamodb-report-store.ts';
import { readEnv, submitEnvSchema } from '../adapters/config.ts';
import { logError, logInfo } from '../adapters/log.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { escapeHtml } from '../core/html.ts';
import type { FieldError } from '../core/report-submission.ts';
import { submitReport, type SubmitDependencies } from '../core/submit-report.ts';
import { readBody } from '../http/request-body.ts';
import { htmlPage, jsonResponse, redirectResponse } from '../http/responses.ts';

/** POST /api/reports — validates and stores a report. Routing to the team follows from the table's stream. */

const env = readEnv(submitEnvSchema);
const deps: SubmitDependencies = {
  services: loadCatalog(env.CATALOG_DIR).services,
  store: createDynamoReportStore(new DynamoDBClient({}), env.TABLE_NAME),
  now: () => new Date(),
  referencePrefix: env.REFERENCE_PREFIX,
  retentionDays: env.RETENTION_DAYS,
};

export const CONFIRMATION_PATH = '/meld-feil/kvittering/';
const FORM_PATH = '/meld-feil/';

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const body = readBody(event);
  if (!body.ok) return jsonResponse(body.status, { errors: [{ path: '', message: body.message }] });

  try {
    const result = await submitReport(body.data, deps);
    if (!result.ok) {
      return body.kind === 'form' ? formErrorPage(result.errors) : jsonResponse(400, { errors: result.errors });
    }
    logInfo('Report stored', { reference: result.reference });
    return body.kind === 'form'
      ? redirectResponse(`${CONFIRMATION_PATH}?referanse=${encodeURIComponent(result.reference)}`)
      : jsonResponse(201, { reference: result.reference });
  } catch (error) {
    logError('Report could not be stored', error, { requestId: event.requestContext?.requestId });
    return jsonResponse(500, {
      errors: [{ path: '', message: 'Meldingen ble ikke lagret på grunn av en feil hos oss. Prøv igjen om litt. Haster det, ring 08915.' }],
    });
  }
}

function formErrorPage(errors: FieldError[]): APIGatewayProxyStructuredResultV2 {
  const items = errors.map((error) => `<li><strong>${escapeHtml(error.path)}</strong>: ${escapeHtml(error.message)}</li>`).join('\n');
  return htmlPage(
    400,
    'Meldingen mangler noe',
    `<p>Vi kunne ikke ta imot meldingen fordi:</p>
<ul>
${items}
</ul>
<p>Gå tilbake med nettleserens tilbakeknapp. Det du skrev, står der fortsatt. <a href="${FORM_PATH}">Eller start skjemaet på nytt</a>.</p>
<p>Haster det, ring Servicedesk på 08915.</p>`,
  );
}
