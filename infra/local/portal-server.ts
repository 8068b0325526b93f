import { createServer, type Server } from 'node:http';
import { SECURITY_HEADERS } from '../security-headers.ts';
import { closeServer, listen, portOf } from './servers.ts';
import type { LocalStack } from './stack.ts';
import { serveStatic } from './static-site.ts';

/** One origin for site and API, as CloudFront gives in AWS: `/api/*` goes to the API, the rest is the built site. */
export async function startPortalServer(options: {
  host: string;
  port: number;
  siteDir: string;
  stack: LocalStack;
}): Promise<{ url: string; server: Server; stop(): Promise<void> }> {
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const work = path === '/api' || path.startsWith('/api/') ? options.stack.handleApi(request, response) : serveStatic(request, response, options.siteDir);
    work.catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Intern feil');
    });
  });
  await listen(server, options.host, options.port);
  const port = portOf(server);
  return { url: `http://localhost:${port}`, server, stop: () => closeServer(server) };
}
