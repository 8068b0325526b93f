import { appendFile } from 'node:fs/promises';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

export interface EventSourceOptions {
  handler: StreamHandler;
  eventNames: readonly string[];
  /** Only records whose key attribute starts with this reach the handler, as the AWS filter criteria say. */
  keyPrefix: { attribute: string; prefix: string };
  batchSize: number;
  retryAttempts: number;
  /** Records that still fail after every retry are appended here, as the dead-letter queue would keep them. */
  deadLetterFile: string;
  retryDelayMs?: number;
}

/**
 * Plays the Lambda event source mapping for a DynamoDB stream: batches records in order, honours partial batch
 * responses (retry from the first failed record), gives up after `retryAttempts` and keeps the record aside.
 */
export class StreamEventSource {
  private readonly queue: DynamoDBRecord[] = [];
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly options: Required<EventSourceOptions>;

  constructor(options: EventSourceOptions) {
    this.options = { retryDelayMs: 200, ...options };
  }

  push(record: DynamoDBRecord): void {
    if (this.stopped || !this.options.eventNames.includes(record.eventName ?? '')) return;
    const { attribute, prefix } = this.options.keyPrefix;
    if (!record.dynamodb?.Keys?.[attribute]?.S?.startsWith(prefix)) return;
    this.queue.push(record);
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Whether records are waiting or being handled. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Resolves once every record pushed so far has been handled (or set aside). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private async drain(): Promise<void> {
    let attempt = 0;
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, this.options.batchSize);
      const failedAt = await this.invoke(batch);
      if (failedAt === undefined) {
        this.queue.splice(0, batch.length);
        attempt = 0;
        continue;
      }
      this.queue.splice(0, failedAt);
      attempt += 1;
      if (attempt > this.options.retryAttempts || this.stopped) {
        const [dead] = this.queue.splice(0, 1);
        if (dead) await this.deadLetter(dead, attempt);
        attempt = 0;
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs * 2 ** (attempt - 1)));
    }
  }

  /** Returns the index of the first failed record, or undefined if the whole batch succeeded. */
  private async invoke(batch: DynamoDBRecord[]): Promise<number | undefined> {
    try {
      const response = await this.options.handler({ Records: batch });
      const failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
      if (failed.size === 0) return undefined;
      const index = batch.findIndex((record) => failed.has(record.dynamodb?.SequenceNumber ?? ''));
      return index === -1 ? 0 : index;
    } catch (error) {
      console.error('Strømbehandleren feilet for hele partiet:', error);
      return 0;
    }
  }

  private async deadLetter(record: DynamoDBRecord, attempts: number): Promise<void> {
    const entry = { at: new Date().toISOString(), attempts, sequenceNumber: record.dynamodb?.SequenceNumber, keys: record.dynamodb?.Keys };
    console.error(`Strømpost ${entry.sequenceNumber} ga opp etter ${attempts} forsøk; lagt i ${this.options.deadLetterFile}`);
    await appendFile(this.options.deadLetterFile, `${JSON.stringify(entry)}\n`);
  }
}
