import { join } from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { REPOSITORY_ROOT } from '../repository.ts';
import { REPORT_STREAM_SOURCE, type HandlerName } from '../wiring.ts';
import { CaseEvents } from './case-events.ts';
import { CONFIG_CONTEXT_KEY, DEFAULT_ENVIRONMENT, ENVIRONMENT_CONTEXT_KEY, readPortalConfig, type PortalConfig } from './config.ts';
import { createPortalApi, type PortalApi } from './portal-api.ts';
import { PortalFunction } from './portal-function.ts';
import { createPortalMail, type PortalMail } from './portal-mail.ts';
import { NoticeMail } from './notice-mail.ts';
import { NOTICE_MAIL_QUEUE } from '../wiring.ts';
import { PortalOperations } from './portal-operations.ts';
import { createPortalSecrets, type PortalSecrets } from './portal-secrets.ts';
import { assertSiteBuilt, PortalSite } from './portal-site.ts';
import { createReportTable } from './report-table.ts';
import { reportStreamSource } from './report-stream-source.ts';
import { scheduleHandlers } from './schedules.ts';
import { entriesOf } from '../../functions/vocabulary/records.ts';

export const DEFAULT_SITE_DIR = join(REPOSITORY_ROOT, 'site', 'dist');

export interface PortalStackProps extends StackProps {
  /** The built site to deploy; `site/dist` unless a test passes a small one. */
  siteDir?: string;
  /** The WAF web ACL for the distribution, from the edge stack in us-east-1 (portal-app.ts). */
  webAclArn: string;
}

/** The portal but its web ACL: site, API, the handlers, the reports table, secrets, mail and alarms, for one environment. */
export class PortalStack extends Stack {
  readonly config: PortalConfig;
  readonly functions: Record<HandlerName, PortalFunction>;
  readonly table: TableV2;
  readonly api: PortalApi;
  readonly site: PortalSite;
  readonly operations: PortalOperations;
  readonly mail: PortalMail;
  readonly secrets: PortalSecrets;
  readonly caseEvents: CaseEvents;
  readonly noticeMail: NoticeMail;

