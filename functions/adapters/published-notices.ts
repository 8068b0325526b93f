import { noticesDocumentSchema, type NoticesDocument } from '../catalog/notices-document.ts';
import type { PublishedNotices } from '../core/affected-sites.ts';
import { NOTICES_DOCUMENT_PATH } from '../core/notice-paths.ts';

/** A notice published a minute ago must count: the document is read again after this long. */
const FRESH_FOR_MS = 30_000;
const FETCH_TIMEOUT_MS = 3000;

/**
 * The notices as published, read from the site itself (NOTICES_DOCUMENT_PATH): the one place that always has the
 * latest document, since publishing writes it there without a deploy (scripts/publish-notices.ts). The same code
 * in both wirings — CloudFront in AWS, the local portal locally — so no bucket permission and no S3 client.
 */
export function createPublishedNotices(siteUrl: string, options: { fetch?: typeof fetch; now?: () => number } = {}): PublishedNotices {
  const get = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  let cached: { document: NoticesDocument; at: number } | undefined;
  return {
    async find(id) {
      if (!cached || now() - cached.at > FRESH_FOR_MS) {
        const response = await get(new URL(NOTICES_DOCUMENT_PATH, siteUrl), { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/json' } });
        if (!response.ok) throw new Error(`The notices document answered ${response.status}`);
        cached = { document: noticesDocumentSchema.parse(await response.json()), at: now() };
      }
      return cached.document.notices.find((notice) => notice.id === id);
    },
  };
}
