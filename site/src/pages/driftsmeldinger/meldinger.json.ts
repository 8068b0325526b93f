import { noticesDocumentJson } from '../../../notices/templates.ts';
import { noticesDocument } from '../../lib/content.ts';

/** The published notices (core/notice-paths.ts NOTICES_DOCUMENT_PATH): the pages read it to stay current between builds. */
export async function GET() {
  return new Response(noticesDocumentJson(await noticesDocument()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
