import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';

interface ViewerRequest {
  uri: string;
  querystring: Record<string, { value: string }>;
}

/** Runs the very file CloudFront gets, in a bare context as CloudFront Functions do. */
function directoryIndex(uri: string): ViewerRequest {
  const code = readFileSync(join(REPOSITORY_ROOT, 'infra/aws/directory-index.js'), 'utf8');
  const handler = runInNewContext(`${code}\nhandler;`) as (event: { request: ViewerRequest }) => ViewerRequest;
  return handler({ request: { uri, querystring: { referanse: { value: 'HDO-2026-000123' } } } });
}

describe('the directory-index viewer-request function', () => {
  it.each([
    ['/', '/index.html'],
    ['/artikler/x/', '/artikler/x/index.html'],
    ['/meld-feil/kvittering', '/meld-feil/kvittering/index.html'],
  ])('serves %s from %s', (uri, expected) => {
    const request = directoryIndex(uri);

    expect(request.uri).toBe(expected);
  });

  it.each(['/404.html', '/pagefind/pagefind.js', '/favicon.svg'])('leaves the file %s as it is', (uri) => {
    const request = directoryIndex(uri);

    expect(request.uri).toBe(uri);
  });

  it('keeps the query string', () => {
    const request = directoryIndex('/meld-feil/kvittering/');

    expect(request.querystring).toEqual({ referanse: { value: 'HDO-2026-000123' } });
  });
});
