import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { DynaliteCommand, DynaliteReply, DynaliteWorkerData } from './dynalite-worker.ts';

export interface DynaliteThread {
  port: number;
  /** Closes dynalite and its LevelDB; `open()` starts it again on the same port and data. */
  close(): Promise<void>;
  open(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs dynalite (HTTP parsing, validation, LevelDB) on a thread of its own, so that DynamoDB does not share an
 * event loop with the handlers that call it, as it does not in AWS.
 */
export async function startDynaliteThread(options: DynaliteWorkerData): Promise<DynaliteThread> {
  const worker = new Worker(new URL('./dynalite-worker.ts', import.meta.url), { workerData: options });
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`dynalite-tråden stoppet (kode ${code}).`)));
  });
  failed.catch(() => undefined);
  const command = async (name: DynaliteCommand): Promise<number> => {
    worker.postMessage(name);
    const [reply] = (await Promise.race([once(worker, 'message'), failed])) as [DynaliteReply];
    if (!reply.ok) throw new Error(reply.message);
    return reply.port;
  };

  const port = await command('open').catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  return {
    port,
    close: async () => {
      await command('close');
    },
    open: async () => {
      await command('open');
    },
    async stop() {
      await command('close').catch(() => undefined);
      await worker.terminate();
    },
  };
}
