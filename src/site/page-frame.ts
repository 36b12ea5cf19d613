// The parts of every page's frame that loop: the main navigation and the breadcrumbs, as HTML.
//
// Written in TypeScript rather than as Nunjucks loops because Nunjucks sets half a dozen loop variables
// per iteration, and twelve navigation links on each of 22,000 pages made that about a second of the
// full build. Both are pure functions of their arguments (Eleventy keeps compiled layouts for the whole
// process, so a filter must not close over one build's options), and the navigation, the same on all
// pages but for the current link, is memoized per variant.

export interface NavSection {
  slug: string;
  title: string;
  url: string;
}

export interface Crumb {
  url: string;
  title: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** As Nunjucks' autoescape writes it. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string);
}

const navCache = new WeakMap<readonly NavSection[], Map<string, string>>();

/**
 * The main navigation's list: the sections, 往期 and 搜索, the current one marked with aria-current
 * ("page" on the page itself, "true" on a page within it, such as an article of a section).
 */
export function siteNav(sections: readonly NavSection[], base: string, current: string, isNavPage: boolean) {
  let variants = navCache.get(sections);
  if (!variants) {
    variants = new Map();
    navCache.set(sections, variants);
  }
  const key = `${base}\n${current}\n${isNavPage}`;
  let html = variants.get(key);
  if (html === undefined) {
    const marked = (slug: string, alwaysPage = false) =>
      current === slug ? ` aria-current="${alwaysPage || isNavPage ? 'page' : 'true'}"` : '';
    const link = (url: string, title: string, attributes: string) =>
      `<li><a href="${escapeHtml(base + url)}"${attributes}>${escapeHtml(title)}</a></li>`;
    html = [
      '<ul>',
      ...sections.map((section) => link(section.url, section.title, marked(section.slug))),
      link('archive/', '往期', marked('archive')),
      link('search/', '搜索', marked('search', true)),
      '</ul>',
    ].join('\n');
    variants.set(key, html);
  }
  return html;
}

/** The breadcrumb trail's items after 首页, the last one marked as the current page. */
export function breadcrumbItems(crumbs: readonly Crumb[], base: string): string {
  return crumbs
    .map((crumb, index) => {
      const current = index === crumbs.length - 1 ? ' aria-current="page"' : '';
      return `<li><a href="${escapeHtml(base + crumb.url)}"${current}>${escapeHtml(crumb.title)}</a></li>`;
    })
    .join('\n');
}
