// The page frame's navigation and breadcrumbs, written in TypeScript for speed, escape like Nunjucks.
import { describe, expect, it } from 'vitest';
import { breadcrumbItems, siteNav } from '../../src/site/page-frame.ts';

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
