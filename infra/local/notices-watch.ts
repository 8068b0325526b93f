import { createHash } from 'node:crypto';
import { readFile, unwatchFile, watchFile } from 'node:fs';
import { join } from 'node:path';
import type { S3Event } from 'aws-lambda';

export type PublicationHandler = (event: S3Event) => Promise<unknown>;

export interface NoticesWatch {
  /**
   * Announces the document as it is now if it changed since the last announcement, then resolves: what the watcher
   * would do on its next look, done at once, so a test that has just written the file can wait for the state.
   */
  settle(): Promise<void>;
  /** Stops watching and waits for an announcement in flight, which would otherwise meet a stopped stack. */
  stop(): Promise<void>;
}

/**
 * Plays the S3 notification on the site bucket: when the notices document in the local site directory changes
 * (written by the publish script, or by hand), the announcer gets the ObjectCreated event S3 would send. Polled
 * (fs.watchFile), since a publish replaces the file (a rename) and folders come and go with a site build, which
 * inotify watches lose track of; a change is recognised by the content's hash, so a rewrite of the same
 * document sends nothing, and the announcer's own markers make a repeat harmless anyway.
 */
export function watchNoticesDocument(options: {
  siteDir: string;
  objectKey: string;
  bucket: string;
  region: string;
  handler: PublicationHandler;
  intervalMs?: number;
}): NoticesWatch {
  const file = join(options.siteDir, ...options.objectKey.split('/'));
  let announcedHash: string | undefined;
  let running: Promise<void> = Promise.resolve();

  const contentHash = () =>
    new Promise<string | undefined>((resolve) => {
      readFile(file, (error, data) => resolve(error ? undefined : createHash('sha256').update(data).digest('hex')));
    });

  // One announcement at a time, in order, as each S3 notification is one invocation.
  const check = (): Promise<void> => {
    running = running.then(async () => {
      const hash = await contentHash();
      if (hash === undefined || hash === announcedHash) return;
      await options.handler(s3Event(options.bucket, options.objectKey, options.region, hash));
      announcedHash = hash;
    });
    return running.catch((error: unknown) => {
      console.error('Driftsmeldingene ble ikke kunngjort:', error);
    });
  };

  watchFile(file, { interval: options.intervalMs ?? 1000, persistent: false }, () => void check());
  // What is there at start is announced too: the markers send nothing twice, and what came while stopped goes out.
  void check();
  return {
    settle: check,
    stop: () => {
      unwatchFile(file);
      return running.catch(() => undefined);
    },
  };
}

function s3Event(bucket: string, key: string, region: string, etag: string): S3Event {
  const now = new Date().toISOString();
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: region,
        eventTime: now,
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'local' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'local', 'x-amz-id-2': 'local' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'notices-published',
          bucket: { name: bucket, ownerIdentity: { principalId: 'local' }, arn: `arn:aws:s3:::${bucket}` },
          object: { key: encodeURIComponent(key).replace(/%2F/g, '/'), size: 0, eTag: etag.slice(0, 32), sequencer: '0' },
        },
      },
    ],
  };
}
