// The site in Chromium: accessibility in light and dark, every screen width, typography, print, lean pages.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listFiles } from '../support/site-files.ts';
import { removeTemporaryDirectories } from '../support/temp.ts';
import { describeWithChromium, launchChromium } from './chromium.ts';
import { buildAndServeSite, OUTPUT_DIR, PAGES, PATH_PREFIX, type PageKind, type ServedSite } from './site.ts';

const require = createRequire(import.meta.url);
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');
const SCREENSHOTS = path.join(OUTPUT_DIR, 'screenshots');

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const SMALLEST = { width: 320, height: 640 };
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

const AXE_PAGES: PageKind[] = ['home', 'issue', 'section', 'article', 'archive', 'search', 'notFound'];
const ALL_PAGES = Object.keys(PAGES) as PageKind[];
/** For a test that visits every page type: a few seconds here, more on a busy CI machine. */
const LOOP_TIMEOUT = 120_000;

interface Visit {
  viewport?: { width: number; height: number };
  colorScheme?: Scheme;
  media?: 'screen' | 'print';
}

/** Compact description of axe violations for a failure message. */
function describeViolations(violations: Result[]): string[] {
  return violations.map(
    (violation) =>
      `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
}

describeWithChromium('the site in Chromium', () => {
  let site: ServedSite;
  let browser: Browser;
  let context: BrowserContext;
  /** One tab for all visits: a new context per visit costs Chromium half a second on a small machine. */
  let page: Page;
  /** Every URL the page requested during the latest visit, in order. */
  let requests: string[] = [];
  const axeReport: Record<string, string[]> = {};

  beforeAll(async () => {
    [site, browser] = await Promise.all([buildAndServeSite(), launchChromium()]);
    context = await browser.newContext();
    page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    if (Object.keys(axeReport).length > 0)
      writeFileSync(path.join(OUTPUT_DIR, 'axe.json'), `${JSON.stringify(axeReport, null, 2)}\n`);
    await browser?.close();
    await site?.server.close();
    removeTemporaryDirectories();
  });

  async function visit(kind: PageKind, options: Visit = {}): Promise<Page> {
    await page.setViewportSize(options.viewport ?? DESKTOP);
    await page.emulateMedia({
      media: options.media ?? 'screen',
      colorScheme: options.colorScheme ?? 'light',
    });
    requests = [];
    await page.goto(site.url(PAGES[kind]), { waitUntil: 'load' });
    return page;
  }

  it.each(AXE_PAGES)(
    'has no serious or critical axe violation on the %s page, light or dark',
    async (kind) => {
      await visit(kind);
      await page.addScriptTag({ path: AXE_SCRIPT });
      const serious: Record<string, string[]> = {};
      for (const scheme of SCHEMES) {
        // The colours follow the media query alone: no reload, and axe stays injected.
        await page.emulateMedia({ colorScheme: scheme });
        const results = await page.evaluate<AxeResults>('axe.run(document, { resultTypes: ["violations"] })');
        axeReport[`${kind} (${scheme})`] = describeViolations(results.violations);
        serious[scheme] = describeViolations(
          results.violations.filter(
            (violation) => violation.impact === 'serious' || violation.impact === 'critical',
          ),
        );
      }
      expect(serious).toEqual({ light: [], dark: [] });
    },
  );

  it(
    'never scrolls sideways at 320 px on any page type, long Latin words and URLs included',
    async () => {
      const overflowing: string[] = [];
      for (const kind of ALL_PAGES) {
        await visit(kind, { viewport: SMALLEST });
        const [scrollWidth, clientWidth] = await page.evaluate<[number, number]>(
          '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
        );
        if (scrollWidth > clientWidth) overflowing.push(`${kind}: ${scrollWidth} > ${clientWidth}`);
      }
      expect(overflowing).toEqual([]);
    },
    LOOP_TIMEOUT,
  );

  // One colour scheme is enough: the stylesheet names no url() (see the font test below), so dark mode
  // cannot make a page request anything that light mode does not.
  it(
    'requests nothing from any host but 127.0.0.1 on any page type',
    async () => {
      const foreign: string[] = [];
      for (const kind of ALL_PAGES) {
        await visit(kind, { colorScheme: 'dark' });
        foreign.push(...requests.filter((url) => new URL(url).hostname !== '127.0.0.1'));
      }
      expect(foreign).toEqual([]);
    },
    LOOP_TIMEOUT,
  );

  it('loads nothing for an article page but its HTML and site.css (and the icon, when asked for)', async () => {
    await visit('article');
    const paths = requests
      .map((url) => new URL(url).pathname)
      .filter((file) => !file.endsWith('/favicon.svg'));
    expect(paths).toEqual([`${PATH_PREFIX}${PAGES.article}`, `${PATH_PREFIX}css/site.css`]);
  });

  it('shows an article whole with JavaScript turned off, and the article page has no script', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      const tab = await noScript.newPage();
      await tab.goto(site.url(PAGES.article));
      expect(await tab.locator('script').count()).toBe(0);
      expect(await tab.locator('h1').isVisible()).toBe(true);
      const paragraphs = await tab.locator('.body p').all();
      expect(paragraphs.length).toBeGreaterThan(1);
      for (const paragraph of paragraphs) expect(await paragraph.isVisible()).toBe(true);
    } finally {
      await noScript.close();
    }
  });

  it('keeps every article page under 30 KB of HTML and CSS before compression', () => {
    const css = statSync(path.join(site.dir, 'css/site.css')).size;
    const articles = listFiles(site.dir).filter((file) => /^issues\/[\d-]+\/\d+\/index\.html$/.test(file));
    expect(articles).toHaveLength(44);
    const heaviest = Math.max(...articles.map((file) => statSync(path.join(site.dir, file)).size));
    expect(heaviest + css).toBeLessThan(30_000);
  });

  it('shows the skip link on keyboard focus, and the link takes focus to the main content', async () => {
    await visit('article', { viewport: PHONE });
    const skipLink = page.locator('.skip-link');
    expect((await skipLink.boundingBox())?.y ?? 0).toBeLessThan(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.className')).toBe('skip-link');
    const box = await skipLink.boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect(box?.height).toBeGreaterThan(20);
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
  });

  it('draws a visible focus ring on the link that keyboard focus is on, light or dark', async () => {
    for (const scheme of SCHEMES) {
      await visit('article', { colorScheme: scheme });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate<{ className: string; outline: string; width: number }>(`(() => {
        const style = getComputedStyle(document.activeElement);
        return { className: document.activeElement.className, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      })()`);
      expect(focused, scheme).toEqual({ className: 'site-title', outline: 'solid', width: 3 });
    }
  });

  it('fits all six header links on a 320 px phone, each a touch target at least 24 px tall', async () => {
    await visit('article', { viewport: SMALLEST });
    const links = await page.locator('.site-nav a').all();
    expect(links).toHaveLength(6);
    for (const link of links) {
      const box = await link.boundingBox();
      const name = (await link.textContent()) ?? '';
      expect(box, name).not.toBeNull();
      expect(box?.x, name).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(SMALLEST.width);
      expect(box?.height, name).toBeGreaterThanOrEqual(24);
    }
  });

  /** Header links marked aria-current on each page type, as "text=value". */
  const CURRENT_IN_HEADER: Record<PageKind, string[]> = {
    home: ['电子政务简报=page'],
    issue: ['往期=true'],
    article: ['国外电子政务=true'],
    longWordArticle: ['国外电子政务=true'],
    section: ['国外电子政务=page'],
    sectionYear: ['国外电子政务=true'],
    archive: ['往期=page'],
    search: ['搜索=page'],
    sections: [],
    sources: [],
    source: [],
    about: [],
    notFound: [],
  };

  it(
    'marks where the reader is with aria-current, and aria-current="page" only on links to the page itself',
    async () => {
      for (const kind of ALL_PAGES) {
        await visit(kind);
        const inHeader = await page
          .locator('.site-header a[aria-current]')
          .evaluateAll((links) =>
            links.map((link) => `${link.textContent}=${link.getAttribute('aria-current')}`),
          );
        expect(inHeader, kind).toEqual(CURRENT_IN_HEADER[kind]);
        const toPage = await page
          .locator('a[aria-current="page"]')
          .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
        for (const href of toPage) expect(href, kind).toBe(`${PATH_PREFIX}${PAGES[kind]}`);
        const hasBreadcrumbs = kind !== 'home' && kind !== 'notFound';
        expect(await page.locator('.breadcrumbs li:last-child [aria-current="page"]').count(), kind).toBe(
          hasBreadcrumbs ? 1 : 0,
        );
      }
    },
    LOOP_TIMEOUT,
  );

  it('sets Chinese in system fonts, Latin fonts first, and loads no web font', async () => {
    await visit('article');
    const families = (await page.evaluate<string>('getComputedStyle(document.body).fontFamily'))
      .split(',')
      .map((family) => family.trim().replace(/^"|"$/g, ''));
    const positions = [
      'Arial',
      'PingFang SC',
      'Hiragino Sans GB',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      'Source Han Sans SC',
      'sans-serif',
    ].map((family) => families.indexOf(family));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(families.at(-1)).toBe('sans-serif');
    const css = readFileSync(path.join(site.dir, 'css/site.css'), 'utf8');
    expect(css).not.toMatch(/url\(|@import/);
  });

  it('reads an article in lines of 30 to 40 characters at a line height of about 1.8 on a desktop', async () => {
    await visit('article', { viewport: DESKTOP });
    const paragraph = await page.evaluate<Record<string, string | number | boolean>>(`(() => {
      const p = document.querySelector('.body p');
      const style = getComputedStyle(p);
      const size = parseFloat(style.fontSize);
      return {
        characters: Math.round(p.getBoundingClientRect().width / size),
        lineHeight: Math.round((parseFloat(style.lineHeight) / size) * 10) / 10,
        spacing: parseFloat(style.marginBottom) > 0,
        lineBreak: style.lineBreak,
        overflowWrap: style.overflowWrap,
        autospace: !CSS.supports('text-autospace', 'normal') || style.textAutospace === 'normal',
        spacingTrim: !CSS.supports('text-spacing-trim', 'space-first') || style.textSpacingTrim === 'space-first',
      };
    })()`);
    expect(paragraph.characters).toBeGreaterThanOrEqual(30);
    expect(paragraph.characters).toBeLessThanOrEqual(40);
    expect(paragraph).toMatchObject({
      lineHeight: 1.8,
      spacing: true,
      lineBreak: 'strict',
      overflowWrap: 'anywhere',
      autospace: true,
      spacingTrim: true,
    });
  });

  it('turns dark with prefers-color-scheme: dark', async () => {
    const lightness: Record<string, number> = {};
    for (const scheme of SCHEMES) {
      await visit('article', { colorScheme: scheme });
      const colour = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
      const channels = (colour.match(/\d+/g) ?? []).slice(0, 3).map(Number);
      lightness[scheme] = channels.reduce((sum, value) => sum + value, 0) / 3;
    }
    expect(lightness.light).toBeGreaterThan(230);
    expect(lightness.dark).toBeLessThan(40);
  });

  it('prints an issue black on white without the site navigation, each section on a new page', async () => {
    await visit('issue', { colorScheme: 'dark', media: 'print' });
    const printed = await page.evaluate<Record<string, string>>(`(() => {
      const style = (selector) => getComputedStyle(document.querySelector(selector));
      return {
        skipLink: style('.skip-link').display,
        header: style('.site-header').display,
        breadcrumbs: style('.breadcrumbs').display,
        pager: style('.pager').display,
        footer: style('.site-footer').display,
        text: style('.issue-article p').color,
        background: style('body').backgroundColor,
        sectionBreak: style('.issue-section').breakBefore,
        headingBreak: style('.issue-article h3').breakAfter,
      };
    })()`);
    expect(printed).toEqual({
      skipLink: 'none',
      header: 'none',
      breadcrumbs: 'none',
      pager: 'none',
      footer: 'none',
      text: 'rgb(0, 0, 0)',
      background: 'rgb(255, 255, 255)',
      sectionBreak: 'page',
      headingBreak: 'avoid',
    });
    await page.pdf({ path: path.join(OUTPUT_DIR, 'issue-print.pdf'), format: 'A4' });
  });

  it(
    'takes screenshots of the home, issue and article pages on a phone and a desktop, light and dark',
    async () => {
      const taken: string[] = [];
      for (const kind of ['home', 'issue', 'article'] as const) {
        for (const [device, viewport] of [
          ['phone', PHONE],
          ['desktop', DESKTOP],
        ] as const) {
          for (const scheme of SCHEMES) {
            const file = `${kind}-${device}-${scheme}.png`;
            await visit(kind, { viewport, colorScheme: scheme });
            // A whole issue is a dozen screens long; its first three show the masthead, contents and text.
            const clip =
              kind === 'issue'
                ? { x: 0, y: 0, width: viewport.width, height: viewport.height * 3 }
                : undefined;
            await page.screenshot({ path: path.join(SCREENSHOTS, file), fullPage: true, clip });
            taken.push(file);
          }
        }
      }
      expect(taken).toHaveLength(12);
      for (const file of taken)
        expect(statSync(path.join(SCREENSHOTS, file)).size, file).toBeGreaterThan(10_000);
    },
    LOOP_TIMEOUT,
  );
});
