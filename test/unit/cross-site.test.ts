import { describe, expect, it } from 'vitest';
import { isCrossSitePost, siteOriginsOf } from '../../functions/http/cross-site.ts';
import { cameThroughEdge, ORIGIN_VERIFY_HEADER } from '../../functions/http/origin-verify.ts';

const SITE = 'https://portal.hdo.example';
const origins = [SITE];

describe('isCrossSitePost: a post from another site’s page is refused', () => {
  it.each([
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }, false],
    ['Sec-Fetch-Site: none (typed by the user)', { 'sec-fetch-site': 'none' }, false],
    ['Sec-Fetch-Site: same-site (another host of the domain)', { 'sec-fetch-site': 'same-site' }, true],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }, true],
    ['Sec-Fetch-Site: cross-site, even with the portal’s Origin', { 'sec-fetch-site': 'cross-site', origin: SITE }, true],
    ['only Origin, the portal’s', { origin: SITE }, false],
    ['only Origin, another site', { origin: 'https://evil.example' }, true],
    ['only Origin: null (a sandboxed frame or a redirect)', { origin: 'null' }, true],
    ['neither header (a script, not a browser)', {}, false],
  ] as const)('%s → %s', (_case, headers, refused) => {
    expect(isCrossSitePost({ headers }, origins)).toBe(refused);
  });

  it('knows the site by its configured address and by the host the request was sent to', () => {
    expect(siteOriginsOf({ headers: { host: '127.0.0.1:4321', 'x-forwarded-proto': 'http' } }, SITE)).toEqual([SITE, 'http://127.0.0.1:4321']);
  });
});

describe('cameThroughEdge: only CloudFront knows the origin secret', () => {
  const secret = 's'.repeat(43);

  it.each([
    ['the right secret', { [ORIGIN_VERIFY_HEADER]: secret }, true],
    ['no header', {}, false],
    ['a wrong secret of the same length', { [ORIGIN_VERIFY_HEADER]: 't'.repeat(43) }, false],
    ['a prefix of the secret', { [ORIGIN_VERIFY_HEADER]: secret.slice(0, 10) }, false],
  ] as const)('%s → %s', (_case, headers, passes) => {
    expect(cameThroughEdge({ headers }, secret)).toBe(passes);
  });
});
