/**
 * The site's pages that the functions and the e-mails link to, and the API's own pages for browsers without
 * JavaScript (the site builds them with a placeholder where each value goes; the API fills them in): written
 * once, here, for the site, the functions and the CDK app.
 */

export const FORM_PATH = '/meld-feil/';
export const RECEIPT_PATH = '/meld-feil/kvittering/';
export const STATUS_PAGE_PATH = '/meld-feil/status/';

/**
 * The status page a reporter follows with JavaScript, with the secret that lets them see it. Both travel in the
 * fragment, which the browser never sends: the secret stays out of every server's and CloudFront's logs. The page
 * reads them (statusLinkOf) and sends the secret to the API in STATUS_TOKEN_HEADER.
 */
export function statusPath(reference: string, statusToken: string): string {
  return `${STATUS_PAGE_PATH}#${new URLSearchParams({ referanse: reference, token: statusToken })}`;
}

/** The reference and secret of a status link, from its fragment (`#referanse=…&token=…`); empty when missing. */
export function statusLinkOf(fragment: string): { reference: string; token: string } {
  const values = new URLSearchParams(fragment.replace(/^#/, ''));
  return { reference: values.get('referanse') ?? '', token: values.get('token') ?? '' };
}

/** The request header that carries a status link's secret to the API: never the query string, which is logged. */
export const STATUS_TOKEN_HEADER = 'x-status-token';

/** The API route of the receipt and status it draws itself, for a browser without JavaScript (a static page cannot be filled in without a script). */
export const SERVER_RECEIPT_ROUTE = '/api/reports/{reference}/kvittering';

/**
 * Without JavaScript there is no header to send: the form post's answer sets the secret in a cookie scoped to this
 * one receipt's address (HttpOnly, Secure, SameSite=Strict), and the address itself carries no secret.
 */
export function serverReceiptPath(reference: string): string {
  return SERVER_RECEIPT_ROUTE.replace('{reference}', encodeURIComponent(reference));
}

export const RECEIPT_COOKIE = 'statuskode';

/**
 * «Be om eskalering» from the status page's script: a POST with the secret in STATUS_TOKEN_HEADER, answered in JSON.
 */
export const ESCALATION_ROUTE = '/api/reports/{reference}/eskalering';
export const escalationPath = (reference: string) => ESCALATION_ROUTE.replace('{reference}', encodeURIComponent(reference));

/**
 * The same from the receipt without JavaScript: a form post. It lives under the receipt's address because the
 * receipt's cookie (the secret) is scoped to that address and the paths below it, so no other address ever gets it.
 */
export const RECEIPT_ESCALATION_ROUTE = `${SERVER_RECEIPT_ROUTE}/eskalering` as const;
export const receiptEscalationPath = (reference: string) => `${serverReceiptPath(reference)}/eskalering`;

/** The pages the site builds for the API to fill in (functions/http/form-pages.ts), under the built site. */
export const PAGE_TEMPLATE_PATHS = {
  /** The receipt, which is also the status page a reporter without JavaScript keeps. */
  receipt: '/meld-feil/mal/kvittering/',
  /** The answers cannot be taken as they are: what to correct, question by question. */
  problems: '/meld-feil/mal/ikke-sendt/',
  /** The API cannot take the report just now: send it again in a while. */
  tryAgain: '/meld-feil/mal/prov-igjen/',
  /** The receipt cannot be shown: a wrong or expired link, or the table not answering. */
  statusProblem: '/meld-feil/mal/status-ukjent/',
  /** A link from the desk's e-mail, opened: what it will do, and the button that does it (a GET changes nothing). */
  deskAction: '/meld-feil/mal/handling/',
  /** The link's move is made. */
  deskActionDone: '/meld-feil/mal/handling-utfort/',
  /** The link cannot be used: used already, expired, altered, or the report's state does not allow the move. */
  deskActionRefused: '/meld-feil/mal/handling-avvist/',
  /**
   * Notice subscriptions (handlers/subscribe-notices.ts): what happened (the link is sent, the subscription is
   * stored or ended, or why not), under a heading the API fills in.
   */
  subscriptionMessage: '/driftsmeldinger/mal/abonnement-melding/',
  /** A link from a subscription e-mail, opened: what its button will do (confirm, or unsubscribe). A GET changes nothing. */
  subscriptionConfirm: '/driftsmeldinger/mal/abonnement-bekreft/',
} as const;
export type TemplateName = keyof typeof PAGE_TEMPLATE_PATHS;
export type PageTemplates = Partial<Record<TemplateName, string>>;

/** The placeholders, as the site writes them into those pages. */
export const SLOTS = {
  reference: '{{referanse}}',
  /** The address of this same page, for the reporter to keep: it shows where the report is. */
  statusLink: '{{lenke}}',
  service: '{{tjeneste}}',
  received: '{{mottatt}}',
  state: '{{hvor}}',
  priority: '{{prioritet}}',
  meaning: '{{betyr}}',
  response: '{{svar}}',
  /** What went wrong, in a sentence. */
  message: '{{melding}}',
  /** HTML: the error summary's list of problems. */
  problems: '{{feil}}',
  /** HTML: the case's timeline, an ordered list of what has happened to it (functions/http/form-pages.ts). */
  timeline: '{{historikk}}',
  /** What a desk's action link will do, or did, in a sentence. */
  deskAction: '{{handling}}',
  /** The confirmation's button: the action in a word or three. */
  deskActionButton: '{{knapp}}',
  /** The address the confirmation posts to. */
  deskActionForm: '{{skjema}}',
  /** The link's signed token, carried by the confirmation's form. */
  deskActionToken: '{{kode}}',
  /** HTML: «Be om eskalering» on the receipt: the button's form, from when it is possible, or when it was asked. */
  escalation: '{{eskalering}}',
  /** The heading (and title) of a subscription page. */
  subscriptionHeading: '{{overskrift}}',
  /** The address a subscription page's form posts to (with the link's token in its query). */
  subscriptionForm: '{{skjemaadresse}}',
  /** The link's token, carried by that form. */
  subscriptionToken: '{{abonnementskode}}',
  /** That form's button. */
  subscriptionButton: '{{knappetekst}}',
  /** Whether the message is good news (`success`) or not (`warning`): the alert's colour. */
  subscriptionTone: '{{tone}}',
} as const;
export type Slot = keyof typeof SLOTS;
