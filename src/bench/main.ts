// `npm run bench`: generates corpora of N bulletins and measures jianbao on them, printing a table and JSON.
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.ts';
import { benchParse } from './parse-bench.ts';

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '100,1000' },
    runs: { type: 'string', default: '5' },
    json: { type: 'string' },
  },
});

const sizes = (values.issues ?? '').split(',').map(Number);
const results: Record<string, unknown>[] = [];
for (const issues of sizes) {
  const corpus = generateCorpus({ issues, seed: 1 });
  const parse = benchParse(corpus, Number(values.runs));
  results.push({ issues, articles: parse.articles, parse });
  process.stderr.write(
    `N=${issues}: ${parse.articles} articles, ${parse.megabytes.toFixed(1)} MB parsed in ${parse.seconds.toFixed(3)} s (median of ${values.runs}) = ${parse.megabytesPerSecond.toFixed(1)} MB/s\n`,
  );
}
process.stdout.write(`${JSON.stringify({ machine: machineSummary(), results }, null, 2)}\n`);

function machineSummary() {
  return {
    node: process.version,
    cpus:
      (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? null,
  };
}
