// Entry point of the thread that builds the search index (see index-thread.ts): plans the index for the
// documents it was started with (under the inputs the calling thread computed), says so, and writes it
// when told to.
import { parentPort, workerData } from 'node:worker_threads';
import { planSearchIndex, type WriteSearchIndexOptions } from './build-index.ts';
import type { IndexThreadMessage } from './index-thread.ts';
import type { SearchDocument } from './types.ts';

const { docs, outDir, options } = workerData as {
  docs: SearchDocument[];
  outDir: string;
  options: WriteSearchIndexOptions;
};
const port = parentPort;
if (!port) throw new Error('index-worker.ts runs as a worker thread');
const send = (message: IndexThreadMessage) => port.postMessage(message);

try {
  const planned = await planSearchIndex(docs, outDir, options);
  port.once('message', async () => {
    try {
      send({ type: 'written', result: await planned.write() });
    } catch (error) {
      send({ type: 'failed', error: describe(error) });
    }
  });
  send({ type: 'planned' });
} catch (error) {
  send({ type: 'failed', error: describe(error) });
}

function describe(error: unknown): { message: string; stack?: string } {
  return error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
}
