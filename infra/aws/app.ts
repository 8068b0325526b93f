import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DEFAULT_ENVIRONMENT, ENVIRONMENT_CONTEXT_KEY } from './config.ts';
import { acknowledgeAcceptedFindings } from './nag-acknowledgements.ts';
import { addPortal } from './portal-app.ts';

/**
 * Account-agnostic: synth needs no AWS credentials; the account comes from the deploy. The region is the CLI's
 * (AWS_REGION or the profile's, which cdk passes as CDK_DEFAULT_REGION): explicit, because the portal's stack reads
 * the web ACL from the edge stack in us-east-1.
 */
const app = new App();
const environment = String(app.node.tryGetContext(ENVIRONMENT_CONTEXT_KEY) ?? DEFAULT_ENVIRONMENT);
try {
  const region = process.env.CDK_DEFAULT_REGION;
  if (!region) throw new Error('Fant ingen AWS-region. Kjør appen gjennom cdk (npm run synth, npm run deploy), med AWS_REGION satt, for eksempel eu-north-1.');
  acknowledgeAcceptedFindings(addPortal(app, `Serviceportal-${environment}`, { environment, region }));
} catch (error) {
  // Configuration and a missing site build are the operator's to fix: the message says how, a stack trace would bury it.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
// Synth fails on any finding that is not acknowledged with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
