import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, GraphWidget, TreatMissingData, type Dashboard } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { NOTICE_MAIL_QUEUE, noticeMailsPerSender, NOTICES_PUBLICATION } from '../wiring.ts';
import type { PortalFunction } from './portal-function.ts';

export interface NoticeMailProps {
  /** The site's bucket, where publishing writes the notices document. */
  siteBucket: IBucket;
  announcer: PortalFunction;
  sender: PortalFunction;
}

/**
 * Announcing notices by e-mail: the site bucket's notification when the notices document is written starts the
 * announcer, which reads the object and fills the queue; the sender drains it, at most NOTICE_MAIL_QUEUE.maxConcurrency
 * at once, each paced to its share of the send rate, reporting partial batch failures. A message that keeps failing
 * lands in the dead-letter queue, which raises an alarm. Each variable set here is granted here.
 */
export class NoticeMail extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  private readonly siteBucket: IBucket;

  constructor(scope: Construct, id: string, props: NoticeMailProps) {
    super(scope, id);
    this.siteBucket = props.siteBucket;
    this.deadLetters = new Queue(this, 'DeadLetters', { enforceSSL: true, encryption: QueueEncryption.SQS_MANAGED, retentionPeriod: Duration.days(14) });
    this.queue = new Queue(this, 'Queue', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      // AWS's advice: six times the consumer's timeout, so a slow batch is not handed to a second sender meanwhile.
      visibilityTimeout: Duration.seconds(NOTICE_MAIL_QUEUE.timeoutSeconds * 6),
      // A notice older than a day is news no longer.
      retentionPeriod: Duration.days(1),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: NOTICE_MAIL_QUEUE.maxReceiveCount },
    });

    // The announcer: started by the document's creation, reads that one object, sends to the queue.
    props.siteBucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(props.announcer), {
      prefix: NOTICES_PUBLICATION.objectKey,
      suffix: '.json',
    });
    // That one object, nothing else in the bucket (grantRead would allow listing and every GetObject* action).
    props.announcer.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [props.siteBucket.arnForObjects(NOTICES_PUBLICATION.objectKey)] }),
    );
    props.announcer.addEnvironment('NOTICE_MAIL_QUEUE_URL', this.queue.queueUrl);
    this.queue.grantSendMessages(props.announcer);

    // The sender: its share of the fleet's send rate, and the queue as its event source.
    props.sender.addEnvironment('NOTICE_MAILS_PER_SECOND', String(noticeMailsPerSender()));
    props.sender.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: NOTICE_MAIL_QUEUE.batchSize,
        maxConcurrency: NOTICE_MAIL_QUEUE.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
  }

  /** A function that reads the published notices document (SITE_BUCKET_NAME): that one object, as the announcer reads it. */
  grantDocumentRead(fn: PortalFunction): void {
    fn.addEnvironment('SITE_BUCKET_NAME', this.siteBucket.bucketName);
    fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [this.siteBucket.arnForObjects(NOTICES_PUBLICATION.objectKey)] }));
  }

  addAlarms(topic: ITopic, dashboard: Dashboard): Alarm[] {
    const period = Duration.minutes(1);
    const metric = this.deadLetters.metricApproximateNumberOfMessagesVisible({ period });
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Driftsmeldinger på e-post: ikke sendt',
        left: [metric, this.queue.metricApproximateNumberOfMessagesVisible({ period })],
        width: 24,
      }),
    );
    const alarm = new Alarm(this, 'DeadLettersAlarm', {
      alarmDescription: 'Driftsmeldinger på e-post som ikke ble sendt etter flere forsøk ligger i feilkøen (se loggen til sendNoticeMail).',
      metric,
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    return [alarm];
  }
}
