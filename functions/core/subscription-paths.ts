/**
 * The API routes of notice subscriptions (handlers/subscribe-notices.ts), written once for the wiring, the site's
 * form, the e-mails and the tests. A link's token travels as `?kode=` (TOKEN_PARAMETER).
 */

/** The subscribe form posts here (a form post, or JSON from the page's script). */
export const SUBSCRIBE_ROUTE = '/api/notices/abonnement';
/** The confirmation link (GET: a page with «Bekreft abonnement»; POST: stores the subscription). */
export const CONFIRM_SUBSCRIPTION_ROUTE = '/api/notices/abonnement/bekreft';
/** The unsubscribe link of every notice e-mail (GET: a page with a button; POST, also RFC 8058 one-click: ends it). */
export const UNSUBSCRIBE_ROUTE = '/api/notices/abonnement/avslutt';
export const TOKEN_PARAMETER = 'kode';

/** The subscribe form's fields: the address, «Alle tjenester» or chosen ones (scope `all` or `chosen`), and the services. */
export const SUBSCRIBE_FIELDS = { email: 'epost', scope: 'omfang', services: 'tjeneste' } as const;
export const SCOPE_VALUES = { all: 'alle', chosen: 'valgte' } as const;
