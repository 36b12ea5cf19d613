// The built site of the real bulletin: pages, headings, feeds, determinism, and safety of hostile text.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulletinError } from '../../src/bulletin/errors.ts';
import type { Article } from '../../src/bulletin/types.ts';
import { DEFAULT_SITE } from '../../src/content/config.ts';
import { bundleSearchClient } from '../../src/search/bundle-client.ts';
import { buildSite } from '../../src/site/build.ts';
import { BuildError } from '../../src/site/errors.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import { type PageData, renderSelection } from '../../src/site/pages.ts';
import type { SearchPageData } from '../../src/site/search-files.ts';
import { selectAllPages } from '../../src/site/selection.ts';
import { decodeEntities, fileHashes, firstHeading, listFiles, readPage } from '../support/site-files.ts';
import { removeTemporaryDirectories, temporaryDirectory } from '../support/temp.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const CONTENT = path.join(ROOT, 'content');
const HOSTILE = path.join(ROOT, 'tests/fixtures/content/hostile');
const expected: { sections: { title: string; slug: string; articles: Article[] }[] } = JSON.parse(
  readFileSync(path.join(ROOT, 'tests/fixtures/real-bulletin/expected.json'), 'utf8'),
);
const expectedArticles = expected.sections.flatMap((section) => section.articles);

let out: string;

/** The article body's paragraphs as a reader sees them (tags removed, entities decoded). */
function bodyParagraphs(html: string): string[] {
  const body = /<div class="body">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<p>([\s\S]*?)<\/p>\n/g)].map((match) => decodeEntities(match[1] ?? ''));
}

beforeAll(async () => {
  out = path.join(temporaryDirectory('site'), '_site');
  await buildSite({ contentDir: CONTENT, outDir: out, pathPrefix: '/jb/' });
});
afterAll(removeTemporaryDirectories);

