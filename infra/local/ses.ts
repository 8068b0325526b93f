import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { closeServer } from './servers.ts';

// A CommonJS module whose `exports.default` ESM loaders disagree about (Node vs Vite): take it as CommonJS.
const sesEmulator = createRequire(import.meta.url)('aws-ses-v2-local') as typeof import('aws-ses-v2-local');

export interface LocalSes {
  /** Where the SES client sends (the SES API) and where a person reads the mail (the mailbox page). */
  endpoint: string;
  stop(): Promise<void>;
  /** Starts it again on the same port after `stop()`; what was sent before is kept (the store lives in memory). */
  restart(): Promise<void>;
}

/** aws-ses-v2-local: speaks the SES API and shows what was sent on its own page; `/store` returns it as JSON. */
export async function startLocalSes(options: { host: string; port: number }): Promise<LocalSes> {
  let server = await listenSes(options.host, options.port);
  const port = (server.address() as AddressInfo).port;
  let running = true;
  return {
    endpoint: `http://${options.host}:${port}`,
    async stop() {
      if (running) await closeServer(server);
      running = false;
    },
    async restart() {
      if (running) return;
      server = await listenSes(options.host, port);
      running = true;
    },
  };
}

async function listenSes(host: string, port: number): Promise<Server> {
  // The emulator resolves even when listening failed (Express 5 hands the error to its callback), so check.
  const server: Server = await sesEmulator.default({ host, port });
  if (!server.listening) {
    throw new Error(`Fikk ikke startet SES-emulatoren på ${host}:${port}. Porten er trolig opptatt: velg en annen med SES_PORT.`);
  }
  return server;
}
