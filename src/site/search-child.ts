// The indexing process started by search-process.ts: one job in, its result (or error) out, then exit.
import { writeSearchIndex } from '../search/build-index.ts';
import type { SearchJob } from './search-process.ts';

process.once('message', async (job: SearchJob) => {
  try {
    const result = await writeSearchIndex(job.docs, job.outDir, { cacheDir: job.cacheDir });
    process.send?.({ result }, () => process.exit(0));
  } catch (error) {
    process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () =>
      process.exit(1),
    );
  }
});
