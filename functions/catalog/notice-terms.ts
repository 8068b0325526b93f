// The notice words moved to functions/vocabulary/notice-terms.ts, which core and catalog both import. Only
// site/notices/lists.ts still reads them from here: point it there, then delete this file.
export { AFFECTABLE_SEVERITIES, type NoticePhase } from '../vocabulary/notice-terms.ts';
