// The frame of every HTML page: head, header with the main navigation, breadcrumbs, main, footer.
//
// Written in TypeScript rather than as a Nunjucks layout because the frame runs for every one of 22,000
// pages: as a Nunjucks layout it cost about 4.5 s of a full build at 1,000 issues (Eleventy's layout
// step and Nunjucks' rendering; README, "Pages written in TypeScript"). Article pages call it directly
// (src/site/article-page.ts); the other pages reach it through the layout templates/_includes/base.11ty.js. Everything here is a pure function of the page's data: Eleventy
// keeps compiled templates for the whole process, so nothing may close over one build's options.

import { type Html, html, trustedHtml } from './html.ts';
import type { SearchPageData } from './search-files.ts';

export interface NavSection {
  slug: string;
  title: string;
  url: string;
}

export interface Crumb {
  url: string;
  title: string;
}

/** A paginated page's item (article, issue, section year, section or source), as src/site/model.ts shapes it. */
interface FramedItem {
  title: string;
  nav: string;
  breadcrumbs: readonly Crumb[];
}

/** The Eleventy data the frame reads: global data, the page's front matter and its paginated item. */
export interface FrameData {
  site: { title: string; description: string; url: string };
  /** The path prefix, "/" or "/bulletin/". */
  base: string;
  navSections: readonly NavSection[];
  page: { url: string };
  search: Pick<SearchPageData, 'script' | 'shardCount' | 'stamp'>;
  pageTitle?: string;
  pageDescription?: string;
  /** The navigation item the page is under (a section's slug, "archive", "search", …). */
  nav?: string;
  /** The page is the navigation item itself (aria-current="page" rather than "true"). */
  navPage?: boolean;
  breadcrumbs?: readonly Crumb[];
  /** Site-root-relative URL of the published page; the page's own URL when absent, none when false. */
  canonical?: string | false;
  /** The search page inlines the search script. */
  searchScript?: boolean;
  article?: FramedItem;
  issue?: FramedItem;
  sectionYear?: FramedItem;
  section?: FramedItem;
  source?: FramedItem;
}

export function renderFrame(data: FrameData, content: string): string {
  const { site, base, search } = data;
  const item = data.article || data.issue || data.sectionYear || data.section || data.source;
  const pageTitle = data.pageTitle || item?.title;
  const nav = data.nav || item?.nav || '';
  const breadcrumbs = data.breadcrumbs || item?.breadcrumbs;
  const canonical = data.canonical === undefined ? data.page.url.slice(1) : data.canonical;
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${pageTitle ? `${pageTitle} · ` : ''}${site.title}</title>
<meta name="description" content="${data.pageDescription || site.description}">
<meta name="color-scheme" content="light dark">${
    // Before the stylesheet, which would hold it back: the search starts loading while the page is laid out.
    data.searchScript &&
    html`
<script id="search-script" data-index-url="${base}search/index.json" data-site-root="${base}" data-shard-count="${search.shardCount}" data-index-stamp="${search.stamp}">${trustedHtml(search.script)}</script>`
  }
<link rel="stylesheet" href="${base}css/site.css">
<link rel="icon" href="${base}favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" title="${site.title}" href="${base}feed.xml">${
    typeof canonical === 'string' &&
    html`
<link rel="canonical" href="${site.url}${canonical}">`
  }
</head>
<body>
<a class="skip-link" href="#main">跳到正文</a>
<header class="site-header">
<div class="wrap">
<a class="site-title" href="${base}"${nav === 'home' && trustedHtml(' aria-current="page"')}>${site.title}</a>
<nav class="site-nav" aria-label="主导航">
${trustedHtml(siteNav(data.navSections, base, nav, data.navPage === true))}
</nav>
</div>
</header>${
    breadcrumbs &&
    html`
<nav class="breadcrumbs wrap" aria-label="当前位置">
<ol>
<li><a href="${base}">首页</a></li>
${trustedHtml(breadcrumbItems(breadcrumbs, base))}
</ol>
</nav>`
  }
<main id="main" class="wrap" tabindex="-1">
${trustedHtml(content)}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${site.title} · <a href="${base}about/">关于</a> · <a href="${base}sources/">信息来源</a> · <a href="${base}sections/">栏目</a> · <a href="${base}feed.xml">订阅（Atom）</a></p>
</div>
</footer>
</body>
</html>
`.value;
}

const navCache = new WeakMap<readonly NavSection[], Map<string, string>>();

/**
 * The main navigation's list: the sections, 往期 and 搜索, the current one marked with aria-current
 * ("page" on the page itself, "true" on a page within it, such as an article of a section). The same on
 * all pages but for the current link, so memoized per variant.
 */
export function siteNav(sections: readonly NavSection[], base: string, current: string, isNavPage: boolean) {
  let variants = navCache.get(sections);
  if (!variants) {
    variants = new Map();
    navCache.set(sections, variants);
  }
  const key = `${base}\n${current}\n${isNavPage}`;
  let list = variants.get(key);
  if (list === undefined) {
    const marked = (slug: string, alwaysPage = false) =>
      current === slug ? trustedHtml(` aria-current="${alwaysPage || isNavPage ? 'page' : 'true'}"`) : '';
    const link = (url: string, title: string, attributes: Html | '') =>
      html`<li><a href="${base + url}"${attributes}>${title}</a></li>`;
    list = [
      '<ul>',
      ...sections.map((section) => link(section.url, section.title, marked(section.slug)).value),
      link('archive/', '往期', marked('archive')).value,
      link('search/', '搜索', marked('search', true)).value,
      '</ul>',
    ].join('\n');
    variants.set(key, list);
  }
  return list;
}

/** The breadcrumb trail's items after 首页, the last one marked as the current page. */
export function breadcrumbItems(crumbs: readonly Crumb[], base: string): string {
  return crumbs
    .map((crumb, index) => {
      const current = index === crumbs.length - 1 ? trustedHtml(' aria-current="page"') : '';
      return html`<li><a href="${base + crumb.url}"${current}>${crumb.title}</a></li>`.value;
    })
    .join('\n');
}
