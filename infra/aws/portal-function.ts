import { join } from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { REPOSITORY_ROOT } from '../repository.ts';
import { CATALOG_DIR_NAME, HANDLERS, type HandlerName } from '../wiring.ts';
import type { PortalMail } from './portal-mail.ts';
import { REPORT_TABLE_INDEXES } from '../../functions/adapters/report-table.ts';

/** What the adapters call, and nothing else: no scans or batch operations. */
const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:Query'],
  readWrite: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  // Powertools idempotency deletes its in-progress record when the handler fails, so a retry can run.
  readWriteIdempotent: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
} as const;

/** Where Lambda unpacks the bundle. */
const LAMBDA_TASK_ROOT = '/var/task';

export interface PortalFunctionProps {
  handler: HandlerName;
  /** Settings without a permission attached. Anything that needs a grant goes through a bind method. */
  environment?: Record<string, string>;
  /** 10 seconds unless the handler works through a list. */
  timeout?: Duration;
}

/**
 * One handler from `infra/wiring.ts`, bundled as ESM with its SDK clients and the editor content it reads at
 * cold start. Whatever sets an environment variable that names a resource also grants access to it.
 */
export class PortalFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: PortalFunctionProps) {
    const wiring = HANDLERS[props.handler];
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
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
        // Set here, last, because the bundling below is what puts the content there.
        CATALOG_DIR: `${LAMBDA_TASK_ROOT}/${CATALOG_DIR_NAME}`,
      },
      bundling: {
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        // File names and lines are enough for stack traces; embedded sources nearly triple the source map.
        sourcesContent: false,
        // Bundled CommonJS dependencies call require(), which an ES module does not have.
        banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        // Ship the SDK clients we test against, not whichever version the Lambda runtime happens to include.
        externalModules: [],
        forceDockerBundling: false,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => copyCatalogCommands(inputDir, outputDir),
        },
      },
    });
  }

  /** Points TABLE_NAME at the reports table and grants the store's calls on it and its indexes, nothing more. */
  bindReportTable(table: ITableV2, access: keyof typeof TABLE_ACTIONS): void {
    this.addEnvironment('TABLE_NAME', table.tableName);
    this.addToRolePolicy(
      new PolicyStatement({
        actions: [...TABLE_ACTIONS[access]],
        resources: [table.tableArn, ...REPORT_TABLE_INDEXES.map((index) => `${table.tableArn}/index/${index.indexName}`)],
      }),
    );
  }

  /**
   * Sets the sender address and configuration set, and allows SendEmail through that identity and set only:
   * SES authorizes a send against both when the request names a configuration set.
   */
  bindMailSender(mail: PortalMail, from: string): void {
    this.addEnvironment('MAIL_FROM', from);
    this.addEnvironment('MAIL_CONFIGURATION_SET', mail.configurationSet.configurationSetName);
    const stack = Stack.of(this);
    const configurationSetArn = stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: mail.configurationSet.configurationSetName });
    this.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: [mail.identity.emailIdentityArn, configurationSetArn] }));
  }
}

/**
 * Only what loadCatalog reads: the top-level YAML files (teams, routing, contact) and the services, not the
 * articles or notices (those are for the website).
 */
function copyCatalogCommands(inputDir: string, outputDir: string): string[] {
  const source = join(inputDir, CATALOG_DIR_NAME);
  const target = join(outputDir, CATALOG_DIR_NAME);
  return [`mkdir -p "${target}"`, `cp "${source}"/*.yaml "${target}/"`, `cp -R "${source}/services" "${target}/"`];
}
