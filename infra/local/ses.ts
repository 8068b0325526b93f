import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sesEmulator from 'aws-ses-v2-local';
import { closeServer } from './servers.ts';

export interface LocalSes {
  /** Where the SES client sends (the SES API) and where a person reads the mail (the mailbox page). */
  endpoint: string;
  stop(): Promise<void>;
}

/** aws-ses-v2-local: speaks the SES API and shows what was sent on its own page; `/store` returns it as JSON. */
export async function startLocalSes(options: { host: string; port: number }): Promise<LocalSes> {
  // The emulator resolves even when listening failed (Express 5 hands the error to its callback), so check.
  const server: Server = await sesEmulator.default({ host: options.host, port: options.port });
  if (!server.listening) {
    throw new Error(`Fikk ikke startet SES-emulatoren på ${options.host}:${options.port}. Porten er trolig opptatt: velg en annen med SES_PORT.`);
  }
  return {
    endpoint: `http://${options.host}:${(server.address() as AddressInfo).port}`,
    stop: () => closeServer(server),
  };
}
