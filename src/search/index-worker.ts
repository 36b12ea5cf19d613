// Entry point of the thread that builds the search index (see index-thread.ts): started before its
// documents are known, it reads ahead the shards an append will read (when asked); sent the documents, it
// says the index's stamp, plans the index, says so, and writes it when told to.
import { parentPort, workerData } from 'node:worker_threads';
import { indexInputs, planSearchIndex, type ReadAhead, readAheadForAppend } from './build-index.ts';
import type { IndexThreadMessage, IndexThreadOrder, IndexThreadStart } from './index-thread.ts';

const { outDir, options, readAhead } = workerData as IndexThreadStart;
const port = parentPort;
if (!port) throw new Error('index-worker.ts runs as a worker thread');
const send = (message: IndexThreadMessage) => port.postMessage(message);

// A failed read-ahead only means the plan reads the files itself.
const readingAhead: Promise<ReadAhead | undefined> =
  readAhead && options.cacheDir
    ? readAheadForAppend(outDir, options.cacheDir).catch(() => undefined)
    : Promise.resolve(undefined);

const unexpected = (order: IndexThreadOrder) =>
  send({ type: 'failed', error: { message: `search index thread: unexpected order ${order.type}` } });

port.once('message', async (order: IndexThreadOrder) => {
  if (order.type !== 'plan') return unexpected(order);
  try {
    const { docs, layout } = order;
    const inputs = await indexInputs(docs, layout);
    send({ type: 'stamped', stamp: inputs.stamp });
    const planned = await planSearchIndex(docs, outDir, {
      ...options,
      layout,
      inputs,
      readAhead: await readingAhead,
    });
    port.once('message', async (next: IndexThreadOrder) => {
      if (next.type !== 'write') return unexpected(next);
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
});

function describe(error: unknown): { message: string; stack?: string } {
  return error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
}
