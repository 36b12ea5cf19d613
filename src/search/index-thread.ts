// Builds the search index in a worker thread, beside the page rendering on the main thread: the
// machine's two cores then share a full build (the index alone takes ~4.7 s at 1,000 issues, 2–3 s of
// it inside a build) and `add` (~0.8 s for the new issue's shards). The stamp the search page carries
// is computed in the thread first, from the inputs (indexInputs), and sent back before the index is
// planned, so the pages can be rendered while the index is still being built.
//
// The thread can start before its documents exist (startIndexThread): `add` starts it first thing, and
// it reads ahead the shards an append reads while the main thread loads the content folder. Given the
// documents, it plans, then waits: the files are written only when write() is called, after the pages
// have rendered, so a failed build never leaves a new index beside old pages.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type IndexLayout,
  type PlannedSearchIndex,
  planSearchIndex,
  resolveLayout,
  type WriteSearchIndexOptions,
  type WriteSearchIndexResult,
} from './build-index.ts';
import { chunkStart } from './format.ts';
import type { SearchDocument } from './types.ts';

export type IndexThreadMessage =
  | { type: 'stamped'; stamp: string }
  /** The plan reads docs[from…]'s paragraphs, and some of them were not sent. */
  | { type: 'paragraphs-wanted'; from: number; to: number }
  | { type: 'planned' }
  | { type: 'written'; result: WriteSearchIndexResult }
  | { type: 'failed'; error: { message: string; stack?: string } };

export interface IndexInThread extends Omit<PlannedSearchIndex, 'stamp' | 'reused'> {
  /** The stamp, computed in the thread from the documents before it plans (indexInputs). */
  stamp: Promise<string>;
  /** Stops the thread without writing anything (the build failed). */
  abandon(): Promise<void>;
}

/**
 * Sent to the thread: the documents to plan for (those before `paragraphsFrom` without their paragraphs
 * when they have a textKey: see IndexThread.plan), the paragraphs it asks for, then the order to write.
 */
export type IndexThreadOrder =
  | { type: 'plan'; docs: ThreadDocument[]; layout: IndexLayout }
  | { type: 'paragraphs'; paragraphs: (readonly string[])[] }
  | { type: 'write' };

/** A document as the thread receives it: its paragraphs may follow when the plan needs them. */
export type ThreadDocument = Omit<SearchDocument, 'paragraphs'> & { paragraphs?: readonly string[] };

/** What the thread is started with, before the documents are known. */
export interface IndexThreadStart {
  outDir: string;
  options: Omit<WriteSearchIndexOptions, 'inputs' | 'readAhead' | 'layout' | 'paragraphsFrom'>;
  /** Read the shards an append would read while the caller prepares the documents (`add`). */
  readAhead: boolean;
  /** The starting thread's performance.timeOrigin, for the times JIANBAO_TIMINGS=1 prints. */
  startedAt: number;
}

/** A thread started for outDir, waiting for its documents. */
export interface IndexThread {
  /**
   * Sends the documents. Those before `paragraphsFrom` go without their paragraphs when they have a
   * textKey (their fingerprint does not read them): copying 21,000 articles' text to the thread cost
   * ~0.2 s of `add`, which appends only the newest. Should the plan read them after all (the index is
   * built in full, or was not the previous build's), the thread asks for them.
   */
  plan(
    docs: SearchDocument[],
    layout?: Partial<IndexLayout>,
    paragraphsFrom?: number,
  ): Promise<IndexInThread>;
  /** Stops the thread; a plan already made cannot be written any more. */
  abandon(): Promise<void>;
}

/**
 * Starts the thread now; with readAhead, it reads the index's shards while the caller is still loading
 * the content, so that planning an append then costs only the new documents' work.
 */
