import { HttpApi, HttpMethod, PayloadFormatVersion, type IHttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { API_ROUTES, type HandlerName } from '../wiring.ts';

/** The HTTP API with the routes from `infra/wiring.ts`, each to its handler. Returns the stage that serves it. */
export function createPortalApi(scope: Construct, handlers: Record<HandlerName, IFunction>): IHttpStage {
  const api = new HttpApi(scope, 'Api', {
    apiName: 'serviceportal',
    description: 'Serviceportalens API: mottak av feilmeldinger',
    // Created below instead, because the default stage's props leave out throttling.
    createDefaultStage: false,
  });
  const stage = api.addStage('DefaultStage', {
    stageName: '$default',
    autoDeploy: true,
    throttle: { rateLimit: 50, burstLimit: 100 },
  });

  for (const route of API_ROUTES) {
    api.addRoutes({
      path: route.path,
      methods: [HttpMethod[route.method]],
      integration: new HttpLambdaIntegration(`${route.handler}-${route.method}`, handlers[route.handler], {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      }),
    });
  }
  return stage;
}
