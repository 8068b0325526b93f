import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { NOTICES_DOCUMENT_FORMAT, type NoticesDocument, type PublishedNotice } from '../../functions/core/notices-document.ts';
import { NOTICES_DOCUMENT_KEY } from '../../functions/core/notice-paths.ts';
import { startPortalServer } from '../../infra/local/portal-server.ts';
import { GENEROUS_LIMITS } from '../../infra/local/settings.ts';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.ts';
import { SITE_DIR, temporaryDataDir } from './local-portal.ts';

export interface NoticesPortal {
  readonly stack: LocalStack;
  readonly url: string;
  /** Publishes a notices document into the folder that plays the site's bucket, as the publish script does. */
  publish(notices: PublishedNotice[], at?: Date): void;
}

/**
 * The local portal with a folder of its own playing the site's bucket for notices: a test publishes notices
 * documents there (written beside it, then renamed over it) and waits for `stack.noticesSettled()`.
 */
export function useNoticesPortal(): NoticesPortal {
  const data = temporaryDataDir();
  const bucket = temporaryDataDir();
  let stack: LocalStack | undefined;
  let url = '';
  let stopPortal: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    stack = await startLocalStack({
      host: '127.0.0.1',
      dynamodbPort: 0,
      sesPort: 0,
      dataDir: data.path,
      siteDir: SITE_DIR,
      noticesBucketDir: bucket.path,
      streamRetryDelayMs: 10,
      queueRetryDelayMs: 10,
      environment: { ...GENEROUS_LIMITS },
    });
    const portal = await startPortalServer({ host: '127.0.0.1', port: 0, siteDir: SITE_DIR, stack });
    url = portal.url.replace('localhost', '127.0.0.1');
    stopPortal = portal.stop;
  });
  afterAll(async () => {
    await stopPortal?.();
    await stack?.stop();
    data.remove();
    bucket.remove();
  });

  return {
    get stack() {
      if (!stack) throw new Error('The notices portal is not started yet (use it inside a test).');
      return stack;
    },
    get url() {
      return url;
    },
    publish(notices, at = new Date()) {
      const file = join(bucket.path, ...NOTICES_DOCUMENT_KEY.split('/'));
      mkdirSync(join(file, '..'), { recursive: true });
      const document: NoticesDocument = { format: NOTICES_DOCUMENT_FORMAT, publishedAt: at.toISOString(), notices };
      writeFileSync(`${file}.tmp`, JSON.stringify(document));
      renameSync(`${file}.tmp`, file);
    },
  };
}
