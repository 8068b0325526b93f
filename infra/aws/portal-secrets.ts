import { RemovalPolicy } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type {
  moveEnvSchema,
  noticeMailEnvSchema,
  routeEnvSchema,
  statusEnvSchema,
  submitEnvSchema,
  subscribeEnvSchema,
} from '../../functions/adapters/config.ts';

/** Every variable the handlers' config schemas read; a secret renamed there stops the type check here. */
type ConfigName = keyof (typeof submitEnvSchema.shape &
  typeof routeEnvSchema.shape &
  typeof statusEnvSchema.shape &
  typeof moveEnvSchema.shape &
  typeof subscribeEnvSchema.shape &
  typeof noticeMailEnvSchema.shape);

/** The secrets the functions read, by the environment variable that carries each, with the id of its construct. */
export const SECRET_IDS = {
  ORIGIN_VERIFY_SECRET: 'OriginVerifySecret',
  STATUS_TOKEN_KEY: 'StatusTokenKey',
  ACTION_LINK_KEY: 'ActionLinkKey',
  WEBHOOK_SIGNING_KEY: 'WebhookSigningKey',
  SUBSCRIPTION_KEY: 'SubscriptionKey',
} as const satisfies Partial<Record<ConfigName, string>>;
export type SecretName = keyof typeof SECRET_IDS;

export type PortalSecrets = Record<SecretName, Secret>;

const DESCRIPTIONS: Record<SecretName, string> = {
  ORIGIN_VERIFY_SECRET: 'Serviceportalen: verdien CloudFront sender API-et i x-origin-verify, så API-et bare svarer forespørsler som kom gjennom CloudFront',
  STATUS_TOKEN_KEY: 'Serviceportalen: HMAC-nøkkelen statuslenkene avledes av; byttes den, slutter alle utsendte lenker å virke',
  ACTION_LINK_KEY: 'Serviceportalen: HMAC-nøkkelen lenkene i Servicedesks e-post signeres med; byttes den, slutter ubrukte lenker å virke',
  WEBHOOK_SIGNING_KEY: 'Serviceportalen: HMAC-nøkkelen Servicedesks saksbehandlingssystem signerer kall til /api/reports/{referanse}/events med (se DEPLOY.md)',
  SUBSCRIPTION_KEY:
    'Serviceportalen: HMAC-nøkkelen bekreftelses- og avmeldingslenkene for driftsmeldinger på e-post signeres med; byttes den, slutter avmeldingslenkene i sendte e-poster å virke',
};

/**
 * Generated once by Secrets Manager when the stack is created, never seen by anyone: 64 letters and digits, safe in
 * an HTTP header and ample as an HMAC key. In production they outlive the stack like the table does: the status key
 * must stay the one the kept reports' links were derived from.
 */
export function createPortalSecrets(scope: Construct, production: boolean): PortalSecrets {
  const secret = (name: SecretName) =>
    new Secret(scope, SECRET_IDS[name], {
      description: DESCRIPTIONS[name],
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  return {
    ORIGIN_VERIFY_SECRET: secret('ORIGIN_VERIFY_SECRET'),
    STATUS_TOKEN_KEY: secret('STATUS_TOKEN_KEY'),
    ACTION_LINK_KEY: secret('ACTION_LINK_KEY'),
    WEBHOOK_SIGNING_KEY: secret('WEBHOOK_SIGNING_KEY'),
    SUBSCRIPTION_KEY: secret('SUBSCRIPTION_KEY'),
  };
}
