import type { Server } from 'node:http';

export function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE' ? new Error(`Porten ${host}:${port} er opptatt. Velg en annen med miljøvariabelen for porten.`, { cause: error }) : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** The port a listening server got (0 asks for a free one); a server on a pipe or not listening has none. */
export function portOf(server: Pick<Server, 'address'>): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`Tjeneren lytter ikke på en TCP-port (${String(address)}).`);
  return address.port;
}
