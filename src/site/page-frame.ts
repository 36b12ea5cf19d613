// The frame of every HTML page: head, header with the main navigation, breadcrumbs, main, footer.
//
// Every page is written in TypeScript (src/site/pages.ts lists them) and calls this with what it tells
// the frame about itself. It runs for every one of 22,000 pages: as a Nunjucks layout it cost about 4.5 s
// of a full build at 1,000 issues (README, "Pages written in TypeScript"). Everything here is a pure
// function of its arguments: Eleventy keeps compiled templates for the whole process, so nothing may
// close over one build's options.

import { type Html, html, trustedHtml } from './html.ts';
import type { SearchPageData } from './search-files.ts';

/** The site's stylesheet, under public/ and the site's root. */
export const STYLESHEET = 'css/site.css';

export interface NavSection {
  slug: string;
  title: string;
  url: string;
}

export interface Crumb {
  url: string;
  title: string;
}

/** What the frame takes from the site's data, the same for every page of a build. */
export interface FrameData {
  site: { title: string; description: string; url: string };
  /** The path prefix, "/" or "/bulletin/". */
  base: string;
  navSections: readonly NavSection[];
  /** The page's own root-relative URL ("/archive/"), for its canonical link. */
  page: { url: string };
}

/** What each page tells the frame about itself. */
export interface PageFrame {
  /** Shown before the site's title in the window title; none on the home page. */
  title?: string;
  description?: string;
  /** The navigation item the page is under (a section's slug, "archive", "search", …). */
  nav?: string;
  /** The page is the navigation item itself (aria-current="page" rather than "true"). */
  navPage?: boolean;
  breadcrumbs?: readonly Crumb[];
  /** No canonical link (the 404 page, served at any address). */
  canonical?: false;
  /** The search page inlines the search script (with where and which index it loads) and the stylesheet. */
  search?: SearchPageData;
}

export function renderFrame(data: FrameData, frame: PageFrame, content: Html): string {
  const { site, base } = data;
  const { search } = frame;
  const { title: pageTitle, nav = '', breadcrumbs } = frame;
  const canonical = frame.canonical === false ? false : data.page.url.slice(1);
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${pageTitle ? `${pageTitle} · ` : ''}${site.title}</title>
<meta name="description" content="${frame.description || site.description}">
<meta name="color-scheme" content="light dark">${
    // The search starts loading at once; the styles are inlined after it (search-files.ts says why).
    search
      ? html`
<script id="search-script" data-index-url="${base}search/index.json" data-site-root="${base}" data-shard-count="${search.shardCount}" data-index-stamp="${search.stamp}">${trustedHtml(search.script)}</script>
<style>${trustedHtml(search.styles)}</style>`
      : html`
<link rel="stylesheet" href="${base}${STYLESHEET}">`
  }
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
${trustedHtml(siteNav(data.navSections, base, nav, frame.navPage === true))}
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
${content}
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
