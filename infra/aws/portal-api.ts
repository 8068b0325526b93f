import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, LogGroupLogDestination, PayloadFormatVersion, type HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { API_ROUTES, API_THROTTLING, type HandlerName } from '../wiring.ts';

/**
 * One line per request, no bodies and no headers: a report's content never reaches the logs. Behind CloudFront,
 * `ip` is the edge location's address, not the visitor's; CloudFront's own logs have that.
 */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  method: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  latency: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
} as const;

export interface PortalApi {
  api: HttpApi;
  stage: HttpStage;
}

/**
 * The HTTP API with every route from `infra/wiring.ts`, each to its handler. HTTP APIs have a fixed 10 MB
 * payload limit that cannot be lowered; the submit handler rejects bodies over 64 KiB itself (MAX_BODY_BYTES).
 */
export function createPortalApi(scope: Construct, handlers: Record<HandlerName, IFunction>): PortalApi {
  const api = new HttpApi(scope, 'Api', {
    apiName: 'serviceportal',
    description: 'Serviceportalens API: mottak av feilmeldinger',
    // Created below instead, because the default stage's props leave out throttling and access logs.
    createDefaultStage: false,
  });
  const stage = api.addStage('DefaultStage', {
    stageName: '$default',
    autoDeploy: true,
    // Even if every control room reports at once in a national outage (a few hundred positions), that is far
    // below the rate; the limit caps what a flood can cost.
    throttle: API_THROTTLING,
    accessLogSettings: {
      destination: new LogGroupLogDestination(new LogGroup(scope, 'ApiAccessLogs', { retention: RetentionDays.ONE_MONTH })),
      format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
    },
  });

  // One integration per handler, shared by its routes: API Gateway allows that, and ids stay unique.
  const integrations = new Map<HandlerName, HttpLambdaIntegration>();
  const integrationOf = (handler: HandlerName) => {
    const integration =
      integrations.get(handler) ??
      new HttpLambdaIntegration(`${handler}-integration`, handlers[handler], { payloadFormatVersion: PayloadFormatVersion.VERSION_2_0 });
    integrations.set(handler, integration);
    return integration;
  };
  for (const route of API_ROUTES) {
    api.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration: integrationOf(route.handler) });
  }
  return { api, stage };
}
