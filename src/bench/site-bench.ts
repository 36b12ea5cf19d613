// Full build, add-one-issue and the bare-Eleventy floor, each in its own process, timed with peak memory.
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { CorpusIssue } from './corpus.ts';
import { writeCorpus } from './corpus.ts';

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, '../..');
const REPORT_USAGE = ['--import', path.join(import.meta.dirname, 'report-usage.mjs')];

export interface ProcessMeasurement {
  seconds: number;
  /** User + system CPU time of the process: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  peakMemoryMb: number;
  stderr: string;
}

export interface SiteMeasurement {
  floor: ProcessMeasurement & { pages: number };
  build: ProcessMeasurement & { pages: number };
  add: ProcessMeasurement;
  floorRatio: number;
  /** The median over rounds; add of the median round is in `add`. */
  addRatio: number;
  searchIndex: { files: number; bytes: number };
  /** Every round's times and ratios, in order. */
  rounds: {
    floorSeconds: number;
    buildSeconds: number;
    addSeconds: number;
    floorRatio: number;
    addRatio: number;
    /** The same ratios in CPU time. */
    floorCpuRatio: number;
    addCpuRatio: number;
    buildPeakMemoryMb: number;
  }[];
}

/**
 * Builds the first N-1 issues, then adds the last one, as an editor would; `rounds` times, each round
 * the floor and the build (in alternating order), then add, so the ratios compare runs made minutes
 * apart on the same machine (a shared machine's speed drifts by 2x over an hour: only ratios of
 * neighbouring runs mean something).
 * Reported: the round with the median build/floor ratio, and the median of each ratio.
 */
/** Where the site measurement builds the site (left there after its last round: all N issues). */
export function siteOutDir(workDir: string): string {
  return path.join(workDir, '_site');
}

export async function benchSite(
  corpus: readonly CorpusIssue[],
  workDir: string,
  rounds = 1,
): Promise<SiteMeasurement> {
  await rm(workDir, { recursive: true, force: true });
  const content = path.join(workDir, 'content');
  const held = corpus.at(-1);
  if (!held) throw new Error('empty corpus');
  await writeCorpus(path.join(content, 'issues'), corpus.slice(0, -1));
  await writeCorpus(path.join(workDir, 'incoming'), [held]);
  const articlesFile = path.join(workDir, 'floor-articles.json');
  await writeFile(articlesFile, JSON.stringify(floorArticles(corpus)));
  const floorChild = await bundleFloorChild();

  const results: Omit<SiteMeasurement, 'rounds'>[] = [];
  for (let round = 0; round < rounds; round++) {
    // Every round starts cold: no site, no caches, the held issue not yet in the content folder.
    const out = siteOutDir(workDir);
    for (const dir of [out, path.join(workDir, 'floor'), path.join(workDir, '.cache')]) {
      await rm(dir, { recursive: true, force: true });
    }
    await rm(path.join(content, 'issues', held.fileName), { force: true });

    // Floor first in even rounds, build first in odd ones: a drift in the machine's speed then favours
    // neither side over the rounds.
    const runFloor = () =>
      measure(workDir, [...REPORT_USAGE, floorChild, articlesFile, path.join(workDir, 'floor')]);
    const cli = [...REPORT_USAGE, path.join(ROOT, 'bin/jianbao.js')];
    const runBuild = () => measure(workDir, [...cli, 'build', '--content', content, '--out', out]);
    let floorRun: Awaited<ReturnType<typeof measure>>;
    let buildRun: Awaited<ReturnType<typeof measure>>;
    if (round % 2 === 0) {
      floorRun = await runFloor();
      buildRun = await runBuild();
    } else {
      buildRun = await runBuild();
      floorRun = await runFloor();
    }
    const floor = { ...floorRun, pages: (JSON.parse(floorRun.stdout) as { pages: number }).pages };
    const pages = (await filesUnder(out)).filter(
      (file) => file.endsWith('.html') || file.endsWith('.xml'),
    ).length;
    const incoming = path.join(workDir, 'incoming', held.fileName);
    const add = await measure(workDir, [...cli, 'add', incoming, '--content', content, '--out', out]);
    const searchFiles = await filesUnder(path.join(out, 'search'));
    let bytes = 0;
    for (const file of searchFiles) bytes += (await readFile(file)).length;
    results.push({
      floor,
      build: { ...buildRun, pages },
      add,
      floorRatio: buildRun.seconds / floor.seconds,
      addRatio: add.seconds / buildRun.seconds,
      searchIndex: { files: searchFiles.length, bytes },
    });
  }
  const byFloorRatio = [...results].sort((a, b) => a.floorRatio - b.floorRatio);
  const median = byFloorRatio[Math.floor(results.length / 2)] as Omit<SiteMeasurement, 'rounds'>;
  const addRatios = results.map((result) => result.addRatio).sort((a, b) => a - b);
  return {
    ...median,
    addRatio: addRatios[Math.floor(results.length / 2)] as number,
    rounds: results.map(({ floor, build, add, floorRatio, addRatio }) => ({
      floorSeconds: floor.seconds,
      buildSeconds: build.seconds,
      addSeconds: add.seconds,
      floorRatio,
      addRatio,
      floorCpuRatio: build.cpuSeconds / floor.cpuSeconds,
      addCpuRatio: add.cpuSeconds / build.cpuSeconds,
      buildPeakMemoryMb: build.peakMemoryMb,
    })),
  };
}

/** The floor's input: each article's title and paragraphs, under an id that makes its URL. */
function floorArticles(corpus: readonly CorpusIssue[]) {
  return corpus.flatMap((issue, index) =>
    issue.model.sections.flatMap((section) =>
      section.articles.map((article) => ({
        id: `${index}/${article.number}`,
        title: article.title,
        paragraphs: article.paragraphs,
      })),
    ),
  );
}

/**
 * The floor runs as plain JavaScript, as the CLI does (bin/jianbao.js runs a bundle): timing it through
 * tsx would add tsx's start-up to the floor and flatter the ratio. Written inside the repository, so
 * its packages resolve from node_modules.
 */
async function bundleFloorChild(): Promise<string> {
  const outfile = path.join(ROOT, '.cache', 'bench', 'floor-child.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'floor-child.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  return outfile;
}

async function measure(cwd: string, args: string[]): Promise<ProcessMeasurement & { stdout: string }> {
  const usageFile = path.join(cwd, `usage-${process.hrtime.bigint()}.json`);
  await mkdir(cwd, { recursive: true });
  const started = performance.now();
  const { stdout, stderr } = await run(process.execPath, args, {
    cwd,
    // Eleventy's ESM cache buster off in both, as jianbao's build runs it (src/site/render-pages.ts).
    env: { ...process.env, JIANBAO_USAGE_FILE: usageFile, CI: 'true', ELEVENTY_SKIP_ESM_RESOLVER: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const usage = JSON.parse(await readFile(usageFile, 'utf8')) as {
    maxRssKb: number;
    cpuMicroseconds: number;
  };
  return {
    seconds,
    cpuSeconds: usage.cpuMicroseconds / 1e6,
    peakMemoryMb: usage.maxRssKb / 1024,
    stderr,
    stdout,
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}