describe('the site of the real bulletin', () => {
  it('has 22 article pages whose <h1> is the article title', () => {
    const articlePages = listFiles(out).filter((file) => /^issues\/2014-08-14\/\d+\/index\.html$/.test(file));
    expect(articlePages).toHaveLength(22);
    expectedArticles.forEach((article, index) => {
      expect(firstHeading(readPage(out, `issues/2014-08-14/${index + 1}/`))).toBe(article.title);
    });
  });

  it('has a page per section whose <h1> starts with the section title', () => {
    for (const section of expected.sections) {
      expect(firstHeading(readPage(out, `sections/${section.slug}/`))?.startsWith(section.title)).toBe(true);
      expect(firstHeading(readPage(out, `sections/${section.slug}/2014/`))?.startsWith(section.title)).toBe(
        true,
      );
    }
  });

  it('has an issue page with all 22 titles and their paragraphs in order', () => {
    const html = readPage(out, 'issues/2014-08-14/');
    let position = 0;
    for (const article of expectedArticles) {
      const found = html.indexOf(`${article.number}. ${article.title}`, position);
      expect(found, article.title).toBeGreaterThan(position);
      position = found;
    }
    expect(html).toContain('荷兰、日本、美国、英国、新西兰、芬兰');
  });

  it('shows the latest issue grouped by section on the home page', () => {
    const html = readPage(out, '');
    for (const section of expected.sections) expect(html).toContain(`>${section.title}</a></h2>`);
    expect(html).toContain('href="/jb/issues/2014-08-14/22/"');
  });

  it('writes valid Atom feeds for the site and each section', () => {
    const feeds = [
      'feed.xml',
      ...expected.sections.map((section) => `sections/${section.slug}/feed.xml`),
    ].map((file) => readFileSync(path.join(out, file), 'utf8'));
    // XML allows nothing, not even a blank line, before its declaration; lenient parsers hide that.
    for (const text of feeds)
      expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed ')).toBe(true);
    const site = parseFeed(feeds[0] as string);
    expect(site.title).toBe('电子政务简报');
    expect(site.items).toHaveLength(22);
    expect(site.items[0]?.title).toBe(expectedArticles.at(-1)?.title);
    expect(site.items[0]?.url).toBe('https://jianbao.example.org/issues/2014-08-14/22/');
    for (const section of expected.sections) {
      const feed = parseFeed(readFileSync(path.join(out, `sections/${section.slug}/feed.xml`), 'utf8'));
      expect(feed.items.map((item) => item.title).sort()).toEqual(
        section.articles.map((article) => article.title).sort(),
      );
    }
  });

  it('writes sitemap.xml, robots.txt and 404.html', () => {
    const sitemap = readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    // Home, 5 fixed pages, 4 sections with one year each, the sources, the issue and its 22 articles.
    const sources = readdirSync(path.join(out, 'sources'), { withFileTypes: true }).filter((e) =>
      e.isDirectory(),
    );
    expect(sitemap.match(/<loc>/g)?.length).toBe(1 + 5 + 4 + 4 + sources.length + 1 + 22);
    expect(sitemap).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<urlset /);
    expect(sitemap).toContain(
      '<url><loc>https://jianbao.example.org/issues/2014-08-14/1/</loc><lastmod>2014-08-14</lastmod></url>',
    );
    expect(sitemap).toContain('<url><loc>https://jianbao.example.org/sections/</loc></url>');
    expect(readFileSync(path.join(out, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://jianbao.example.org/sitemap.xml',
    );
    expect(firstHeading(readFileSync(path.join(out, '404.html'), 'utf8'))).toBe('找不到页面');
  });

  it('inlines the stylesheet on the search page only; every other page links it', () => {
    const css = readFileSync(path.join(ROOT, 'public/css/site.css'), 'utf8');
    const link = '<link rel="stylesheet" href="/jb/css/site.css">';
    for (const file of listFiles(out).filter((name) => name.endsWith('.html'))) {
      const html = readFileSync(path.join(out, file), 'utf8');
      if (file === 'search/index.html') {
        expect(html.split(`<style>${css}</style>`)).toHaveLength(2);
        expect(html).not.toContain(link);
      } else {
        expect(html, file).toContain(link);
      }
    }
  });

  it('builds byte-identical output from the same content', async () => {
    const again = path.join(temporaryDirectory('site-again'), '_site');
    await buildSite({ contentDir: CONTENT, outDir: again, pathPrefix: '/jb/' });
    expect(fileHashes(again)).toEqual(fileHashes(out));
  });
});

describe('a content folder that holds only issues/', () => {
  it('builds with the default settings and the built-in section slugs', async () => {
    const content = temporaryDirectory('only-issues');
    cpSync(path.join(CONTENT, 'issues'), path.join(content, 'issues'), { recursive: true });
    const target = path.join(temporaryDirectory('only-issues-out'), '_site');
    await buildSite({ contentDir: content, outDir: target });
    expect(readPage(target, '')).toContain('<title>电子政务简报</title>');
    expect(firstHeading(readPage(target, 'sections/overseas-egov/'))).toBe('国外电子政务');
    expect(parseFeed(readFileSync(path.join(target, 'feed.xml'), 'utf8')).items[0]?.url).toBe(
      'http://localhost/issues/2014-08-14/22/',
    );
  });

  it('takes the site title and address from content/site.yaml when it is there', () => {
    const feed = parseFeed(readFileSync(path.join(out, 'feed.xml'), 'utf8'));
    expect(feed.url).toBe('https://jianbao.example.org/');
  });
});

describe('a bulletin full of hostile text', () => {
  let hostile: string;
  beforeAll(async () => {
    hostile = path.join(temporaryDirectory('hostile'), '_site');
    await buildSite({ contentDir: HOSTILE, outDir: hostile });
  });

  it('shows markup, Markdown and template syntax literally', () => {
    const article = readPage(hostile, 'issues/2014-09-01/1/');
    expect(firstHeading(article)).toBe('<script>alert("title")</script> **粗体标题** {{ 7 * 7 }} {% raw %}');
    expect(bodyParagraphs(article)).toEqual([
      '正文 <b>加粗</b> <img src=x onerror=alert(1)> [链接](javascript:alert(1)) {% include "x.njk" %} {{ site.title }}',
      '# 不是标题',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the bulletin holds this text literally
      '&amp; &lt;script&gt; ${process.env.HOME}',
    ]);
    expect(article).not.toContain('49');
    expect(bodyParagraphs(readPage(hostile, 'issues/2014-09-01/2/'))).toEqual([
      '正文 </p></article><script>alert(2)</script>。',
    ]);
    expect(firstHeading(readPage(hostile, 'issues/2014-09-01/'))).toBe('<i>敌意</i> {{ 6 * 7 }} 简报');
  });

  it('puts no executable markup from the bulletin on any page', async () => {
    // The one script of the site is the search page's, inlined as bundled: nothing of a bulletin in it.
    const bundle = await bundleSearchClient();
    const { stamp } = JSON.parse(readFileSync(path.join(hostile, 'search/index.json'), 'utf8'));
    const searchScriptTag = `<script id="search-script" data-index-url="/search/index.json" data-site-root="/" data-shard-count="1" data-index-stamp="${stamp}">`;
    const searchPage = readFileSync(path.join(hostile, 'search/index.html'), 'utf8');
    expect(searchPage.split(bundle)).toHaveLength(2);
    for (const file of listFiles(hostile).filter((name) => name.endsWith('.html'))) {
      const html = readFileSync(path.join(hostile, file), 'utf8').replace(bundle, '');
      const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
      expect(
        tags.filter((tag) => /^<script\b/.test(tag)),
        file,
      ).toEqual(file === 'search/index.html' ? [searchScriptTag] : []);
      expect(
        tags.filter((tag) => /\son\w+=|javascript:/i.test(tag)),
        file,
      ).toEqual([]);
      expect(
        tags.filter((tag) => /^<(img|b|i|em|iframe|object)\b/.test(tag)),
        file,
      ).toEqual([]);
    }
  });

  it('keeps an editor note as sanitized Markdown', () => {
    const issue = readPage(hostile, 'issues/2014-09-01/');
    expect(issue).toContain('<strong>编者按</strong>');
    expect(issue).not.toContain("alert('note')</script>");
  });
});

describe('a failed build', () => {
  it('exits with FILE:LINE for a bulletin it cannot parse and leaves the previous site untouched', async () => {
    const content = temporaryDirectory('bad-content');
    cpSync(CONTENT, content, { recursive: true });
    const target = path.join(temporaryDirectory('bad-out'), '_site');
    await buildSite({ contentDir: content, outDir: target });
    const before = fileHashes(target);
    writeFileSync(path.join(content, 'issues/2014-08-21.txt'), '【国外电子政务】\n\n只有文字，没有文章。\n');
    const failure = await buildSite({ contentDir: content, outDir: target }).catch((error) => error);
    expect(failure).toBeInstanceOf(BulletinError);
    expect(failure.message).toBe(
      `${path.join(content, 'issues/2014-08-21.txt')}:1: no article found: articles begin with a numbered title line such as "1.标题" or "1、标题"`,
    );
    expect(fileHashes(target)).toEqual(before);
  });

  it('exits with the template FILE:LINE for a template error and leaves the previous site untouched', async () => {
    const target = path.join(temporaryDirectory('bad-out'), '_site');
    await buildSite({ contentDir: CONTENT, outDir: target });
    const before = fileHashes(target);
    // A fresh copy: Eleventy keeps templates it compiled in this process by path.
    const templates = temporaryDirectory('bad-templates');
    cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
    const template = path.join(templates, 'pages.11ty.js');
    const broken = readFileSync(template, 'utf8').replace('this.renderEntry(', 'this.noSuchFunction(');
    writeFileSync(template, broken);
    const line = broken.split('\n').findIndex((text) => text.includes('noSuchFunction')) + 1;
    const failure = await buildSite({ contentDir: CONTENT, outDir: target, templatesDir: templates }).catch(
      (error) => error,
    );
    expect(failure).toBeInstanceOf(BuildError);
    expect(failure.message).toBe(
      `${path.relative(process.cwd(), template)}:${line}: this.noSuchFunction is not a function`,
    );
    expect(fileHashes(target)).toEqual(before);
  });

  it('reports a page failing in an update at its function line, without waiting for the search index', async () => {
    const never = new Promise<SearchPageData>(() => {});
    // A section page's item without its years: the section page's function fails on it.
    const section = { url: 'sections/x/', title: '某栏目', breadcrumbs: [], nav: 'x' };
    const selection = { ...selectAllPages(buildSiteModel([], DEFAULT_SITE)), sections: [section as never] };
    const failure = await renderSelection(selection, {} as PageData, never).catch((error) => error);
    expect(failure).toBeInstanceOf(BuildError);
    expect(failure.message).toMatch(/^src\/site\/section-pages\.ts:\d+: Cannot read properties of undefined/);
  });
});
