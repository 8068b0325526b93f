import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startPortalServer } from './portal-server.ts';
import { readLocalSettings } from './settings.ts';
import { CASE_EVENTS_OUTBOX_FILE, startLocalStack } from './stack.ts';

/** `npm start`: the whole portal on this machine. The npm script builds the site first. */
const settings = readLocalSettings();
if (!existsSync(join(settings.siteDir, 'index.html'))) {
  console.error(`Fant ikke den bygde nettsiden i ${settings.siteDir}. Kjør «npm start» (som bygger først) eller «npm run build».`);
  process.exit(1);
}

const stack = await startLocalStack(settings);
const portal = await startPortalServer({ host: settings.host, port: settings.sitePort, siteDir: settings.siteDir, stack });

console.log(`
Serviceportalen kjører lokalt:
  Nettsiden og API-et:   ${portal.url}   (API under ${portal.url}/api)
  Postkasse (SES):       ${stack.sesEndpoint}   (e-post som er sendt; JSON på ${stack.sesEndpoint}/store)
  DynamoDB (dynalite):   ${stack.dynamodbEndpoint}   (tabell ${stack.tableName}, data i ${settings.dataDir})
  Sakshendelser:         ${join(settings.dataDir, CASE_EVENTS_OUTBOX_FILE)}${process.env.CASE_EVENTS_WEBHOOK_URL ? `   (og til ${process.env.CASE_EVENTS_WEBHOOK_URL})` : '   (sett CASE_EVENTS_WEBHOOK_URL for å få dem til en webhook også)'}
Stopp med Ctrl+C.
`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal} mottatt: stopper …`);
  await portal.stop();
  await stack.stop();
  console.log('Stoppet. Meldingene ligger fortsatt i tabellen til neste «npm start».');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
