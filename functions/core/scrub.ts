/**
 * E-mail addresses taken out of technical text (error messages and stacks, SES's answers) before it is logged or
 * kept as a reason: SES names the recipient it refused («The following identities failed the check in region
 * EU-NORTH-1: kari@…»), and that may be a reporter. A local part, `@` (or its URL encoding), and a domain of
 * at least two labels; a path such as `node_modules/@aws-sdk/…` in a stack is no address and stays.
 */
const EMAIL_ADDRESS = /[\p{L}\p{N}._%+'-]+(?:@|%40)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** What stands where an address was. */
export const SCRUBBED_ADDRESS = '[e-postadresse]';

export function scrubEmailAddresses(text: string): string {
  return text.replace(EMAIL_ADDRESS, SCRUBBED_ADDRESS);
}
