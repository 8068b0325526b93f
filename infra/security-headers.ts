/**
 * Response headers for every page, set by CloudFront in AWS and by the local server, so the site is tested
 * under the same Content-Security-Policy it runs with.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // Pagefind's search runs as WebAssembly; 'wasm-unsafe-eval' allows compiling it, and no JavaScript eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
} as const;
