// The notices document is what core reads, so it moved to functions/core/notices-document.ts. site/** still imports
// these from here: point those imports there, then delete this file.
export { NOTICES_DOCUMENT_FORMAT, noticesDocumentSchema, publishedNoticePhase, type NoticesDocument, type PublishedNotice } from '../core/notices-document.ts';
