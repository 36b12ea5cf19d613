// Which paginated pages a build renders: all of them, or only those an added issue changes.
import type { ArticlePage, IssuePage, SectionPage, SectionYearPage, SiteModel, SourcePage } from './model.ts';

export interface SectionFeed {
  url: string;
  title: string;
  homeUrl: string;
  entries: ArticlePage[];
}

export interface PageSelection {
  issues: IssuePage[];
  articles: ArticlePage[];
  sections: SectionPage[];
  sectionYears: SectionYearPage[];
  sources: SourcePage[];
  sectionFeeds: SectionFeed[];
}

export type PageKind = keyof PageSelection;

/** The paginated kinds, in the order a build writes them. */
export const PAGE_KINDS: readonly PageKind[] = [
  'articles',
  'issues',
  'sections',
  'sectionYears',
  'sources',
  'sectionFeeds',
];

export function selectAllPages(model: SiteModel): PageSelection {
  return {
    issues: model.issues,
    articles: model.articles,
    sections: model.sections,
    sectionYears: model.sectionYears,
    sources: model.sources,
    sectionFeeds: model.sectionFeeds,
  };
}
