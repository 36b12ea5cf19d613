import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS } from '../../src/bench/chromium.ts';
import { generateCorpus } from '../../src/bench/corpus.ts';
import { buildSearchSite } from '../../src/bench/search-site.ts';
import { truth } from '../../src/search/truth.ts';
import { type StaticServer, serveStatic } from '../../src/site/static-server.ts';
import { corpusDocuments, edgeCaseDocuments, realBulletinDocuments } from './fixture-docs.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === 'true')
  throw new Error(`${CHROMIUM} is missing: CI must run the browser tests`);
if (!hasChromium)
  console.warn(`SKIPPED browser search tests: ${CHROMIUM} is missing (apt-get install chromium)`);

const PREFIX = '/jb/';

// Page-side code is written as strings, as in tests/browser: the Node tsconfig has no DOM types on purpose.
/** Records every aria-busy value the results container takes, from before the page's script runs. */
const BUSY_RECORDER = `window.busyRecord = [];
new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.target.id === 'search-results') window.busyRecord.push(mutation.target.getAttribute('aria-busy'));
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });`;
const BUSY_IS_FALSE = `document.getElementById('search-results').getAttribute('aria-busy') === 'false'`;
/** A search has finished: its count announced and aria-busy back to false. */
const SETTLED = `/找到 \\d+ 篇文章/.test(document.getElementById('search-status').textContent) && ${BUSY_IS_FALSE}`;
const docs = [
  ...realBulletinDocuments(),
  ...corpusDocuments(generateCorpus({ issues: 1, seed: 5 })),
  ...edgeCaseDocuments(),
];

