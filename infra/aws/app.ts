import { App } from 'aws-cdk-lib';
import { PortalStack } from './portal-stack.ts';

/** Environment-agnostic: synth needs no AWS credentials; the account and region come from the deploy. */
const app = new App();
new PortalStack(app, 'Serviceportal', { description: 'Serviceportal: feilmelding og meldingsruting' });
app.synth();
