/** The words around the content (menus, headings, buttons): bokmål first, English for articles written in English. */
export type Language = 'nb' | 'en';

const nb = {
  siteName: 'Serviceportal',
  skipLink: 'Hopp til innholdet',
  mainMenu: 'Hovedmeny',
  articles: 'Artikler',
  services: 'Tjenester',
  notices: 'Driftsmeldinger',
  contact: 'Kontakt',
  report: 'Meld feil',
  search: 'Søk',
  call: 'Ring',
  searchLabel: 'Søk i artikler og driftsmeldinger',
  urgentFooter: 'Haster det? Ring Servicedesk på',
  urgentFooterEnd: 'hele døgnet.',
  onThisPage: 'På denne siden',
  updated: 'Sist oppdatert',
  related: 'Les også',
  reportThisService: 'Meld feil i denne tjenesten',
  reportService: 'Meld feil i',
  openForm: 'Åpne skjemaet',
  writtenFor: 'Skrevet for',
  audience: { everyone: 'alle', operators: 'operatører', technicians: 'teknikere', managers: 'ledere' },
};

const en: typeof nb = {
  siteName: 'Service portal',
  skipLink: 'Skip to content',
  mainMenu: 'Main menu',
  articles: 'Articles',
  services: 'Services',
  notices: 'Service notices',
  contact: 'Contact',
  report: 'Report a fault',
  search: 'Search',
  call: 'Call',
  searchLabel: 'Search articles and service notices',
  urgentFooter: 'Urgent? Phone the Service Desk on',
  urgentFooterEnd: 'around the clock.',
  onThisPage: 'On this page',
  updated: 'Last updated',
  related: 'Related articles',
  reportThisService: 'Report a fault in this service',
  reportService: 'Report a fault in',
  openForm: 'Open the form',
  writtenFor: 'Written for',
  audience: { everyone: 'everyone', operators: 'operators', technicians: 'technicians', managers: 'managers' },
};

export const WORDS = { nb, en } as const;

export function words(language: Language) {
  return WORDS[language];
}

// One formatter per kind: creating an Intl.DateTimeFormat costs far more than formatting, and every article page formats a date.
const dateFormats: Record<Language, Intl.DateTimeFormat> = {
  nb: new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeZone: 'Europe/Oslo' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Oslo' }),
};

export function formatDate(date: Date, language: Language): string {
  return dateFormats[language].format(date);
}
