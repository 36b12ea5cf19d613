// `npm run bench`: generates corpora of N bulletins and measures jianbao on them, printing a table and JSON.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.ts';
import { corpusDocuments } from './corpus-documents.ts';
import { benchParse, type ParseMeasurement } from './parse-bench.ts';
import { benchSearch } from './search-bench.ts';
import { benchSite, type SiteMeasurement, siteOutDir } from './site-bench.ts';

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '100,1000' },
    runs: { type: 'string', default: '5' },
    /** Rounds of floor → build → add per N (ratios are medians over rounds). */
    'site-rounds': { type: 'string', default: '3' },
    /** Measure only one part: parse, site (floor, build, add) or search. */
    only: { type: 'string' },
    /** Also measure Pagefind on the same documents (about 100 s at 1,000 issues). */
    pagefind: { type: 'boolean', default: false },
    work: { type: 'string', default: path.join(os.tmpdir(), 'jianbao-bench') },
  },
});

interface Row {
  issues: number;
  parse: ParseMeasurement;
  site?: SiteMeasurement;
  search?: Awaited<ReturnType<typeof benchSearch>>;
}

const rows: Row[] = [];
for (const issues of (values.issues ?? '').split(',').map(Number)) {
  process.stderr.write(`N=${issues}: generating the corpus…\n`);
  const corpus = generateCorpus({ issues, seed: 1 });
  const row: Row = { issues, parse: benchParse(corpus, Number(values.runs)) };
  const measures = (part: string) => values.only === undefined || values.only === part;
  const siteWork = path.join(values.work ?? '', String(issues));
  if (measures('site')) {
    process.stderr.write(`N=${issues}: floor, full build and add…\n`);
    row.site = await benchSite(corpus, siteWork, Number(values['site-rounds']));
  }
  if (measures('search')) {
    process.stderr.write(`N=${issues}: search in Chromium…\n`);
    row.search = await benchSearch(
      corpusDocuments(corpus),
      path.join(values.work ?? '', `${issues}-search`),
      {
        pagefind: values.pagefind,
        // The site the site measurement left (the first N−1 issues and the N-th, added).
        site: row.site ? siteOutDir(siteWork) : undefined,
      },
    );
  }
  rows.push(row);
}

process.stderr.write(`\n${table(rows)}\n\n${searchTable(rows)}\n`);
process.stdout.write(
  `${JSON.stringify({ date: new Date().toISOString().slice(0, 10), machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version }, rows }, null, 2)}\n`,
);

function table(results: readonly Row[]): string {
  const lines = [
    '| N | articles | parse MB/s | parse s | floor s | build s | build/floor | peak MB | pages | add s | add/build | search index |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { issues, parse, site } of results) {
    const cells = [
      issues,
      parse.articles,
      parse.megabytesPerSecond.toFixed(1),
      parse.seconds.toFixed(2),
      site?.floor.seconds.toFixed(1) ?? '',
      site?.build.seconds.toFixed(1) ?? '',
      site?.floorRatio.toFixed(2) ?? '',
      site ? Math.round(site.build.peakMemoryMb) : '',
      site?.build.pages ?? '',
      site?.add.seconds.toFixed(2) ?? '',
      site?.addRatio.toFixed(3) ?? '',
      site ? `${site.searchIndex.files} files, ${(site.searchIndex.bytes / 1e6).toFixed(1)} MB` : '',
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  for (const { issues, site } of results) {
    if (!site) continue;
    lines.push('', `N=${issues}, each round (wall s; ratios wall / CPU):`);
    for (const round of site.rounds) {
      lines.push(
        `  floor ${round.floorSeconds.toFixed(1)}, build ${round.buildSeconds.toFixed(1)}, add ${round.addSeconds.toFixed(2)}; build/floor ${round.floorRatio.toFixed(2)} / ${round.floorCpuRatio.toFixed(2)}, add/build ${round.addRatio.toFixed(3)} / ${round.addCpuRatio.toFixed(3)}; build peak ${Math.round(round.buildPeakMemoryMb)} MB`,
      );
    }
  }
  return lines.join('\n');
}

function searchTable(results: readonly Row[]): string {
  const lines = [
    '| N | index | first query: median / max KB | first query: median / max ms | following query, typed: median / max ms | following query, pasted: median ms | recall (min) | precision (min) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const { issues, search } of results) {
    if (!search) continue;
    const { index, firstQuery, followingQuery, typedQuery, quality } = search.jianbao;
    lines.push(
      `| ${[
        issues,
        `${index.files} files, ${(index.bytes / 1e6).toFixed(1)} MB`,
        `${Math.round(firstQuery.medianBytes / 1024)} / ${Math.round(firstQuery.maxBytes / 1024)}`,
        `${Math.round(firstQuery.medianMs)} / ${Math.round(firstQuery.maxMs)}`,
        `${Math.round(typedQuery.medianMs)} / ${Math.round(typedQuery.maxMs)}`,
        Math.round(followingQuery.medianMs),
        `${(quality.minRecall * 100).toFixed(0)}%`,
        `${(quality.minPrecision * 100).toFixed(0)}%`,
      ].join(' | ')} |`,
    );
  }
  const phaseList = (phases: Record<string, number>) =>
    Object.entries(phases)
      .map(([name, ms]) => `${name} ${Math.round(ms)}`)
      .join(', ');
  for (const { issues, search } of results) {
    const firstQuery = search?.jianbao.firstQuery;
    if (!firstQuery) continue;
    lines.push(
      '',
      `N=${issues}, first query, median ms from navigation: ${phaseList(firstQuery.phasesMedianMs)}`,
    );
    const onSite = search?.jianbao.firstQueryOnSite;
    if (onSite) {
      const ms = `${Math.round(onSite.medianMs)} / ${Math.round(onSite.maxMs)} ms`;
      const kb = `${Math.round(onSite.medianBytes / 1024)} / ${Math.round(onSite.maxBytes / 1024)} KB`;
      lines.push(
        `N=${issues}, first query on the built site's own search page, median / max: ${ms}, ${kb}; phases: ${phaseList(onSite.phasesMedianMs)}`,
      );
    }
    const notQuiet = firstQuery.browserNotQuiet + (onSite?.browserNotQuiet ?? 0);
    if (notQuiet > 0)
      lines.push(
        `N=${issues}: ${notQuiet} first queries opened with the browser still busy (they read high)`,
      );
  }
  return lines.join('\n');
}
