import { randomUUID } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

export type Image = Record<string, AttributeValue>;
export type StreamEventName = 'INSERT' | 'MODIFY' | 'REMOVE';

let sequence = 0;

/** A record in the shape DynamoDB Streams hands to Lambda, for a table whose stream view type is NEW_IMAGE. */
export function streamRecord(options: { tableArn: string; region: string; eventName: StreamEventName; keys: Image; newImage?: Image }): DynamoDBRecord {
  sequence += 1;
  const size = JSON.stringify(options.keys).length + (options.newImage ? JSON.stringify(options.newImage).length : 0);
  return {
    eventID: randomUUID().replace(/-/g, ''),
    eventName: options.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: options.region,
    eventSourceARN: `${options.tableArn}/stream/local`,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      Keys: options.keys as never,
      ...(options.newImage ? { NewImage: options.newImage as never } : {}),
      SequenceNumber: String(sequence).padStart(21, '0'),
      SizeBytes: size,
      StreamViewType: 'NEW_IMAGE',
    },
  };
}

export function eventNameFor(oldImage: Image | undefined, newImage: Image | undefined): StreamEventName | undefined {
  if (!oldImage && newImage) return 'INSERT';
  if (oldImage && newImage) return 'MODIFY';
  if (oldImage && !newImage) return 'REMOVE';
  return undefined;
}
