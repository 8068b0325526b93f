import type { PublishedNotices } from '../core/affected-sites.ts';
import { parseNoticesDocument } from '../core/notices-document.ts';
import type { NoticesDocument } from '../core/notices-document.ts';
import type { NoticesObjectSource } from './notices-object.ts';

/** A notice published a minute ago must count: the document is read again after this long. */
const FRESH_FOR_MS = 30_000;

/**
 * The notices as published (core/notice-paths.ts NOTICES_DOCUMENT_PATH), read where publishing writes them without
 * a deploy — the site's bucket in AWS, the local site directory locally — by the announcer's own reader
 * (adapters/notices-object.ts). Read again when older than 30 s; a document that is not valid is an error.
 */
export function createPublishedNotices(source: NoticesObjectSource, bucket: string, key: string, now: () => number = Date.now): PublishedNotices {
  let cached: { document: NoticesDocument; at: number } | undefined;
  return {
    async find(id) {
      if (!cached || now() - cached.at > FRESH_FOR_MS) {
        const parsed = parseNoticesDocument(JSON.parse(await source.read(bucket, key)));
        if (!parsed.ok) throw new Error(`The published notices document is not valid: ${parsed.problems.join('; ')}`);
        cached = { document: parsed.document, at: now() };
      }
      return cached.document.notices.find((notice) => notice.id === id);
    },
  };
}
