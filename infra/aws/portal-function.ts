import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { REPOSITORY_ROOT } from '../repository.ts';
import { CATALOG_DIR_NAME, HANDLERS, type HandlerName } from '../wiring.ts';

/** Where Lambda unpacks the bundle. */
const LAMBDA_TASK_ROOT = '/var/task';

export interface PortalFunctionProps {
  handler: HandlerName;
  /** Settings without a permission attached. Anything that needs a grant goes through a bind method. */
  environment?: Record<string, string>;
}

/**
 * One handler from `infra/wiring.ts`, bundled as ESM with its SDK clients and the editor content it reads at
 * cold start. Whatever sets an environment variable that names a resource also grants access to it.
 */
export class PortalFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: PortalFunctionProps) {
    const wiring = HANDLERS[props.handler];
    super(scope, id, {
      entry: join(REPOSITORY_ROOT, wiring.entry),
      handler: 'handler',
      description: wiring.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(10),
      logGroup: new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH }),
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

  /** Points TABLE_NAME at the reports table and grants exactly the access asked for. */
  bindReportTable(table: ITableV2, access: 'readWrite' | 'read'): void {
    this.addEnvironment('TABLE_NAME', table.tableName);
    if (access === 'readWrite') table.grantReadWriteData(this);
    else table.grantReadData(this);
  }

  /** Sets the sender address and allows sending through that SES identity only. */
  bindMailSender(identity: IEmailIdentity, from: string): void {
    this.addEnvironment('MAIL_FROM', from);
    identity.grant(this, 'ses:SendEmail');
  }
}

/** Only what loadCatalog reads: the teams and the services, not the articles (those are for the website). */
function copyCatalogCommands(inputDir: string, outputDir: string): string[] {
  const source = join(inputDir, CATALOG_DIR_NAME);
  const target = join(outputDir, CATALOG_DIR_NAME);
  return [`mkdir -p "${target}"`, `cp "${source}/teams.yaml" "${target}/"`, `cp -R "${source}/services" "${target}/"`];
}
