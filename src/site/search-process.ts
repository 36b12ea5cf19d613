// Builds the search index in a second process, so it runs beside Eleventy on the machine's other core.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { WriteSearchIndexResult } from '../search/build-index.ts';
import type { SearchDocument } from '../search/types.ts';
import { ROOT } from './eleventy.config.ts';

export interface SearchJob {
  docs: SearchDocument[];
  outDir: string;
  cacheDir?: string;
}

export interface RunningSearchJob {
  result: Promise<WriteSearchIndexResult>;
  /** Stops the child when the build fails before it is done. */
  cancel(): void;
}

type ChildMessage = { result: WriteSearchIndexResult } | { error: string };

/**
 * Eleventy renders on one core; the index builder is CPU work of its own (2–3 s at 22,000 articles),
 * so a full build hands it to a child process. The child runs TypeScript through tsx, resolved from
 * the project folder.
 */
export function startSearchJob(job: SearchJob): RunningSearchJob {
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'search-child.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const result = new Promise<WriteSearchIndexResult>((resolve, reject) => {
    child.once('message', (message: ChildMessage) => {
      if ('result' in message) resolve(message.result);
      else reject(new Error(`search index: ${message.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`search index: the indexing process ended with code ${code}`)),
    );
  });
  child.send({
    ...job,
    outDir: path.resolve(job.outDir),
    cacheDir: job.cacheDir && path.resolve(job.cacheDir),
  });
  return { result, cancel: () => child.kill() };
}
