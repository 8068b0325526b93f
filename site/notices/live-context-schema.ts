import * as z from 'zod/mini';
import { SERVICE_IDS } from '../../functions/core/service-ids.ts';
import type { NoticeRenderContext } from './render.ts';

/**
 * A page's render context (data-notice-context: render.ts noticeRenderContext), checked before the page script draws
 * a card or a notice's page with it. Apart from live-schema.ts: the report form draws only lines, which need none.
 */
export const liveContextSchema = z.object({
  serviceNames: z.partialRecord(z.enum(SERVICE_IDS), z.string()),
  phoneNumbers: z.array(z.string()),
  deskPhone: z.object({ number: z.string(), href: z.string() }),
});
true satisfies z.infer<typeof liveContextSchema> extends NoticeRenderContext ? true : false;
