import { isString, objectOf, oneOf } from '../../vocabulary/json-guards.ts';

/**
 * POST /api/notices/abonnement with JSON (handlers/subscribe-notices.ts): 202 with what to do next, the same whether
 * the confirmation e-mail went out or was held back by a cap, so the answer tells nobody whether an address is known;
 * or an error answer (errors.ts), 429 when asked too often. The page's script is
 * site/src/pages/driftsmeldinger/abonner/_subscribe.ts.
 */
export { SUBSCRIBE_ROUTE } from '../../core/subscription-paths.ts';

export interface SubscribeAnswer {
  status: 'sent';
  message: string;
}

export const isSubscribeAnswer = objectOf<SubscribeAnswer>({ status: oneOf(['sent']), message: isString });
