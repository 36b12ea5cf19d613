// The page frame and the pager escape what they print and mark the current page.
import { describe, expect, it } from 'vitest';
import { trustedHtml } from '../../src/site/html.ts';
import { breadcrumbItems, type FrameData, renderFrame, siteNav } from '../../src/site/page-frame.ts';
import { renderPager } from '../../src/site/pager.ts';

const sections = [
  { slug: 'cloud', title: '云计算<与>大数据', url: 'sections/cloud/' },
  { slug: 'egov', title: '国外电子政务', url: 'sections/egov/' },
];

describe('the page frame', () => {
  it('marks the current section: page on its own page, true within it', () => {
    expect(siteNav(sections, '/jb/', 'egov', true)).toContain(
      '<li><a href="/jb/sections/egov/" aria-current="page">国外电子政务</a></li>',
    );
    expect(siteNav(sections, '/jb/', 'egov', false)).toContain(
      '<li><a href="/jb/sections/egov/" aria-current="true">国外电子政务</a></li>',
    );
    expect(siteNav(sections, '/', 'search', false)).toContain(
      '<li><a href="/search/" aria-current="page">搜索</a></li>',
    );
    expect(siteNav(sections, '/', 'home', true).match(/aria-current/g)).toBeNull();
  });

  it('escapes titles and URLs, and keeps the prefix of each call', () => {
    expect(siteNav(sections, '/a"b/', 'x', false)).toContain(
      '<a href="/a&quot;b/sections/cloud/">云计算&lt;与&gt;大数据</a>',
    );
    expect(siteNav(sections, '/', 'x', false)).toContain('<a href="/sections/cloud/">');
  });

  it('marks the last breadcrumb as the current page', () => {
    const crumbs = [
      { url: 'archive/', title: '往期' },
      { url: 'issues/2014-08-14/', title: "简报 & 'x'" },
    ];
    expect(breadcrumbItems(crumbs, '/')).toBe(
      '<li><a href="/archive/">往期</a></li>\n<li><a href="/issues/2014-08-14/" aria-current="page">简报 &amp; &#39;x&#39;</a></li>',
    );
  });
});

describe('the whole frame', () => {
  const data: FrameData = {
    site: { title: '电子政务简报', description: '每周<简报>', url: 'https://example.gov.cn/jb/' },
    base: '/jb/',
    navSections: sections,
    page: { url: '/issues/2014-08-14/3/' },
  };
  const article = {
    title: '大数据 & 政务',
    nav: 'egov',
    breadcrumbs: [
      { url: 'issues/2014-08-14/', title: '第1期' },
      { url: 'issues/2014-08-14/3/', title: '大数据 & 政务' },
    ],
  };

  it("shows the page's title, navigation and breadcrumbs, and links its canonical address", () => {
    const page = renderFrame(data, article, trustedHtml('<p>正文</p>'));
    expect(page).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(page).toContain('<title>大数据 &amp; 政务 · 电子政务简报</title>');
    expect(page).toContain('<meta name="description" content="每周&lt;简报&gt;">');
    expect(page).toContain('<link rel="canonical" href="https://example.gov.cn/jb/issues/2014-08-14/3/">');
    expect(page).toContain('<a href="/jb/sections/egov/" aria-current="true">国外电子政务</a>');
    expect(page).toContain('<li><a href="/jb/">首页</a></li>');
    expect(page).toContain('<a href="/jb/issues/2014-08-14/3/" aria-current="page">大数据 &amp; 政务</a>');
    expect(page).toContain('<main id="main" class="wrap" tabindex="-1">\n<p>正文</p>\n</main>');
    expect(page).not.toContain('search-script');
  });

  it('has no canonical link when canonical is false, and no breadcrumbs when the page gives none', () => {
    const page = renderFrame(data, { title: '找不到页面', canonical: false, nav: 'home' }, trustedHtml(''));
    expect(page).toContain('<title>找不到页面 · 电子政务简报</title>');
    expect(page).not.toContain('rel="canonical"');
    expect(page).not.toContain('class="breadcrumbs');
    expect(page).toContain('<a class="site-title" href="/jb/" aria-current="page">电子政务简报</a>');
  });

  it('inlines the search script, then the stylesheet, on the search page, with the index stamp', () => {
    const search = {
      script: 'window.x = 1 < 2;',
      shardCount: 1024,
      stamp: 'abc',
      styles: 'main > p { color: red }',
    };
    const page = renderFrame(data, { search, title: '搜索' }, trustedHtml(''));
    const script = page.indexOf(
      '<script id="search-script" data-index-url="/jb/search/index.json" data-site-root="/jb/" data-shard-count="1024" data-index-stamp="abc">window.x = 1 < 2;</script>',
    );
    expect(script).toBeGreaterThan(0);
    expect(script).toBeLessThan(page.indexOf('<style>main > p { color: red }</style>'));
    expect(page).not.toContain('rel="stylesheet"');
  });

  it('links the stylesheet on every other page', () => {
    const page = renderFrame(data, { title: '往期' }, trustedHtml(''));
    expect(page).toContain('<link rel="stylesheet" href="/jb/css/site.css">');
    expect(page).not.toContain('<style>');
  });
});

describe('the pager', () => {
  const labels = { nav: '上一期和下一期', previous: '上一期', next: '下一期' };

  it('links what there is, and is absent when there is nothing', () => {
    expect(renderPager('/', labels, null, null)).toBe('');
    const pager = renderPager('/p/', labels, { url: 'issues/a/', title: '<第1期>' }, null);
    expect(pager).toBe(
      '<nav class="pager" aria-label="上一期和下一期"><a class="pager-previous" rel="prev" href="/p/issues/a/"><span class="pager-label">上一期</span>&lt;第1期&gt;</a>\n</nav>',
    );
    expect(renderPager('/', labels, null, { url: 'b/', title: 'B' })).toContain(
      '<a class="pager-next" rel="next" href="/b/"><span class="pager-label">下一期</span>B</a>',
    );
  });
});
