// The site's pages: each kind of page, the function that writes it and the file it is written to. One
// list of entries (pageEntries) serves both writers: Eleventy's template (templates/pages.11ty.js)
// paginates over it in a full build, and an update (renderSelection) renders the changed entries
// without Eleventy, so both write the same bytes to the same files.

import type { SiteSettings } from '../content/config.ts';
import { renderArticlePage } from './article-page.ts';
import { locateTemplateError } from './errors.ts';
import { renderSectionFeed, renderSiteFeed } from './feeds.ts';
import {
  renderAboutPage,
  renderArchivePage,
  renderHomePage,
  renderNotFoundPage,
  renderSearchPage,
} from './front-pages.ts';
import { renderIssuePage } from './issue-page.ts';
import { ABOUT, ARCHIVE, SEARCH, SECTIONS, type SiteModel, SOURCES } from './model.ts';
import type { FrameData } from './page-frame.ts';
import type { SearchPageData } from './search-files.ts';
import { renderSectionPage, renderSectionsPage, renderSectionYearPage } from './section-pages.ts';
import { PAGE_KINDS, type PageKind, type PageSelection } from './selection.ts';
import { renderRobots, renderSitemap } from './sitemap.ts';
import { renderSourcePage, renderSourcesPage } from './source-pages.ts';

/** What every page is written from: Eleventy's global data (src/site/eleventy.config.ts) and the page's URL. */
export interface PageData extends FrameData {
  site: SiteSettings;
  model: SiteModel;
  /** Markdown of the About page (content/about.md), if the content folder has one. */
  about: string | null;
  search: SearchPageData;
}

/** What every page is written from but its own URL and the search data: the same for every page of a build. */
export type SiteData = Omit<PageData, 'page' | 'search'>;

/** SiteData for a build: Eleventy's global data in a full build, renderSelection's in an update. */
export function siteData(model: SiteModel, base: string, about: string | null): SiteData {
  return { site: model.settings, model, about, navSections: model.sections, base };
}

/** The paginated kinds: one page per item of the model's lists. */
const PAGINATED: {
  [Kind in keyof PageSelection]: (data: PageData, item: PageSelection[Kind][number]) => string;
} = {
  articles: renderArticlePage,
  issues: renderIssuePage,
  sections: renderSectionPage,
  sectionYears: renderSectionYearPage,
  sources: renderSourcePage,
  sectionFeeds: renderSectionFeed,
};

/** One page: an item of a paginated kind, or a page that is one of a kind (SINGLE_PAGES). */
export type PageEntry =
  | { [Kind in PageKind]: { kind: Kind; url: string; item: PageSelection[Kind][number] } }[PageKind]
  | { kind: 'single'; url: string };

/** The pages that are one of a kind, by site-relative URL; every build writes all of them. */
const SINGLE_PAGES: readonly { url: string; render: (data: PageData) => string }[] = [
  { url: '', render: renderHomePage },
  { url: ARCHIVE.url, render: renderArchivePage },
  { url: SECTIONS.url, render: renderSectionsPage },
  { url: SOURCES.url, render: renderSourcesPage },
  { url: ABOUT.url, render: renderAboutPage },
  { url: '404.html', render: renderNotFoundPage },
  { url: 'feed.xml', render: renderSiteFeed },
  { url: 'sitemap.xml', render: (data) => renderSitemap(data.model) },
  { url: 'robots.txt', render: (data) => renderRobots(data.model) },
  // Last: an update renders it once the index thread has said its stamp (Eleventy awaits that stamp
  // before it renders any page).
  { url: SEARCH.url, render: renderSearchPage },
];

const singlePages = new Map(SINGLE_PAGES.map((page) => [page.url, page.render]));

/** The pages of a selection, then the single pages. */
export function pageEntries(selection: PageSelection): PageEntry[] {
  const entries: PageEntry[] = [];
  for (const kind of PAGE_KINDS) {
    for (const item of selection[kind]) entries.push({ kind, url: item.url, item } as PageEntry);
  }
  for (const { url } of SINGLE_PAGES) entries.push({ kind: 'single', url });
  return entries;
}

/** An entry's page; `data` is Eleventy's data for it, or what renderSelection gives. */
export function renderEntry(entry: PageEntry, data: PageData): string {
  if (entry.kind === 'single') {
    const render = singlePages.get(entry.url);
    if (!render) throw new Error(`no single page has the URL "${entry.url}"`);
    return render(data);
  }
  // The entry's kind and item belong together (PageEntry); TypeScript cannot follow that into the table.
  const render = PAGINATED[entry.kind] as (data: PageData, item: unknown) => string;
  return render(data, entry.item);
}

/** A page's file, relative to the site's folder: "archive/" → "archive/index.html", "feed.xml" stays. */
export function pageFile(url: string): string {
  return url === '' || url.endsWith('/') ? `${url}index.html` : url;
}

/**
 * The selected pages and all single pages, file by file, without Eleventy: an update writes a few dozen
 * pages, and Eleventy's import and start (~0.7 s) would be most of `jianbao add` (README, Performance).
 * The search page comes last, once the index thread has said its stamp; the others do not wait for it.
 * A page that fails is reported at the line of the page function that failed.
 */
export async function renderSelection(
  selection: PageSelection,
  site: SiteData,
  search: Promise<SearchPageData>,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of pageEntries(selection)) {
    const searchData = entry.url === SEARCH.url ? await search : null;
    const data: PageData = {
      ...site,
      page: { url: `/${entry.url}` },
      get search(): SearchPageData {
        if (!searchData)
          throw new Error(`the page ${entry.url} reads the search data only the search page waits for`);
        return searchData;
      },
    };
    try {
      files.set(pageFile(entry.url), renderEntry(entry, data));
    } catch (error) {
      throw locateTemplateError(error);
    }
  }
  return files;
}
