import type { Server } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';
import { closeServer, listen, portOf } from './servers.ts';

/**
 * dynalite in a thread of its own (see dynalite-thread.ts). Answers each command from the parent with one
 * message: `{ ok: true, port }` or `{ ok: false, message }`.
 */
export interface DynaliteWorkerData {
  path: string;
  host: string;
}
export type DynaliteCommand = 'open' | 'close';
export type DynaliteReply = { ok: true; port: number } | { ok: false; message: string };

const { path, host } = workerData as DynaliteWorkerData;

// An operation still running when `close` shuts LevelDB fails with this, and dynalite throws that from a callback
// (`if (err) throw err` in its request handler), which would end the thread and every later restart with it. The
// request's connection is closed with the server, so its client sees the outage it is. Anything else still ends
// the thread. (Unhandled rejections reach this listener too: Node raises them as uncaught exceptions.)
const CLOSED_DURING_OPERATION = 'Database is closed';
process.on('uncaughtException', (error) => {
  if (error.message === CLOSED_DURING_OPERATION) return;
  throw error;
});
let server: Server | undefined;
let port = 0;

async function open(): Promise<void> {
  const opened = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await listen(opened, host, port);
  server = opened;
  port = portOf(opened);
}

async function close(): Promise<void> {
  if (server) await closeServer(server);
  server = undefined;
}

parentPort?.on('message', (command: DynaliteCommand) => {
  (command === 'open' ? open() : close()).then(
    () => parentPort?.postMessage({ ok: true, port } satisfies DynaliteReply),
    (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies DynaliteReply),
  );
});