describe.skipIf(!hasChromium)('the search page in Chromium', () => {
  let root: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jianbao-search-site-'));
    await buildSearchSite(docs, root, PREFIX);
    server = await serveStatic({ root, pathPrefix: PREFIX });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function openPage(): Promise<{ page: Page; requests: string[]; events: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    /** "request URL" and "finished URL" in the order they happen. */
    const events: string[] = [];
    page.on('request', (request) => {
      requests.push(request.url());
      events.push(`request ${request.url()}`);
    });
    page.on('requestfinished', (request) => events.push(`finished ${request.url()}`));
    page.on('requestfailed', (request) => events.push(`failed ${request.url()}`));
    await page.addInitScript({ content: BUSY_RECORDER });
    return { page, requests, events };
  }

  /** Waits until no request is open and none has started for 300 ms. */
  async function networkQuiet(page: Page, events: string[]): Promise<void> {
    const open = () =>
      events.filter((event) => event.startsWith('request ')).length -
      events.filter((event) => !event.startsWith('request ')).length;
    for (let seen = -1; seen !== events.length || open() > 0; ) {
      seen = events.length;
      await page.waitForTimeout(300);
    }
  }

  /** Waits until a search has finished: status written and aria-busy back to false. */
  async function settled(page: Page): Promise<string> {
    await page.waitForFunction(SETTLED);
    return (await page.textContent('#search-status')) ?? '';
  }

  /** Every result link's path, pressing "more" until all are shown. */
  async function allResultPaths(page: Page): Promise<string[]> {
    while (await page.$('button.search-more')) {
      const before = await page.locator('#search-results li').count();
      await page.click('button.search-more');
      await page.waitForFunction(
        `document.querySelectorAll('#search-results li').length > ${before} && ${BUSY_IS_FALSE}`,
      );
    }
    return resultPaths(page);
  }

  async function resultPaths(page: Page): Promise<string[]> {
    const hrefs = await page
      .locator('#search-results li h2 a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    return hrefs.map((href) => new URL(href, page.url()).pathname);
  }

  const queries = [
    '数据',
    '数据安',
    '大数据安全',
    '5G',
    'ipv6',
    'HTTPS',
    '2014',
    '数据 安全',
    '云计算 规划',
    '量子纠缠',
  ];
  for (const query of queries) {
    test(`shows exactly the articles containing ${query}, from ?q= in the URL`, async () => {
      const { page, requests } = await openPage();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      const status = await settled(page);
      const expected = truth(query, docs).map((id) => `${PREFIX}${docs[id]?.url}`);
      expect(status).toContain(`找到 ${expected.length} 篇文章`);
      expect((await allResultPaths(page)).sort()).toEqual([...expected].sort());
      expect(await page.inputValue('#search-input')).toBe(query);
      expect(requests.every((url) => url.startsWith(server.url))).toBe(true);
      await page.context().close();
    });
  }

  test("fetches a query's index files beside the entry file, not after it, and each once", async () => {
    const { page, events } = await openPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('大数据安全')}`);
    await settled(page);
    const indexFiles = events
      .filter((event) => /^request .*\/search\/(grams|positions)\//.test(event))
      .map((event) => new URL(event.slice('request '.length)));
    // 大数据安全 is read from the bigrams 大数, 据安 and 安全: posting lists and positions.
    expect(indexFiles.length).toBeGreaterThanOrEqual(2);
    expect(new Set(indexFiles.map((url) => url.pathname)).size).toBe(indexFiles.length);
    // Named by the stamp the page carries, which is the index's, and requested before the entry arrived.
    const { stamp } = JSON.parse(await readFile(join(root, 'search/index.json'), 'utf8'));
    expect(indexFiles.every((url) => url.searchParams.get('v') === stamp)).toBe(true);
    const entryArrived = events.findIndex((event) => /^finished .*\/search\/index\.json/.test(event));
    const firstShard = events.findIndex((event) => /^request .*\/search\/grams\//.test(event));
    expect(entryArrived).toBeGreaterThan(-1);
    expect(firstShard).toBeLessThan(entryArrived);
    await page.context().close();
  });

  test("searches the URL's query from the head, once, and requests its first documents before the page is wired", async () => {
    // A page whose form the script cannot find: nothing is wired up, so whatever is requested, the head
    // script requested on its own.
    const { page, requests } = await openPage();
    await page.route('**/search/?q=*', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('id="search-form"', 'id="unwired-form"');
      await route.fulfill({ response, body: html });
    });
    await page.goto(`${server.url}search/?q=${encodeURIComponent('数据')}`);
    await page.waitForFunction(
      `performance.getEntriesByType('resource').some((r) => r.name.includes('/search/docs/'))`,
      undefined,
      { timeout: 10_000 },
    );
    const docsFiles = requests.filter((url) => url.includes('/search/docs/'));
    expect(docsFiles.length).toBeGreaterThan(0);
    expect(docsFiles.length).toBeLessThanOrEqual(10);
    await page.context().close();

    // On the real page, the results shown are that same search: ranked once.
    const wired = await openPage();
    await wired.page.goto(`${server.url}search/?q=${encodeURIComponent('数据')}`);
    expect(await settled(wired.page)).toContain('找到');
    expect(await wired.page.evaluate(`performance.getEntriesByName('jianbao:searched').length`)).toBe(1);
    await wired.page.context().close();
  });

  test('finds exactly the truth from a page older than its index (another stamp on the page)', async () => {
    const { page, requests } = await openPage();
    await page.route('**/search/?q=*', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/data-index-stamp="[^"]*"/, 'data-index-stamp="0ld5tamp"');
      await route.fulfill({ response, body: html });
    });
    await page.goto(`${server.url}search/?q=${encodeURIComponent('大数据安全')}`);
    const status = await settled(page);
    const expected = truth('大数据安全', docs).map((id) => `${PREFIX}${docs[id]?.url}`);
    expect(status).toContain(`找到 ${expected.length} 篇文章`);
    expect((await allResultPaths(page)).sort()).toEqual([...expected].sort());
    // The page's guesses were fetched, and the index then loaded its own files under its own stamp.
    expect(requests.some((url) => url.includes('/search/grams/') && url.includes('v=0ld5tamp'))).toBe(true);
    await page.context().close();
  });

  test('loads what a search needs while it is typed, so Enter shows results without a request', async () => {
    const { page, requests, events } = await openPage();
    await page.goto(`${server.url}search/`);
    await page.locator('#search-input').pressSequentially('大数据', { delay: 20 });
    await networkQuiet(page, events);
    expect(requests.some((url) => url.includes('/search/docs/'))).toBe(true);
    const before = requests.length;
    await page.press('#search-input', 'Enter');
    const status = await settled(page);
    expect(status).toContain(`找到 ${truth('大数据', docs).length} 篇文章`);
    expect(requests.slice(before)).toEqual([]);
    expect(await page.$$eval('#search-results li', (items) => items.length)).toBe(
      Math.min(10, truth('大数据', docs).length),
    );
    await page.context().close();
  });

  test('searches a pasted query at once, a typed one after a pause in the typing', async () => {
    /** Opens the page on a stopped clock and puts text in the field as the given kind of input. */
    const inputOnStoppedClock = async (inputType: string, text: string) => {
      const opened = await openPage();
      // Every fetch the page calls, recorded as it is called (a request event would come later).
      await opened.page.addInitScript(`window.fetched = [];
        const fetchOriginal = window.fetch;
        window.fetch = (input, init) => { window.fetched.push(String(input)); return fetchOriginal(input, init); };`);
      await opened.page.clock.install();
      await opened.page.goto(`${server.url}search/`);
      await opened.page.clock.pauseAt(Date.now() + 60_000); // the page's timers now move only when told
      await opened.page.evaluate(`(() => {
        const field = document.getElementById('search-input');
        field.value = ${JSON.stringify(text)};
        field.dispatchEvent(new InputEvent('input', { inputType: ${JSON.stringify(inputType)}, bubbles: true }));
      })()`);
      const shardsRequested = () => opened.requests.some((url) => url.includes('/search/grams/'));
      const shardsFetched = () =>
        opened.page.evaluate<boolean>(`window.fetched.some((url) => url.includes('/search/grams/'))`);
      return { ...opened, shardsRequested, shardsFetched };
    };

    const typed = await inputOnStoppedClock('insertText', '政务');
    await typed.page.clock.runFor(10);
    expect(await typed.shardsFetched()).toBe(false);
    await typed.page.clock.runFor(100);
    await expect.poll(typed.shardsRequested).toBe(true);
    await typed.page.context().close();

    const pasted = await inputOnStoppedClock('insertFromPaste', '政务');
    await pasted.page.clock.runFor(1);
    await expect.poll(pasted.shardsRequested).toBe(true);
    await pasted.page.context().close();
  });

  test('highlights the matched text in titles and snippets', async () => {
    const { page } = await openPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('大数据安全')}`);
    await settled(page);
    const marks = await page.$$eval('#search-results mark', (elements) =>
      elements.map((mark) => mark.textContent),
    );
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((text) => text === '大数据安全')).toBe(true);
    const meta = await page.textContent('#search-results .search-result-meta');
    expect(meta).toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.context().close();
  });

  test('sets aria-busy while a search runs and back when its results are in the DOM', async () => {
    const { page } = await openPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('政务')}`);
    await settled(page);
    await page.fill('#search-input', '电子政务');
    await page.press('#search-input', 'Enter');
    await page.waitForFunction('window.busyRecord.length >= 4');
    await settled(page);
    const record = await page.evaluate<string[]>('window.busyRecord');
    expect(record).toEqual(['true', 'false', 'true', 'false']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('电子政务');
    const count = await page.$$eval('#search-results li', (items) => items.length);
    expect(count).toBeGreaterThan(0);
    await page.context().close();
  });

  test('links every result to a page that exists under the path prefix', async () => {
    const { page } = await openPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('数据')}`);
    await settled(page);
    const paths = await resultPaths(page);
    expect(paths.length).toBe(10);
    for (const path of paths) {
      expect(path.startsWith(PREFIX)).toBe(true);
      expect((await page.request.get(new URL(path, server.url).href)).status(), path).toBe(200);
    }
    await page.context().close();
  });

  test('filters by section and year, keeping them in the URL', async () => {
    const { page } = await openPage();
    await page.goto(`${server.url}search/`);
    await page.fill('#search-input', '数据');
    await page.selectOption('#search-section', 'cloud-bigdata');
    await page.selectOption('#search-year', '2014');
    await page.press('#search-input', 'Enter');
    await settled(page);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: '数据',
      section: 'cloud-bigdata',
      year: '2014',
    });
    const expected = truth('数据', docs)
      .map((id) => docs[id])
      .filter((doc) => doc?.sectionSlug === 'cloud-bigdata' && doc.date.startsWith('2014'))
      .map((doc) => `${PREFIX}${doc?.url}`);
    expect((await allResultPaths(page)).sort()).toEqual(expected.sort());
    await page.goBack();
    await page.waitForFunction(`document.getElementById('search-input').value === ''`);
    await page.context().close();
  });

  test('announces the count in a polite live region next to a labelled field', async () => {
    const { page } = await openPage();
    await page.goto(`${server.url}search/?q=HTTPS`);
    await settled(page);
    expect(await page.getAttribute('#search-status', 'aria-live')).toBe('polite');
    expect(await page.getAttribute('#search-status', 'role')).toBe('status');
    expect(await page.textContent('label[for="search-input"]')).toBe('搜索文章');
    await page.focus('#search-input');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(`document.activeElement.closest('#search-results') !== null`)).toBe(true);
    await page.context().close();
  });

  test('warns, visibly and in the console, when the index has another format version', async () => {
    const { page } = await openPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.route('**/search/index.json*', async (route) => {
      const response = await route.fetch();
      const entry = await response.json();
      await route.fulfill({ response, json: { ...entry, version: entry.version + 1 } });
    });
    await page.goto(`${server.url}search/?q=${encodeURIComponent('数据')}`);
    const status = await settled(page);
    expect(status).toContain('不一致');
    expect(warnings.some((text) => text.includes('jianbao search'))).toBe(true);
    expect(await page.$$eval('#search-results li', (items) => items.length)).toBeGreaterThan(0);
    await page.context().close();
  });
});
