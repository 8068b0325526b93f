import { isBoolean, isNumber, isString, objectOf } from '../../vocabulary/json-guards.ts';

/**
 * POST /api/notices/affected (handlers/report-affected.ts): «Vi er også rammet». 200 with the notice and how many
 * control rooms are now counted against it (`added` false when this one was already), or an error answer
 * (errors.ts). The page's script is site/src/scripts/affected.ts.
 */
export { AFFECTED_ROUTE } from '../../core/notice-paths.ts';

export interface AffectedAnswer {
  notice: { id: string; title: string };
  count: number;
  added: boolean;
}

export const isAffectedAnswer = objectOf<AffectedAnswer>({ notice: objectOf({ id: isString, title: isString }), count: isNumber, added: isBoolean });
