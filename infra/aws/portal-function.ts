import { join } from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IConfigurationSet } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { REPOSITORY_ROOT } from '../repository.ts';
import { CATALOG_DIR_NAME, HANDLERS, type HandlerName } from '../wiring.ts';
import { copySitePagesCommand } from './copy-site-pages.ts';
import type { PortalMail } from './portal-mail.ts';
import type { SecretName } from './portal-secrets.ts';
import { tableAccessStatements, TABLE_ACCESS } from './table-access.ts';
import { prebuiltCatalogText, writeCatalogCommand } from './write-catalog.ts';

/** Where Lambda unpacks the bundle. */
export const LAMBDA_TASK_ROOT = '/var/task';

/** Where in the bundle those pages are (PAGES_DIR). */
export const PAGES_DIR_NAME = 'pages';

/**
 * esbuild's export conditions for the bundles. `prebuilt-catalog` picks the loader that reads catalog.json
 * (functions/catalog/package.json); naming any condition drops esbuild's implicit `module`, so it is named too.
 */
export const BUNDLE_CONDITIONS = ['module', 'prebuilt-catalog'] as const;

/** Modules the bundles replace with smaller ones, relative to the project root; each module says why it is safe. */
export const BUNDLE_ALIASES = {
  '@aws-sdk/credential-provider-node': './infra/aws/lambda-credentials.ts',
  '@smithy/core/event-streams': './infra/aws/no-event-streams.ts',
  '@aws-sdk/endpoint-cache': './infra/aws/endpoint-cache.ts',
} as const;

export interface PortalFunctionProps {
  handler: HandlerName;
  /** Settings without a permission attached. Anything that needs a grant goes through a bind method. */
  environment?: Record<string, string>;
  /** 10 seconds unless the handler works through a list. */
  timeout?: Duration;
  /** The built site, for a handler that answers browsers without JavaScript with the site's own pages. */
  sitePagesFrom?: string;
}

/**
 * One handler from `infra/wiring.ts`, bundled as ESM with its SDK clients and the editor content it reads at
 * cold start. Whatever sets an environment variable that names a resource also grants access to it.
 */
export class PortalFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: PortalFunctionProps) {
    const wiring = HANDLERS[props.handler];
    const readsCatalog = !('readsCatalog' in wiring && wiring.readsCatalog === false);
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH });
    // An own role instead of AWSLambdaBasicExecutionRole, whose log permissions apply to every log group ("*").
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: wiring.description });
    logGroup.grantWrite(role);
    super(scope, id, {
      entry: join(REPOSITORY_ROOT, wiring.entry),
      handler: 'handler',
      description: wiring.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: props.timeout ?? Duration.seconds(10),
      logGroup,
      role,
      projectRoot: REPOSITORY_ROOT,
      depsLockFilePath: join(REPOSITORY_ROOT, 'package-lock.json'),
      environment: {
        ...props.environment,
        // Set here, last, because the bundling below is what puts the content (and the pages) there.
        ...(readsCatalog ? { CATALOG_DIR: `${LAMBDA_TASK_ROOT}/${CATALOG_DIR_NAME}` } : {}),
        ...(props.sitePagesFrom ? { PAGES_DIR: `${LAMBDA_TASK_ROOT}/${PAGES_DIR_NAME}` } : {}),
      },
      bundling: {
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        // File names and lines are enough for stack traces; embedded sources nearly triple the source map.
        sourcesContent: false,
        // Stack traces through the source map, read on the first stack that needs it rather than at every cold start
        // as --enable-source-maps would (lazy-source-maps.ts).
        inject: [LAZY_SOURCE_MAPS],
        // Bundled CommonJS dependencies call require(), which an ES module does not have.
        banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        // Ship the SDK clients we test against, not whichever version the Lambda runtime happens to include.
        externalModules: [],
        esbuildArgs: {
          '--conditions': BUNDLE_CONDITIONS.join(','),
          '--alias': Object.entries(BUNDLE_ALIASES).map(([name, replacement]) => `${name}=${replacement}`),
        },
        forceDockerBundling: false,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir, outputDir) => [
            // The catalog (services, teams, routing, contact) as one catalog.json; the YAML, the articles and the notices
            // stay out (those are for the website).
            ...(readsCatalog ? [writeCatalogCommand(catalogTextFor(scope), join(outputDir, CATALOG_DIR_NAME))] : []),
            ...(props.sitePagesFrom ? [copySitePagesCommand(props.sitePagesFrom, join(outputDir, PAGES_DIR_NAME))] : []),
          ],
        },
      },
    });
  }

  /**
   * Points TABLE_NAME at the reports table and grants the calls this handler's adapters make, on the kinds of items
   * and the indexes they make them on (table-access.ts), nothing more.
   */
  bindReportTable(table: ITableV2, handler: HandlerName): void {
    this.addEnvironment('TABLE_NAME', table.tableName);
    for (const statement of tableAccessStatements(table, TABLE_ACCESS[handler])) this.addToRolePolicy(statement);
  }

  /**
   * Sets the variable to the secret's value. CloudFormation puts the value in at deploy (a dynamic reference,
   * `{{resolve:secretsmanager:…}}`), so the role needs no secretsmanager:GetSecretValue and a cold start no call.
   * The price: whoever may read this function's configuration (lambda:GetFunctionConfiguration) sees the value,
   * as whoever may read the distribution's sees the origin header; Lambda keeps it encrypted at rest. The handlers'
   * contract (functions/adapters/config.ts) takes the value itself from the environment.
   */
  bindSecret(secrets: Record<SecretName, ISecret>, name: SecretName): void {
    this.addEnvironment(name, secrets[name].secretValue.unsafeUnwrap());
  }

  /**
   * Sets the sender address and both configuration sets, and allows SendRawEmail (the mailer sends whole MIME
   * messages, to carry headers of its own) from that address only (ses:FromAddress), through that identity and
   * those sets only: SES authorizes a send against the identity and against the set the request names.
   */
  bindMailSender(mail: PortalMail, from: string): void {
    this.addEnvironment('MAIL_FROM', from);
    this.addEnvironment('MAIL_CONFIGURATION_SET', mail.teamMail.configurationSetName);
    this.addEnvironment('RECEIPT_CONFIGURATION_SET', mail.receipts.configurationSetName);
    const stack = Stack.of(this);
    const arnOf = (set: IConfigurationSet) => stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: set.configurationSetName });
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendRawEmail'],
        resources: [mail.identity.emailIdentityArn, arnOf(mail.teamMail), arnOf(mail.receipts)],
        conditions: { StringEquals: { 'ses:FromAddress': from } },
      }),
    );
  }
}

/**
 * The same catalog.json for every function of a stack, made once per stack: CDK asks each function's hook for its
 * commands at every synth, bundled or not, twice (for Docker and for local bundling).
 */
/** Injected into every bundle: stack traces through the source map without --enable-source-maps's cost at cold start. */
const LAZY_SOURCE_MAPS = join(REPOSITORY_ROOT, 'infra', 'aws', 'lazy-source-maps.ts');

const catalogTexts = new WeakMap<Stack, string>();
function catalogTextFor(scope: Construct): string {
  const stack = Stack.of(scope);
  const text = catalogTexts.get(stack) ?? prebuiltCatalogText(join(REPOSITORY_ROOT, CATALOG_DIR_NAME));
  catalogTexts.set(stack, text);
  return text;
}
