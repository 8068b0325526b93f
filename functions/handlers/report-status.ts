import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readEnv, statusEnvSchema } from '../adapters/config.ts';
import { createDynamoReportStore } from '../adapters/dynamodb-report-store.ts';
import { logger } from '../adapters/log.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { reportStatus } from '../core/report-status.ts';
import { errorResponse, jsonResponse } from '../http/responses.ts';

/** GET /api/reports/{reference}?token=… — where a report is, for the holder of its status link. */

const env = readEnv(statusEnvSchema);
const deps = {
  catalog: loadCatalog(env.CATALOG_DIR),
  store: createDynamoReportStore(new DynamoDBClient({}), env.TABLE_NAME),
  now: () => new Date(),
};

const NOT_FOUND = 'Fant ingen melding med denne referansen og lenken. Bruk lenken i kvitteringen du fikk på e-post.';

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  try {
    const view = await reportStatus(event.pathParameters?.reference ?? '', event.queryStringParameters?.token ?? '', deps);
    return view ? jsonResponse(200, view) : errorResponse(404, NOT_FOUND);
  } catch (error) {
    logger.error('Status could not be read', { requestId: event.requestContext?.requestId, error: error as Error });
    return errorResponse(500, 'Vi kunne ikke hente status akkurat nå. Prøv igjen om litt. Haster det, ring 08915.');
  }
}
