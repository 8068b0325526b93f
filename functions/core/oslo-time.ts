/**
 * A moment as people in Norway read it, wherever the portal writes one: «30. november 2026 kl. 17:04» (bokmål, Oslo
 * time). The e-mails, the pages the API fills in, the status page's script, the notice feeds and the statistics all
 * write times with this, so a time reads the same in each. No dependencies: the site's scripts run it in the browser.
 */

/** Made on first use: a process's first Intl formatter costs about 20 ms (ICU starting up), which a Lambda whose events never show a time should not pay at cold start. */
let osloTime: Intl.DateTimeFormat | undefined;

export function formatOsloTime(at: string | Date): string {
  osloTime ??= new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });
  return osloTime.format(new Date(at));
}