  constructor(scope: Construct, id: string, props: PortalStackProps) {
    super(scope, id, props);
    const environment = String(this.node.tryGetContext(ENVIRONMENT_CONTEXT_KEY) ?? DEFAULT_ENVIRONMENT);
    this.config = readPortalConfig(this.node.tryGetContext(CONFIG_CONTEXT_KEY), environment);
    const siteDir = props.siteDir ?? DEFAULT_SITE_DIR;
    assertSiteBuilt(siteDir);

    this.table = createReportTable(this, this.config.production);
    this.mail = createPortalMail(this, this.config.mailDomain);
    this.secrets = createPortalSecrets(this, this.config.production);
    this.functions = this.createFunctions(siteDir);
    const stream = reportStreamSource(this, this.table);
    this.functions[REPORT_STREAM_SOURCE.handler].addEventSource(stream.source);
    scheduleHandlers(this, this.functions);

    this.api = createPortalApi(this, this.functions);
    this.site = new PortalSite(this, 'Site', {
      siteDir,
      api: this.api.api,
      config: this.config,
      originVerifySecret: this.secrets.ORIGIN_VERIFY_SECRET,
      webAclArn: props.webAclArn,
    });
    this.operations = new PortalOperations(this, 'Operations', {
      alarmEmail: this.config.alarmEmail,
      functions: this.functions,
      api: this.api.api,
      deadLetters: stream.deadLetters,
      mail: this.mail,
    });
    this.caseEvents = new CaseEvents(this, 'CaseEvents', {
      table: this.table,
      publisher: this.functions.publishCaseEvents,
      webhookUrl: this.config.caseEventsWebhookUrl,
      production: this.config.production,
    });
    this.caseEvents.addAlarms(this.operations.topic, this.operations.dashboard);
    this.noticeMail = new NoticeMail(this, 'NoticeMail', {
      siteBucket: this.site.bucket,
      announcer: this.functions.announceNotices,
      sender: this.functions.sendNoticeMail,
    });
    this.noticeMail.addAlarms(this.operations.topic, this.operations.dashboard);
    this.noticeMail.grantDocumentRead(this.functions.reportAffected);

    // Set after the distribution exists. No cycle: the distribution needs only the API's address, not its routes
    // or their functions. The senders link to the site; submit refuses a post whose Origin is not the site's.
    for (const fn of [
      this.functions.submitReport,
      this.functions.routeReport,
      this.functions.sweepUnrouted,
      this.functions.publishCaseEvents,
      this.functions.subscribeNotices,
      this.functions.sendNoticeMail,
      this.functions.reportAffected,
    ]) {
      fn.addEnvironment('SITE_URL', this.siteUrl);
    }

    new CfnOutput(this, 'SiteUrl', { value: this.siteUrl, description: 'Adressen til portalen' });
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.site.distribution.distributionDomainName,
      description: 'CloudFront-navnet som eget domene skal peke på (CNAME/ALIAS)',
    });
    // Publishing notices without a deploy uploads into the bucket and clears the distribution's copy (DEPLOY.md §15).
    new CfnOutput(this, 'SiteBucketName', { value: this.site.bucket.bucketName, description: 'Bøtta med nettstedet: npm run publish:notices laster opp hit' });
    new CfnOutput(this, 'DistributionId', {
      value: this.site.distribution.distributionId,
      description: 'CloudFront-distribusjonen: tøm /driftsmeldinger/* etter publisering',
    });
    new CfnOutput(this, 'ApiUrl', { value: this.api.stage.url, description: 'API-et direkte; det svarer bare forespørsler som kom gjennom CloudFront' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'Tabellen med feilmeldingene' });
    this.mail.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${String(index + 1)}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: 'DKIM-post i DNS for avsenderdomenet; SES sender først når alle tre finnes',
      });
    });
  }

  /** Each handler with exactly the settings, secrets and permissions it needs; a new handler must be listed here. */
  private createFunctions(siteDir: string): Record<HandlerName, PortalFunction> {
    const submitReport = new PortalFunction(this, 'SubmitReport', {
      handler: 'submitReport',
      sitePagesFrom: siteDir,
      environment: { REFERENCE_PREFIX: this.config.referencePrefix, RETENTION_DAYS: String(this.config.retentionDays) },
    });
    // The API's handlers answer only what came through CloudFront; submit derives the status link it answers with.
    submitReport.bindSecret(this.secrets, 'ORIGIN_VERIFY_SECRET');
    submitReport.bindSecret(this.secrets, 'STATUS_TOKEN_KEY');

    // They read the report and mark it as routed. The sweeper routes what the stream gave up on. Both derive the
    // status link the receipt carries.
    const routeReport = new PortalFunction(this, 'RouteReport', { handler: 'routeReport' });
    const sweepUnrouted = new PortalFunction(this, 'SweepUnrouted', { handler: 'sweepUnrouted', timeout: Duration.minutes(2) });
    for (const sender of [routeReport, sweepUnrouted]) {
      sender.bindMailSender(this.mail, this.config.mailFrom);
      sender.bindSecret(this.secrets, 'STATUS_TOKEN_KEY');
      // Signs the action links in the desk's e-mail (core/action-links.ts).
      sender.bindSecret(this.secrets, 'ACTION_LINK_KEY');
    }

    // Compares the link's token with the hash stored with the report: no key needed.
    const reportStatus = new PortalFunction(this, 'ReportStatus', { handler: 'reportStatus', sitePagesFrom: siteDir });
    reportStatus.bindSecret(this.secrets, 'ORIGIN_VERIFY_SECRET');

    // The desk moving a report: checks its e-mail's action links and its case system's signed calls, and answers a
    // link's pages.
    const moveReport = new PortalFunction(this, 'MoveReport', { handler: 'moveReport', sitePagesFrom: siteDir });
    moveReport.bindSecret(this.secrets, 'ORIGIN_VERIFY_SECRET');
    moveReport.bindSecret(this.secrets, 'ACTION_LINK_KEY');
    moveReport.bindSecret(this.secrets, 'WEBHOOK_SIGNING_KEY');

    // Publishes each report's life to the case-event bus (CaseEvents grants it, below) and e-mails the reporter and
    // the escalation contact: a mail sender, with the status link the reporter's e-mail carries.
    const publishCaseEvents = new PortalFunction(this, 'PublishCaseEvents', { handler: 'publishCaseEvents' });
    publishCaseEvents.bindMailSender(this.mail, this.config.mailFrom);
    publishCaseEvents.bindSecret(this.secrets, 'STATUS_TOKEN_KEY');

    // Notice subscriptions: the form and the links' pages; signs the confirmation link it e-mails and checks both links.
    const subscribeNotices = new PortalFunction(this, 'SubscribeNotices', { handler: 'subscribeNotices', sitePagesFrom: siteDir });
    subscribeNotices.bindSecret(this.secrets, 'ORIGIN_VERIFY_SECRET');
    subscribeNotices.bindSecret(this.secrets, 'SUBSCRIPTION_KEY');
    subscribeNotices.bindMailSender(this.mail, this.config.mailFrom);
    // Announcing a published notices document, and sending its e-mails (the queue and the bucket: NoticeMail, below).
    const announceNotices = new PortalFunction(this, 'AnnounceNotices', { handler: 'announceNotices', timeout: Duration.minutes(1) });
    const sendNoticeMail = new PortalFunction(this, 'SendNoticeMail', {
      handler: 'sendNoticeMail',
      timeout: Duration.seconds(NOTICE_MAIL_QUEUE.timeoutSeconds),
    });
    sendNoticeMail.bindMailSender(this.mail, this.config.mailFrom);
    // Signs the unsubscribe link in every notice e-mail.
    sendNoticeMail.bindSecret(this.secrets, 'SUBSCRIPTION_KEY');

    // «Vi er også rammet»: answers its form's pages, reads the published notices (NoticeMail grants that one
    // object, below) and e-mails the desk's queue.
    const reportAffected = new PortalFunction(this, 'ReportAffected', {
      handler: 'reportAffected',
      sitePagesFrom: siteDir,
      environment: { RETENTION_DAYS: String(this.config.retentionDays) },
    });
    reportAffected.bindSecret(this.secrets, 'ORIGIN_VERIFY_SECRET');
    reportAffected.bindMailSender(this.mail, this.config.mailFrom);

    const functions = {
      submitReport,
      routeReport,
      reportStatus,
      sweepUnrouted,
      moveReport,
      publishCaseEvents,
      subscribeNotices,
      announceNotices,
      sendNoticeMail,
      reportAffected,
    };
    for (const [handler, fn] of entriesOf(functions)) fn.bindReportTable(this.table, handler);
    return functions;
  }

  /** The portal's address, which the router's e-mails link to. */
  get siteUrl(): string {
    return `https://${this.config.customDomain?.domainName ?? this.site.distribution.distributionDomainName}`;
  }
}
