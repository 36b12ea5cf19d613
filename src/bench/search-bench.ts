// Measures the search index on a corpus in headless Chromium, and Pagefind on the same documents.
//
// Run: npx tsx src/bench/search-bench.ts [issues=1000] [workDir] [--no-pagefind]. Prints one JSON object.

import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import * as pagefind from 'pagefind';
import { type Browser, chromium, type Page } from 'playwright-core';
import { writeSearchIndex } from '../search/build-index.ts';
import { bundleSearchClient } from '../search/bundle-client.ts';
import { documentText } from '../search/tokenize.ts';
import { truthOfTexts } from '../search/truth.ts';
import type { SearchDocument } from '../search/types.ts';
import { type StaticServer, serveStatic } from '../site/static-server.ts';
import { browserQuiet, CHROMIUM_ARGS } from './chromium.ts';
import { generateCorpus } from './corpus.ts';
import { corpusDocuments } from './corpus-documents.ts';
import { createRandom } from './random.ts';
import { searchPageHtml } from './search-site.ts';

const PREFIX = '/bench/';

export interface QueryMeasurement {
  query: string;
  truth: number;
  found: number;
  /** Found documents that contain every term (1 when nothing was found). */
  precision: number;
  /** Documents containing every term that were found (1 when there are none). */
  recall: number;
}

/**
 * About thirty queries: pieces of 1-4 Han characters cut from the documents' text (so frequent characters
 * are picked more often, as readers type them), Latin terms, numbers, two-term queries and one miss.
 */
export function benchmarkQueries(texts: readonly string[], seed = 1): string[] {
  const random = createRandom(seed);
  const piece = (length: number): string => {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const text = [...random.pick(texts)];
      const start = random.int(0, Math.max(0, text.length - length));
      const candidate = text.slice(start, start + length).join('');
      if (/^\p{Script=Han}+$/u.test(candidate) && [...candidate].length === length) return candidate;
    }
    throw new Error('no Han text to pick queries from');
  };
  const queries: string[] = [];
  for (const [length, count] of [
    [1, 3],
    [2, 8],
    [3, 6],
    [4, 5],
  ] as const) {
    for (let i = 0; i < count; i++) queries.push(piece(length));
  }
  queries.push('5G', 'ipv6', 'HTTPS', 'Wi-Fi', 'open data', '2014', '2010年', '0.5');
  queries.push('数据 安全', `${piece(2)} ${piece(2)}`, `${piece(2)} ${piece(3)}`, '量子纠缠');
  return queries;
}

function measure(query: string, expected: readonly string[], found: readonly string[]): QueryMeasurement {
  const truthSet = new Set(expected);
  const hits = found.filter((url) => truthSet.has(url)).length;
  return {
    query,
    truth: expected.length,
    found: found.length,
    precision: found.length === 0 ? 1 : hits / found.length,
    recall: expected.length === 0 ? 1 : hits / expected.length,
  };
}

