// Full build, add-one-issue and the bare-Eleventy floor, each in its own process, timed with peak memory.
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CorpusIssue } from './corpus.ts';
import { writeCorpus } from './corpus.ts';

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, '../..');
// Children run from the work folder, so tsx is named by its resolved URL, not by package name.
const TSX = [
  '--import',
  import.meta.resolve('tsx'),
  '--import',
  path.join(import.meta.dirname, 'report-usage.mjs'),
];

export interface ProcessMeasurement {
  seconds: number;
  peakMemoryMb: number;
  stderr: string;
}

export interface SiteMeasurement {
  floor: ProcessMeasurement & { pages: number };
  build: ProcessMeasurement & { pages: number };
  add: ProcessMeasurement;
  floorRatio: number;
  addRatio: number;
  searchIndex: { files: number; bytes: number };
}

/** Builds the first N-1 issues, then adds the last one, as an editor would. */
export async function benchSite(corpus: readonly CorpusIssue[], workDir: string): Promise<SiteMeasurement> {
  await rm(workDir, { recursive: true, force: true });
  const content = path.join(workDir, 'content');
  const out = path.join(workDir, '_site');
  const held = corpus.at(-1);
  if (!held) throw new Error('empty corpus');
  await writeCorpus(path.join(content, 'issues'), corpus.slice(0, -1));
  await writeCorpus(path.join(workDir, 'incoming'), [held]);

  const articles = corpus.flatMap((issue, index) =>
    issue.model.sections.flatMap((section) =>
      section.articles.map((article) => ({
        id: `${index}/${article.number}`,
        title: article.title,
        paragraphs: article.paragraphs,
      })),
    ),
  );
  const articlesFile = path.join(workDir, 'floor-articles.json');
  await writeFile(articlesFile, JSON.stringify(articles));
  const floorRun = await measure(workDir, [
    ...TSX,
    path.join(import.meta.dirname, 'floor-child.ts'),
    articlesFile,
    path.join(workDir, 'floor'),
  ]);
  const floor = { ...floorRun, pages: (JSON.parse(floorRun.stdout) as { pages: number }).pages };

  const cli = [
    '--import',
    path.join(import.meta.dirname, 'report-usage.mjs'),
    path.join(ROOT, 'bin/jianbao.js'),
  ];
  const buildRun = await measure(workDir, [...cli, 'build', '--content', content, '--out', out]);
  const pages = (await filesUnder(out)).filter(
    (file) => file.endsWith('.html') || file.endsWith('.xml'),
  ).length;
  const add = await measure(workDir, [
    ...cli,
    'add',
    path.join(workDir, 'incoming', held.fileName),
    '--content',
    content,
    '--out',
    out,
  ]);
  const searchFiles = await filesUnder(path.join(out, 'search'));
  let bytes = 0;
  for (const file of searchFiles) bytes += (await readFile(file)).length;
  return {
    floor,
    build: { ...buildRun, pages },
    add,
    floorRatio: buildRun.seconds / floor.seconds,
    addRatio: add.seconds / buildRun.seconds,
    searchIndex: { files: searchFiles.length, bytes },
  };
}

async function measure(cwd: string, args: string[]): Promise<ProcessMeasurement & { stdout: string }> {
  const usageFile = path.join(cwd, `usage-${process.hrtime.bigint()}.json`);
  await mkdir(cwd, { recursive: true });
  const started = performance.now();
  const { stdout, stderr } = await run(process.execPath, args, {
    cwd,
    env: { ...process.env, JIANBAO_USAGE_FILE: usageFile, CI: 'true' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const usage = JSON.parse(await readFile(usageFile, 'utf8')) as { maxRssKb: number };
  return { seconds, peakMemoryMb: usage.maxRssKb / 1024, stderr, stdout };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}
