// Builds the search index in a worker thread, beside the page rendering on the main thread: on this
// 2-core machine the index (2–3 s of a full build at 1,000 issues, most of `add`'s own work) then costs
// the build almost nothing. The stamp the search page carries is computed here first, from the inputs
// (indexStamp), so the pages can be rendered while the index is still being built.
//
// The thread plans, then waits: the files are written only when write() is called, after the pages
// have rendered, so a failed build never leaves a new index beside old pages.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  indexStamp,
  layoutFor,
  type PlannedSearchIndex,
  type WriteSearchIndexOptions,
  type WriteSearchIndexResult,
} from './build-index.ts';
import type { SearchDocument } from './types.ts';

export type IndexThreadMessage =
  | { type: 'planned'; stamp: string }
  | { type: 'written'; result: WriteSearchIndexResult }
  | { type: 'failed'; error: { message: string; stack?: string } };

export interface IndexInThread extends PlannedSearchIndex {
  /** Stops the thread without writing anything (the build failed). */
  abandon(): Promise<void>;
}

export async function planSearchIndexInThread(
  docs: SearchDocument[],
  outDir: string,
  options: WriteSearchIndexOptions = {},
): Promise<IndexInThread> {
  const layout = { ...layoutFor(docs.length), ...options.layout };
  const stamp = await indexStamp(docs, layout);
  const [entry, entryOptions] = workerEntry();
  const worker = new Worker(entry, { ...entryOptions, workerData: { docs, outDir, options } });
  const messages: IndexThreadMessage[] = [];
  const waiting: ((message: IndexThreadMessage) => void)[] = [];
  const deliver = (message: IndexThreadMessage) => {
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else messages.push(message);
  };
  worker.on('message', deliver);
  worker.on('error', (error) =>
    deliver({ type: 'failed', error: { message: error.message, stack: error.stack } }),
  );
  worker.on('exit', (code) => {
    if (code !== 0)
      deliver({ type: 'failed', error: { message: `the search index thread exited with ${code}` } });
  });
  const next = (): Promise<IndexThreadMessage> =>
    new Promise((resolve) => {
      const message = messages.shift();
      if (message) resolve(message);
      else waiting.push(resolve);
    });
  const expect = async <Type extends IndexThreadMessage['type']>(type: Type) => {
    const message = await next();
    if (message.type === 'failed') {
      await worker.terminate();
      throw Object.assign(new Error(message.error.message), { stack: message.error.stack });
    }
    if (message.type !== type) throw new Error(`search index thread: expected ${type}, got ${message.type}`);
    return message as Extract<IndexThreadMessage, { type: Type }>;
  };

  return {
    stamp,
    shardCount: layout.shardCount,
    write: async () => {
      const planned = await expect('planned');
      if (planned.stamp !== stamp) throw new Error('search index thread: the stamps differ');
      worker.postMessage('write');
      const { result } = await expect('written');
      await worker.terminate();
      return result;
    },
    abandon: async () => {
      await worker.terminate();
    },
  };
}

/**
 * The worker's script. Run from the CLI's bundle (bin/jianbao.js), it is index-worker.js beside this
 * code. Run from the TypeScript sources (tests, benchmarks, the CLI's tsx fallback), it is
 * index-worker.ts, imported once tsx's loader is registered in the new thread (Node 20 does not apply
 * an --import given in a worker's execArgv to the worker's own entry).
 */
function workerEntry(): [URL | string, { eval?: boolean }] {
  if (!import.meta.url.endsWith('.ts')) return [new URL('./index-worker.js', import.meta.url), {}];
  // tsx's ESM API as an ES module: its CommonJS build cannot register the hooks from an eval'd worker.
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const entry = new URL('./index-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(pathToFileURL(tsxApi).href)})
    .then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return [bootstrap, { eval: true }];
}
