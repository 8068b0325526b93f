/**
 * The site's pages that the functions and the e-mails link to, and the API's own pages for browsers without
 * JavaScript: written once, here.
 */

export const FORM_PATH = '/meld-feil/';
export const RECEIPT_PATH = '/meld-feil/kvittering/';
export const STATUS_PAGE_PATH = '/meld-feil/status/';

/** The status page a reporter follows with JavaScript, with the secret that lets them see it. */
export function statusPath(reference: string, statusToken: string): string {
  return `${STATUS_PAGE_PATH}?${new URLSearchParams({ referanse: reference, token: statusToken })}`;
}

/** The API route of the receipt and status it draws itself, for a browser without JavaScript (a static page cannot be filled in without a script). */
export const SERVER_RECEIPT_ROUTE = '/api/reports/{reference}/kvittering';

export function serverReceiptPath(reference: string, statusToken: string): string {
  return `${SERVER_RECEIPT_ROUTE.replace('{reference}', encodeURIComponent(reference))}?${new URLSearchParams({ token: statusToken })}`;
}

/** The pages the site builds for the API to fill in (functions/http/page-templates.ts), under the built site. */
export const PAGE_TEMPLATE_PATHS = {
  receipt: '/meld-feil/mal/kvittering/',
  problems: '/meld-feil/mal/ikke-sendt/',
} as const;
