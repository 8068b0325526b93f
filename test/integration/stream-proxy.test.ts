import { DeleteItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../infra/local/dynamodb.ts';
import { temporaryDataDir } from '../support/local-portal.ts';

/** The local DynamoDB stream (infra/local/dynamodb-stream-proxy.ts) under concurrent writes. */

const TABLE = 'stream-proxy-test';
const dataDir = temporaryDataDir();
let dynamo: LocalDynamo;
let records: DynamoDBRecord[] = [];

beforeAll(async () => {
  dynamo = await startLocalDynamo({
    host: '127.0.0.1',
    port: 0,
    region: 'eu-north-1',
    dataDir: dataDir.path,
    tableName: TABLE,
    onStreamRecord: (record) => records.push(record),
    streamFilter: { eventNames: ['INSERT', 'MODIFY', 'REMOVE'], keyPrefix: { attribute: 'pk', prefix: 'ITEM#' } },
  });
});

afterAll(async () => {
  await dynamo?.stop();
  dataDir.remove();
});

const key = (id: string) => ({ pk: { S: id }, sk: { S: 'x' } });
const addOne = (id: string) =>
  dynamo.client.send(
    new UpdateItemCommand({
      TableName: TABLE,
      Key: key(id),
      UpdateExpression: 'ADD #n :one',
      ExpressionAttributeNames: { '#n': 'n' },
      ExpressionAttributeValues: { ':one': { N: '1' } },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
const recordsFor = (id: string) => records.filter((record) => record.dynamodb?.Keys?.pk?.S === id);

describe('the local DynamoDB stream', () => {
  it('gives concurrent writes to one item one record each, in write order, and each client its own answer', async () => {
    // Arrange
    records = [];

    // Act
    const answers = await Promise.all(Array.from({ length: 20 }, () => addOne('ITEM#counter')));

    // Assert
    const counts = answers.map((answer) => Number(answer.Attributes?.n?.N)).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    const streamed = recordsFor('ITEM#counter');
    expect(streamed.map((record) => record.eventName)).toEqual(['INSERT', ...Array<string>(19).fill('MODIFY')]);
    expect(streamed.map((record) => Number(record.dynamodb?.NewImage?.n?.N))).toEqual(counts);
  });

  it('interleaves writes to different items and keeps each item in order', async () => {
    // Arrange
    records = [];
    const ids = ['ITEM#a', 'ITEM#b', 'ITEM#c'];

    // Act
    await Promise.all(ids.flatMap((id) => Array.from({ length: 10 }, () => addOne(id))));

    // Assert
    for (const id of ids) expect(recordsFor(id).map((record) => Number(record.dynamodb?.NewImage?.n?.N))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('answers PutItem and DeleteItem as asked although it reads the old item from them, and records INSERT, MODIFY, REMOVE', async () => {
    // Arrange
    records = [];
    const item = (version: string) => ({ ...key('ITEM#put'), version: { S: version } });

    // Act
    const inserted = await dynamo.client.send(new PutItemCommand({ TableName: TABLE, Item: item('1') }));
    const replaced = await dynamo.client.send(new PutItemCommand({ TableName: TABLE, Item: item('2') }));
    const replacedAskingOld = await dynamo.client.send(new PutItemCommand({ TableName: TABLE, Item: item('3'), ReturnValues: 'ALL_OLD' }));
    const deleted = await dynamo.client.send(new DeleteItemCommand({ TableName: TABLE, Key: key('ITEM#put') }));
    const deletedAgain = await dynamo.client.send(new DeleteItemCommand({ TableName: TABLE, Key: key('ITEM#put') }));

    // Assert
    expect([inserted.Attributes, replaced.Attributes, deleted.Attributes, deletedAgain.Attributes]).toEqual([undefined, undefined, undefined, undefined]);
    expect(replacedAskingOld.Attributes).toEqual(item('2'));
    expect(recordsFor('ITEM#put').map((record) => [record.eventName, record.dynamodb?.NewImage?.version?.S])).toEqual([
      ['INSERT', '1'],
      ['MODIFY', '2'],
      ['MODIFY', '3'],
      ['REMOVE', undefined],
    ]);
  });

  it('builds no record for a write the stream filter drops, and none for a failed conditional write', async () => {
    // Arrange
    records = [];

    // Act
    await addOne('OTHER#counter');
    const refused = await dynamo.client
      .send(new PutItemCommand({ TableName: TABLE, Item: { ...key('ITEM#counter'), n: { N: '0' } }, ConditionExpression: 'attribute_not_exists(pk)' }))
      .then(
        () => 'stored',
        (error: Error) => error.name,
      );

    // Assert
    expect(refused).toBe('ConditionalCheckFailedException');
    expect(records).toEqual([]);
  });
});
