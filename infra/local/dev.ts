import { join } from 'node:path';
import { dev } from 'astro';
import { readLocalSettings } from './settings.ts';
import { startLocalStack } from './stack.ts';
import { REPOSITORY_ROOT } from '../repository.ts';

/** `npm run dev`: Astro's dev server with hot reload of content/, and the same local API under /api. */
const settings = readLocalSettings();
const stack = await startLocalStack(settings);

const astro = await dev({
  root: join(REPOSITORY_ROOT, 'site'),
  server: { host: settings.host, port: settings.sitePort },
  vite: {
    plugins: [
      {
        name: 'serviceportal-local-api',
        configureServer(server) {
          server.middlewares.use((request, response, next) => {
            const path = (request.url ?? '/').split('?')[0] ?? '/';
            if (path !== '/api' && !path.startsWith('/api/')) return next();
            stack.handleApi(request, response).catch(next);
          });
        },
      },
    ],
  },
});

console.log(`
Utviklingsserver med hot reload: http://localhost:${astro.address.port}  (API under /api)
  Postkasse (SES):     ${stack.sesEndpoint}
  DynamoDB (dynalite): ${stack.dynamodbEndpoint}
Stopp med Ctrl+C.
`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await astro.stop();
  await stack.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
