import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DEFAULT_ENVIRONMENT, ENVIRONMENT_CONTEXT_KEY } from './config.ts';
import { acknowledgeAcceptedFindings } from './nag-acknowledgements.ts';
import { PortalStack } from './portal-stack.ts';

/** Environment-agnostic: synth needs no AWS credentials; the account and region come from the deploy. */
const app = new App();
const environment = String(app.node.tryGetContext(ENVIRONMENT_CONTEXT_KEY) ?? DEFAULT_ENVIRONMENT);
try {
  const stack = new PortalStack(app, `Serviceportal-${environment}`, { description: `Serviceportal (${environment}): feilmelding og meldingsruting` });
  acknowledgeAcceptedFindings(stack);
} catch (error) {
  // Configuration and a missing site build are the operator's to fix: the message says how, a stack trace would bury it.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
// Synth fails on any finding that is not acknowledged with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
