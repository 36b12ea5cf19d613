// The site's pages: each kind of page, the function that writes it and the address it is written to.
// Eleventy's templates (templates/) paginate over the same items and call renderPage and the single
// pages' functions, so a full build (Eleventy) and an update (renderSelection, without Eleventy) write
// the same bytes to the same files.

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
import type { SiteModel } from './model.ts';
import type { FrameData } from './page-frame.ts';
import type { SearchPageData } from './search-files.ts';
import { renderSectionPage, renderSectionsPage, renderSectionYearPage } from './section-pages.ts';
import type { PageSelection } from './selection.ts';
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

export type PageKind = keyof PageSelection;

export function renderPage<Kind extends PageKind>(
  kind: Kind,
  data: PageData,
  item: PageSelection[Kind][number],
): string {
  return PAGINATED[kind](data, item);
}

const SEARCH_URL = 'search/';

/** The pages that are one of a kind, by site-relative URL; every build writes all of them. */
export const SINGLE_PAGES: readonly { url: string; render: (data: PageData) => string }[] = [
  { url: '', render: renderHomePage },
  { url: 'archive/', render: renderArchivePage },
  { url: 'sections/', render: renderSectionsPage },
  { url: 'sources/', render: renderSourcesPage },
  { url: SEARCH_URL, render: renderSearchPage },
  { url: 'about/', render: renderAboutPage },
  { url: '404.html', render: renderNotFoundPage },
  { url: 'feed.xml', render: renderSiteFeed },
  { url: 'sitemap.xml', render: (data) => renderSitemap(data.model) },
  { url: 'robots.txt', render: (data) => renderRobots(data.model) },
];

/** Runs page functions; a failure is reported at the line it happened (BuildError). */
function located(render: () => void): void {
  try {
    render();
  } catch (error) {
    throw locateTemplateError(error);
  }
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
  site: Omit<PageData, 'page' | 'search'>,
  search: Promise<SearchPageData>,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const dataFor = (url: string, searchData: SearchPageData | null): PageData => ({
    ...site,
    page: { url: `/${url}` },
    get search(): SearchPageData {
      if (!searchData)
        throw new Error(`the page ${url} reads the search data only the search page waits for`);
      return searchData;
    },
  });
  const searchPage = SINGLE_PAGES.find((page) => page.url === SEARCH_URL);
  located(() => {
    for (const kind of Object.keys(PAGINATED) as PageKind[]) {
      for (const item of selection[kind]) {
        files.set(pageFile(item.url), renderPage(kind, dataFor(item.url, null), item as never));
      }
    }
    for (const page of SINGLE_PAGES) {
      if (page !== searchPage) files.set(pageFile(page.url), page.render(dataFor(page.url, null)));
    }
  });
  if (searchPage) {
    const searchData = await search;
    located(() => files.set(pageFile(SEARCH_URL), searchPage.render(dataFor(SEARCH_URL, searchData))));
  }
  return files;
}