function summary(rows: readonly QueryMeasurement[]) {
  const mean = (values: number[]) =>
    values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  return {
    meanRecall: mean(rows.map((row) => row.recall)),
    minRecall: Math.min(...rows.map((row) => row.recall)),
    meanPrecision: mean(rows.map((row) => row.precision)),
    minPrecision: Math.min(...rows.map((row) => row.precision)),
    queriesWithFullRecall: rows.filter((row) => row.recall === 1).length,
    queries: rows.length,
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function folderSize(root: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/** Seconds of wall clock and of this process's CPU (the machine may be shared: CPU time is steadier). */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { result, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

// Page-side code is written as strings, as in tests/browser: the Node tsconfig has no DOM types on purpose.
const SETTLED_MESSAGE = 'jianbao-bench:settled';
/**
 * Records, in the page, the time (ms since navigation) when a search's results are in the DOM, and says
 * so on the console: waiting with page.waitForFunction would run Playwright's own script in the page
 * while it searches (~20 ms of a first query's median on this machine).
 */
const SETTLE_RECORDER = `new MutationObserver(() => {
  const results = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (results && status && results.getAttribute('aria-busy') === 'false' && /找到 \\d+ 篇文章/.test(status.textContent) && window.settledAt === undefined) {
    window.settledAt = performance.now();
    console.debug('${SETTLED_MESSAGE}');
  }
}).observe(document, { subtree: true, attributes: true, characterData: true, childList: true });`;

/** Submits a query in the page and resolves with the milliseconds until its results are in the DOM. */
const TIMED_SUBMIT = `(text) => new Promise((resolve) => {
  const results = document.getElementById('search-results');
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (results.getAttribute('aria-busy') === 'false') {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  });
  observer.observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
  document.getElementById('search-input').value = text;
  document.getElementById('search-form').requestSubmit();
})`;

/** When, in ms since navigation, the page had its HTML, and reached each of the script's marks. */
const PHASES = `(() => {
  const navigation = performance.getEntriesByType('navigation')[0];
  const times = { html: navigation.responseEnd, domContentLoaded: navigation.domContentLoadedEventEnd };
  for (const mark of performance.getEntriesByType('mark')) {
    if (mark.name.startsWith('jianbao:')) times[mark.name.slice(8)] = mark.startTime;
  }
  times.settled = window.settledAt;
  return times;
})()`;

/** Records, in the page, the milliseconds from pressing Enter in the search field to its results in the DOM. */
const ENTER_TIMER = `(() => {
  const results = document.getElementById('search-results');
  window.enterAt = 0;
  document.getElementById('search-input').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') window.enterAt = performance.now();
  }, { capture: true });
  new MutationObserver(() => {
    if (window.enterAt && results.getAttribute('aria-busy') === 'false') {
      window.typedMs = performance.now() - window.enterAt;
      window.enterAt = 0;
    }
  }).observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
})()`;

/** A reader's pace: a character every 150 ms, Enter 300 ms after the last one. */
const TYPING = { perCharacterMs: 150, beforeEnterMs: 300 };

/** As Pagefind's own UI does a first search: load pagefind.js, search, load the first 10 results' data. */
const PAGEFIND_FIRST_QUERY = (query: string, base: string) => `(async () => {
  const pagefind = await import(${JSON.stringify(`${base}pagefind/pagefind.js`)});
  await pagefind.options({ basePath: ${JSON.stringify(`${base}pagefind/`)} });
  const search = await pagefind.search(${JSON.stringify(query)});
  await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
  return performance.now();
})()`;

/** Every result's URL, from an index whose fragments are bundled (same results, far fewer requests). */
const PAGEFIND_ALL_RESULTS = (query: string, base: string) => `(async () => {
  const pagefind = await import(${JSON.stringify(`${base}pagefind-all/pagefind.js`)});
  await pagefind.options({ basePath: ${JSON.stringify(`${base}pagefind-all/`)} });
  const search = await pagefind.search(${JSON.stringify(query)});
  const data = await Promise.all(search.results.map((result) => result.data()));
  // Pagefind prefixes the base path once more (/bench/bench/…): keep what follows the last one.
  return data.map((item) => item.url.slice(item.url.lastIndexOf(${JSON.stringify(base)}) + ${base.length}));
})()`;

interface FirstQuery {
  query: string;
  /** From navigation start to results (ours: in the DOM; Pagefind: the first 10 results' data loaded). */
  ms: number;
  /** Response bodies the server sent for the page (HTML, CSS, scripts, index files), uncompressed. */
  bytes: number;
  requests: number;
  /** How long the fresh context's browser took to go quiet before the page was opened (null: 5 s passed). */
  browserQuietMs: number | null;
}

function firstQuerySummary(rows: readonly FirstQuery[]) {
  return {
    medianMs: median(rows.map((row) => row.ms)),
    maxMs: Math.max(...rows.map((row) => row.ms)),
    medianBytes: median(rows.map((row) => row.bytes)),
    maxBytes: Math.max(...rows.map((row) => row.bytes)),
    medianRequests: median(rows.map((row) => row.requests)),
    /** Pages opened before the browser had gone quiet (it stayed busy for 5 s): their times read high. */
    browserNotQuiet: rows.filter((row) => row.browserQuietMs === null).length,
    perQuery: rows,
  };
}

export interface BenchOptions {
  /** Also build and measure Pagefind (minutes at 1,000 issues); default true. */
  pagefind?: boolean;
  /**
   * A site built from the same corpus (the site measurement's output, path prefix "/"): first queries
   * are also measured on its own search page, with the site's frame and stylesheet.
   */
  site?: string;
}

export async function benchSearch(docs: SearchDocument[], workDir: string, options: BenchOptions = {}) {
  const withPagefind = options.pagefind ?? true;
  const root = join(workDir, 'site');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(join(root, 'search'), { recursive: true });
  const texts = docs.map(documentText);
  const queries = benchmarkQueries(texts);
  const truthUrls = new Map(
    queries.map((query) => [query, truthOfTexts(query, texts).map((id) => docs[id]?.url as string)]),
  );

  // Our index: full build, then the last issue appended to a build of the others.
  const full = await timed(() => writeSearchIndex(docs, root));
  const lastDate = docs[docs.length - 1]?.date;
  const firstOfLast = docs.findIndex((doc) => doc.date === lastDate);
  const appendRoot = join(workDir, 'append');
  const cacheDir = join(workDir, 'cache');
  await writeSearchIndex(docs.slice(0, firstOfLast), appendRoot, { cacheDir });
  const append = await timed(() => writeSearchIndex(docs, appendRoot, { cacheDir }));
  const identical = await sameTrees(join(root, 'search'), join(appendRoot, 'search'));
  await writePages(docs, root, full.result.stamp);

  // Pagefind on the same documents: one record per article, its title and text.
  const pagefindBuild = withPagefind ? await timed(() => buildPagefind(docs, join(root, 'pagefind'))) : null;
  const pagefindSize = withPagefind ? await folderSize(join(root, 'pagefind')) : null;
  if (withPagefind) await buildPagefind(docs, join(root, 'pagefind-all'), 100);

  const server = await serveStatic({ root, pathPrefix: PREFIX });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const environment = await measureEnvironment(browser, server);
    const ours = await measureOurs(browser, server, queries, truthUrls);
    const onSite = options.site ? await measureSitePage(browser, options.site, queries) : null;
    const theirs = withPagefind ? await measurePagefind(browser, server, queries, truthUrls) : null;
    return {
      documents: docs.length,
      characters: texts.reduce((sum, text) => sum + text.length, 0),
      environment,
      jianbao: {
        index: { files: full.result.files, bytes: full.result.bytes },
        buildSeconds: full.seconds,
        buildCpuSeconds: full.cpuSeconds,
        appendLastIssue: {
          documents: docs.length - firstOfLast,
          seconds: append.seconds,
          cpuSeconds: append.cpuSeconds,
          written: append.result.written,
          reused: append.result.reused,
          identicalToFullBuild: identical,
        },
        scriptBytes: Buffer.byteLength(await bundleSearchClient()),
        ...ours,
        /** The first query on the built site's own search page (null without a site). */
        firstQueryOnSite: onSite,
      },
      pagefind: theirs && { index: pagefindSize, buildSeconds: pagefindBuild?.seconds, ...theirs },
    };
  } finally {
    await browser.close();
    await server.close();
    await pagefind.close();
  }
}

/** First queries on a built site's search page, served at "/" from its folder. */
async function measureSitePage(browser: Browser, site: string, queries: string[]) {
  const server = await serveStatic({ root: site });
  try {
    return await measureSearchPage(browser, server, `${server.url}search/`, queries);
  } finally {
    await server.close();
  }
}

/** The search page (as the site's template writes it), one with the bench engine, the scripts. */
async function writePages(docs: readonly SearchDocument[], root: string, stamp: string): Promise<void> {
  const script = await bundleSearchClient();
  const page = searchPageHtml(docs, PREFIX, script, stamp);
  await writeFile(join(root, 'search', 'index.html'), page);
  await writeFile(
    join(root, 'search', 'engine.html'),
    page.replace('</body>', `<script src="${PREFIX}engine.js" defer></script></body>`),
  );
  await writeFile(join(root, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>bench</title>');
  await bundleEngine(join(root, 'engine.js'));
}

/**
 * How fast this machine serves and loads anything: a blank page in a fresh context, and one request from
 * the page. Read the other times against these (a shared machine can be ten times slower than a laptop).
 */
async function measureEnvironment(browser: Browser, server: StaticServer) {
  const blank: number[] = [];
  const request: number[] = [];
  for (let i = 0; i < 9; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await browserQuiet(browser);
    await page.goto(`${server.url}blank.html`);
    blank.push(await page.evaluate<number>(`performance.getEntriesByType('navigation')[0].loadEventEnd`));
    request.push(
      await page.evaluate<number>(`(async () => {
        const start = performance.now();
        await (await fetch('${PREFIX}search/index.json', { cache: 'no-store' })).arrayBuffer();
        return performance.now() - start;
      })()`),
    );
    await context.close();
  }
  return { loadAverage: loadavg()[0], blankPageMs: median(blank), requestMs: median(request) };
}

/**
 * Each query in a fresh browser context (empty cache), opened once the browser has gone quiet (see
 * browserQuiet): `run` opens the page and returns the milliseconds to results; the bytes and requests
 * the server sent for it are counted.
 */
async function measureFirstQueries(
  browser: Browser,
  server: StaticServer,
  queries: readonly string[],
  run: (page: Page, query: string) => Promise<number>,
): Promise<FirstQuery[]> {
  const first: FirstQuery[] = [];
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const browserQuietMs = await browserQuiet(browser);
    const sentBefore = server.sent.length;
    const ms = await run(page, query);
    await page.waitForLoadState('networkidle');
    first.push({ query, ms, ...sentSince(server, sentBefore), browserQuietMs });
    await context.close();
  }
  return first;
}

/**
 * First queries on a search page (`searchUrl` + ?q=…), each in a fresh context: the time to results in
 * the DOM, and the median of each phase the page marks.
 */
async function measureSearchPage(
  browser: Browser,
  server: StaticServer,
  searchUrl: string,
  queries: string[],
) {
  const phases: Record<string, number>[] = [];
  const first = await measureFirstQueries(browser, server, queries, async (page, query) => {
    await page.addInitScript({ content: SETTLE_RECORDER });
    const settled = page.waitForEvent('console', (message) => message.text() === SETTLED_MESSAGE);
    await page.goto(`${searchUrl}?q=${encodeURIComponent(query)}`);
    await settled;
    phases.push(await page.evaluate<Record<string, number>>(PHASES));
    return page.evaluate<number>('window.settledAt');
  });
  const phaseNames = Object.keys(phases[0] ?? {});
  const phasesMedianMs = Object.fromEntries(
    phaseNames.map((name) => [name, median(phases.map((row) => row[name] ?? 0))]),
  );
  return { ...firstQuerySummary(first), phasesMedianMs };
}

async function measureOurs(
  browser: Browser,
  server: StaticServer,
  queries: string[],
  truthUrls: Map<string, string[]>,
) {
  // First query: opening search/?q=… in a page with an empty cache.
  const firstQuery = await measureSearchPage(browser, server, `${server.url}search/`, queries);

  // Following queries: typed into the same page, from submit to results in the DOM.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}search/?q=${encodeURIComponent(queries[0] as string)}`);
  await page.waitForFunction(
    `document.getElementById('search-results').getAttribute('aria-busy') === 'false'`,
  );
  await browserQuiet(browser);
  const following: number[] = [];
  // The same query again: every file is in memory, so this is the script's own work (search + render).
  const warm: number[] = [];
  for (const query of queries.slice(1)) {
    following.push(await page.evaluate<number>(`(${TIMED_SUBMIT})(${JSON.stringify(query)})`));
    warm.push(await page.evaluate<number>(`(${TIMED_SUBMIT})(${JSON.stringify(query)})`));
  }
  // Typed, as a reader searches: from Enter to results. The page searches quietly as the text is typed.
  const typedPage = await context.newPage();
  await typedPage.goto(`${server.url}search/?q=${encodeURIComponent(queries[0] as string)}`);
  await typedPage.waitForFunction(
    `document.getElementById('search-results').getAttribute('aria-busy') === 'false'`,
  );
  await typedPage.evaluate(ENTER_TIMER);
  const typed: number[] = [];
  for (const query of queries.slice(1)) {
    await typedPage.fill('#search-input', '');
    await typedPage.evaluate('window.typedMs = undefined');
    await typedPage.locator('#search-input').pressSequentially(query, { delay: TYPING.perCharacterMs });
    await typedPage.waitForTimeout(TYPING.beforeEnterMs);
    await typedPage.press('#search-input', 'Enter');
    await typedPage.waitForFunction('window.typedMs !== undefined');
    typed.push(await typedPage.evaluate<number>('window.typedMs'));
  }

  // Recall and precision: the same engine, bundled for the bench page, lists every result.
  await page.goto(`${server.url}search/engine.html`);
  const rows: QueryMeasurement[] = [];
  for (const query of queries) {
    const urls = await page.evaluate<string[]>(`window.benchSearch(${JSON.stringify(query)})`);
    rows.push(measure(query, truthUrls.get(query) ?? [], urls));
  }
  await context.close();
  return {
    firstQuery,
    /** Set and submitted at once (pasted): nothing loaded before the submit. */
    followingQuery: { medianMs: median(following), maxMs: Math.max(...following) },
    /** Typed at a reader's pace, then Enter: from Enter to results. */
    typedQuery: { ...TYPING, medianMs: median(typed), maxMs: Math.max(...typed) },
    repeatedQuery: { medianMs: median(warm), maxMs: Math.max(...warm) },
    quality: summary(rows),
    perQuery: rows,
  };
}

async function measurePagefind(
  browser: Browser,
  server: StaticServer,
  queries: string[],
  truthUrls: Map<string, string[]>,
) {
  const first = await measureFirstQueries(browser, server, queries, async (page, query) => {
    await page.goto(`${server.url}blank.html`);
    return page.evaluate<number>(PAGEFIND_FIRST_QUERY(query, PREFIX));
  });

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}blank.html`);
  const rows: QueryMeasurement[] = [];
  for (const query of queries) {
    const urls = await page.evaluate<string[]>(PAGEFIND_ALL_RESULTS(query, PREFIX));
    rows.push(measure(query, truthUrls.get(query) ?? [], urls));
  }
  await context.close();
  return { firstQuery: firstQuerySummary(first), quality: summary(rows), perQuery: rows };
}

function sentSince(server: StaticServer, from: number): { bytes: number; requests: number } {
  const sent = server.sent.slice(from);
  return { bytes: sent.reduce((sum, response) => sum + response.bytes, 0), requests: sent.length };
}

async function buildPagefind(docs: readonly SearchDocument[], outputPath: string, maxFragments?: number) {
  const { index, errors } = await pagefind.createIndex({
    forceLanguage: 'zh-cn',
    ...(maxFragments ? { maxFragments } : {}),
  });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  // Records go to Pagefind's service process one message each: keep 64 in flight.
  for (let first = 0; first < docs.length; first += 64) {
    await Promise.all(
      docs.slice(first, first + 64).map((doc) =>
        index.addCustomRecord({
          url: `${PREFIX}${doc.url}`,
          content: [doc.title, ...doc.paragraphs].join('\n'),
          language: 'zh-cn',
          meta: { title: doc.title },
        }),
      ),
    );
  }
  await index.writeFiles({ outputPath });
  await index.deleteIndex();
}

/** A page-side handle on the same engine the search page uses, to list every result of a query. */
async function bundleEngine(outfile: string): Promise<void> {
  const query = fileURLToPath(new URL('../search/query.ts', import.meta.url));
  const loader = fileURLToPath(new URL('../client/fetch-loader.ts', import.meta.url));
  await build({
    stdin: {
      contents: `import { SearchIndex } from ${JSON.stringify(query)};
import { fetchLoader } from ${JSON.stringify(loader)};
const opened = SearchIndex.open(fetchLoader(new URL('index.json', document.baseURI)).load);
window.benchSearch = async (text) => {
  const index = await opened;
  const { hits } = await index.search(text);
  const urls = [];
  for (let i = 0; i < hits.length; i += 500) {
    const docs = await index.documents(hits.slice(i, i + 500).map((hit) => hit.doc));
    urls.push(...docs.map((doc) => doc.url));
  }
  return urls;
};`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2020',
    outfile,
    logLevel: 'silent',
  });
}

async function sameTrees(a: string, b: string): Promise<boolean> {
  const list = async (root: string) =>
    (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)))
      .sort();
  const [left, right] = await Promise.all([list(a), list(b)]);
  if (left.join('\n') !== right.join('\n')) return false;
  for (const path of left) {
    const [x, y] = await Promise.all([readFile(join(a, path)), readFile(join(b, path))]);
    if (!x.equals(y)) return false;
  }
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing');
  const [issuesArgument, workDirArgument] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const issues = Number(issuesArgument ?? 1000);
  const workDir = workDirArgument ?? join(process.cwd(), '.cache', `search-bench-${issues}`);
  const docs = corpusDocuments(generateCorpus({ issues, seed: 1 }));
  const result = await benchSearch(docs, workDir, { pagefind: !process.argv.includes('--no-pagefind') });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