export function startIndexThread(
  outDir: string,
  options: IndexThreadStart['options'] = {},
  readAhead = false,
): IndexThread {
  const entry = workerEntry();
  if (!entry) {
    return {
      plan: async (docs, layout) => {
        const planned = await planSearchIndex(docs, outDir, { ...options, layout });
        return { ...planned, stamp: Promise.resolve(planned.stamp), abandon: async () => {} };
      },
      abandon: async () => {},
    };
  }
  const start: IndexThreadStart = { outDir, options, readAhead, startedAt: performance.timeOrigin };
  const worker = new Worker(entry.script, { eval: entry.isEval, workerData: start });
  let sent: readonly SearchDocument[] = [];
  const messages = threadMessages(worker, (from, to) =>
    order({ type: 'paragraphs', paragraphs: sent.slice(from, to).map((doc) => doc.paragraphs) }),
  );
  const stop = async () => {
    messages.stopping();
    await worker.terminate();
  };
  const expect = async <Type extends IndexThreadMessage['type']>(type: Type) => {
    const message = await messages.next();
    if (message.type === 'failed')
      throw Object.assign(new Error(message.error.message), { stack: message.error.stack });
    if (message.type !== type) throw new Error(`search index thread: expected ${type}, got ${message.type}`);
    return message as Extract<IndexThreadMessage, { type: Type }>;
  };
  const order = (message: IndexThreadOrder) => worker.postMessage(message);

  return {
    plan: async (docs, override, paragraphsFrom = 0) => {
      const layout = resolveLayout(docs.length, override);
      sent = docs;
      // From the start of the documents file the first new one is in: the plan writes that file again.
      const from = chunkStart(paragraphsFrom, layout.chunkSize);
      const threadDocs = docs.map((doc, i) =>
        i >= from || doc.textKey === undefined ? doc : withoutText(doc),
      );
      order({ type: 'plan', docs: threadDocs, layout });
      const stamp = expect('stamped').then((message) => message.stamp);
      stamp.catch(() => {}); // nobody may ask for the stamp; a failure is also write()'s
      return {
        stamp,
        shardCount: layout.shardCount,
        write: async () => {
          try {
            await expect('planned');
            order({ type: 'write' });
            return (await expect('written')).result;
          } finally {
            await stop();
          }
        },
        abandon: stop,
      };
    },
    abandon: stop,
  };
}

/** A document without its paragraphs (field by field: they are not even read). */
function withoutText(doc: SearchDocument): ThreadDocument {
  const { url, title, sectionSlug, sectionTitle, date, issueTitle, textKey } = doc;
  return { url, title, sectionSlug, sectionTitle, date, issueTitle, textKey };
}

/** Starts a thread and plans docs in it at once (no reading ahead). */
export async function planSearchIndexInThread(
  docs: SearchDocument[],
  outDir: string,
  options: Pick<WriteSearchIndexOptions, 'cacheDir' | 'layout'> & { paragraphsFrom?: number } = {},
): Promise<IndexInThread> {
  const { layout, paragraphsFrom, ...rest } = options;
  const thread = startIndexThread(outDir, rest);
  try {
    return await thread.plan(docs, layout, paragraphsFrom);
  } catch (error) {
    await thread.abandon();
    throw error;
  }
}

/**
 * The thread's messages in order; its end, or a message that cannot be read, arrives as a failure. After
 * the first failure (or the end), every later question gets that failure: the thread has nothing more to
 * say, and the caller asking next (write() after the stamp) learns why.
 */
function threadMessages(worker: Worker, paragraphsWanted: (from: number, to: number) => void) {
  const queue: IndexThreadMessage[] = [];
  const waiting: ((message: IndexThreadMessage) => void)[] = [];
  let stopped = false;
  let last: IndexThreadMessage | null = null;
  const deliver = (message: IndexThreadMessage) => {
    if (last) return;
    if (message.type === 'paragraphs-wanted') return paragraphsWanted(message.from, message.to);
    if (message.type === 'failed') last = message;
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else queue.push(message);
    if (last) while (waiting.length > 0) waiting.shift()?.(last);
  };
  const failed = (message: string, stack?: string): IndexThreadMessage => ({
    type: 'failed',
    error: { message, stack },
  });
  worker.on('message', deliver);
  worker.on('messageerror', (error) => deliver(failed(`search index thread: ${error.message}`)));
  worker.on('error', (error) => deliver(failed(error.message, error.stack)));
  worker.on('exit', (code) =>
    deliver(
      failed(
        stopped ? 'the search index thread was stopped' : `the search index thread ended (exit code ${code})`,
      ),
    ),
  );
  return {
    next: (): Promise<IndexThreadMessage> => {
      const message = queue.shift() ?? last;
      return message ? Promise.resolve(message) : new Promise((resolve) => waiting.push(resolve));
    },
    /** The thread is being stopped on purpose: its end is said so. */
    stopping: () => {
      stopped = true;
    },
  };
}

/**
 * The worker's script. Run from the CLI's bundle (bin/jianbao.js), it is index-worker.js beside this
 * code (null when that file is gone). Run from the TypeScript sources (tests, benchmarks, the CLI's tsx
 * fallback), it is index-worker.ts, imported once tsx's loader is registered in the new thread (Node 20
 * does not apply an --import given in a worker's execArgv to the worker's own entry).
 */
function workerEntry(): { script: URL | string; isEval: boolean } | null {
  if (!import.meta.url.endsWith('.ts')) {
    const script = new URL('./index-worker.js', import.meta.url);
    return existsSync(fileURLToPath(script)) ? { script, isEval: false } : null;
  }
  // tsx's ESM API as an ES module: its CommonJS build cannot register the hooks from an eval'd worker.
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const entry = new URL('./index-worker.ts', import.meta.url).href;
  const script = `import(${JSON.stringify(pathToFileURL(tsxApi).href)})
    .then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return { script, isEval: true };
}
