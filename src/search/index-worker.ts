// Entry point of the thread that builds the search index (see index-thread.ts): started before its
// documents are known, it reads ahead the shards an append will read (when asked); sent the documents, it
// says the index's stamp, plans the index (asking for paragraphs it was not sent), says so, and writes it
// when told to.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import {
  builderSourceHash,
  indexInputs,
  planSearchIndex,
  type ReadAhead,
  readAheadForAppend,
} from './build-index.ts';
import type {
  IndexThreadMessage,
  IndexThreadOrder,
  IndexThreadStart,
  ThreadDocument,
} from './index-thread.ts';
import type { SearchDocument } from './types.ts';

const { outDir, options, readAhead, startedAt } = workerData as IndexThreadStart;
const port = parentPort;
if (!port) throw new Error('index-worker.ts runs as a worker thread');
// With JIANBAO_TIMINGS=1, each step is printed in the main thread's time, as the command's steps are.
const timing = process.env.JIANBAO_TIMINGS
  ? (step: string) =>
      console.error(
        `[${Math.round(performance.timeOrigin + performance.now() - startedAt)} ms] index thread: ${step}`,
      )
  : () => {};
const send = (message: IndexThreadMessage) => {
  timing(message.type);
  port.postMessage(message);
};

// Hashed while the documents are still being prepared: the stamp is made of it.
builderSourceHash().catch(() => {}); // a failure surfaces when the stamp is computed
// A failed read-ahead only means the plan reads the files itself.
let readingAhead: Promise<ReadAhead | undefined> =
  readAhead && options.cacheDir
    ? readAheadForAppend(outDir, options.cacheDir)
        .then((files) => {
          timing(`read ${files.size} files ahead`);
          return files;
        })
        .catch(() => undefined)
    : Promise.resolve(undefined);

/** The orders in the sequence they must come in: plan, paragraphs (only when asked for), write. */
const orders: IndexThreadOrder[] = [];
let waiting: ((order: IndexThreadOrder) => void) | null = null;
port.on('message', (order: IndexThreadOrder) => {
  if (waiting) {
    const resolve = waiting;
    waiting = null;
    resolve(order);
  } else orders.push(order);
});

async function next<Type extends IndexThreadOrder['type']>(type: Type) {
  const order = orders.shift() ?? (await new Promise<IndexThreadOrder>((resolve) => (waiting = resolve)));
  if (order.type !== type) throw new Error(`search index thread: unexpected order ${order.type}`);
  return order as Extract<IndexThreadOrder, { type: Type }>;
}

/**
 * The plan for the documents ordered. A function of its own, so that nothing keeps the documents (all
 * the articles' text in a full build) or the files read ahead once the plan is made (it keeps those it
 * read): a full build waits for the pages a while.
 */
async function planOrdered() {
  const { docs, layout } = await next('plan');
  timing(`given ${docs.length} documents`);
  const inputs = await indexInputs(docs as SearchDocument[], layout);
  send({ type: 'stamped', stamp: inputs.stamp });
  const filesReadAhead = await readingAhead;
  readingAhead = Promise.resolve(undefined);
  return planSearchIndex(docs as SearchDocument[], outDir, {
    ...options,
    layout,
    inputs,
    readAhead: filesReadAhead,
    paragraphsFrom: (from) => withParagraphs(docs, from),
  });
}

try {
  const planned = await planOrdered();
  send({ type: 'planned' });
  if (planned.reused === 0) collectGarbage();
  await next('write');
  timing('told to write');
  send({ type: 'written', result: await planned.write() });
} catch (error) {
  send({
    type: 'failed',
    error:
      error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) },
  });
}

/**
 * A full build's plan leaves ~300 MB of typed arrays (the gram records) to the garbage collector, and
 * the thread then waits for the pages without allocating, so without a collection they would be held
 * through the rendering, the time of the build's peak memory: that made the peak 930 MB instead of
 * ~800 in two of six builds at 1,000 issues (1,067 MB once in the benchmark). V8's gc() is exposed
 * for this by the documented flag, in a context of its own; where that fails, the thread goes on.
 */
function collectGarbage(): void {
  try {
    let gc = (globalThis as { gc?: () => void }).gc; // Node run with --expose-gc
    if (!gc) {
      // The flag is the process's: set back at once, so that no other context is given gc().
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
      setFlagsFromString('--no-expose-gc');
    }
    gc();
    timing('collected its garbage');
  } catch {
    // Only memory is at stake.
  }
}

/** Makes sure docs[from…] have their paragraphs, asking the main thread for those it did not send. */
async function withParagraphs(docs: ThreadDocument[], from: number): Promise<void> {
  const missing = docs.findIndex((doc, i) => i >= from && doc.paragraphs === undefined);
  if (missing === -1) return;
  const to = docs.findLastIndex((doc) => doc.paragraphs === undefined) + 1;
  send({ type: 'paragraphs-wanted', from: missing, to });
  const { paragraphs } = await next('paragraphs');
  paragraphs.forEach((list, i) => {
    (docs[missing + i] as ThreadDocument).paragraphs = list;
  });
}
