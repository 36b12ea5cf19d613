// Parsed bulletins → the site's pages as data: every URL, list and link the templates show, shaped once.
import { slugFromTitle } from '../bulletin/slugs.ts';
import type { Bulletin } from '../bulletin/types.ts';
import type { SiteSettings } from '../content/config.ts';
import type { SectionFeed } from './selection.ts';

/** A link to a page: site-root-relative URL (no leading slash; "" is the home page) and its text. */
export interface Link {
  url: string;
  title: string;
}

/** What the layout needs of any page it frames: where the page sits and which navigation item it is under. */
export interface FramedPage {
  url: string;
  title: string;
  breadcrumbs: Link[];
  /** Slug of the section (or "archive", "sources") the page belongs to, for aria-current in the header. */
  nav: string;
}

export interface ArticlePage extends FramedPage {
  /** "issues/2014-08-14/3/": the article's position in its issue, so URLs never depend on parsing of numbers. */
  url: string;
  /** Position in the issue, 1-based. */
  ordinal: number;
  /** The number printed in the bulletin. */
  number: number;
  title: string;
  source: Link | null;
  paragraphs: readonly string[];
  /**
   * Stands for the paragraphs where pages are compared (fingerprints, the search cache): the issue's
   * body hash and the article's position in it.
   */
  textKey: string;
  section: Link & { slug: string };
  issue: Link & { date: string };
  /** Reading order across the whole archive, oldest first. */
  previous: Link | null;
  next: Link | null;
}

export interface IssueSection {
  slug: string;
  title: string;
  /** Anchor on the issue page, e.g. "overseas-egov". */
  anchor: string;
  url: string;
  preface: readonly string[];
  articles: ArticlePage[];
}

export interface IssuePage extends FramedPage {
  date: string;
  year: string;
  title: string;
  number: number | null;
  /** The editor's note in Markdown, from front matter. */
  note: string | null;
  /** The bulletin's body hash: stands for its text where pages are compared (fingerprints.ts). */
  textKey: string;
  preface: readonly string[];
  sections: IssueSection[];
  articleCount: number;
  previous: Link | null;
  next: Link | null;
}

export interface SectionYear {
  year: string;
  url: string;
  count: number;
}

export interface SectionPage extends FramedPage {
  slug: string;
  feedUrl: string;
  /** Newest year first. */
  years: SectionYear[];
  articleCount: number;
}

/** One section's articles of one year: pages stay small, and a new issue rewrites only its own year. */
export interface SectionYearPage extends FramedPage {
  section: Link;
  year: string;
  /** Newest issue first, each with this section's articles in bulletin order. */
  issues: { issue: Link & { date: string }; articles: ArticlePage[] }[];
  newer: { year: string; url: string } | null;
  older: { year: string; url: string } | null;
}

export interface SourcePage extends FramedPage {
  name: string;
  /** Newest first. */
  articles: ArticlePage[];
}

export interface ArchiveYear {
  year: string;
  /** Newest first. */
  issues: IssuePage[];
}

export interface SiteModel {
  settings: SiteSettings;
  /** Newest first. */
  issues: IssuePage[];
  /** Oldest first, in reading order. */
  articles: ArticlePage[];
  sections: SectionPage[];
  sectionYears: SectionYearPage[];
  sources: SourcePage[];
  archive: ArchiveYear[];
  /** Newest articles first, for the site feed. */
  recentArticles: ArticlePage[];
  sectionFeeds: SectionFeed[];
}

export const FEED_LENGTH = 50;

/** The listing pages' own links: the first breadcrumb of the pages under them, and their own. */
export const ARCHIVE: Link = { url: 'archive/', title: '往期' };
export const SECTIONS: Link = { url: 'sections/', title: '栏目' };
export const SOURCES: Link = { url: 'sources/', title: '信息来源' };
export const SEARCH: Link = { url: 'search/', title: '搜索' };
export const ABOUT: Link = { url: 'about/', title: '关于' };

/** The issues and articles in reading order, linked to their neighbours: the first part of the model. */
export interface ReadingOrder {
  /** Oldest first. */
  issues: IssuePage[];
  articles: ArticlePage[];
}

/**
 * The first part of the model, on its own so that the search index can be sent its documents before
 * the rest is shaped (`add`); every field an article's search document reads is set here.
 */
export function readingOrder(bulletins: readonly Bulletin[]): ReadingOrder {
  const articles: ArticlePage[] = [];
  const issues = bulletins.map((bulletin) => issuePage(bulletin, articles));
  linkNeighbours(issues);
  linkNeighbours(articles);
  return { issues, articles };
}

/** Builds the site from bulletins ordered oldest first (as loadContent returns them). */
export function buildSiteModel(
  bulletins: readonly Bulletin[],
  settings: SiteSettings,
  reading: ReadingOrder = readingOrder(bulletins),
): SiteModel {
  const { issues: issuesOldestFirst, articles } = reading;
  const sections = sectionPages(bulletins, articles);
  const issues = [...issuesOldestFirst].reverse();
  return {
    settings,
    issues,
    articles,
    sections,
    sectionYears: sectionYearPages(sections, issues),
    sources: sourcePages(articles),
    archive: archiveYears(issues),
    recentArticles: articles.slice(-FEED_LENGTH).reverse(),
    sectionFeeds: sections.map((section) => ({
      url: section.feedUrl,
      title: section.title,
      homeUrl: section.url,
      entries: articles
        .filter((article) => article.section.slug === section.slug)
        .slice(-FEED_LENGTH)
        .reverse(),
    })),
  };
}

function issuePage(bulletin: Bulletin, articles: ArticlePage[]): IssuePage {
  const url = `issues/${bulletin.meta.date}/`;
  const issueLink = { url, title: bulletin.meta.title, date: bulletin.meta.date };
  let ordinal = 0;
  const sections = bulletin.sections.map((section): IssueSection => {
    const sectionLink = { url: `sections/${section.slug}/`, title: section.title, slug: section.slug };
    return {
      slug: section.slug,
      title: section.title,
      anchor: section.slug,
      url: sectionLink.url,
      preface: section.preface,
      articles: section.articles.map((article) => {
        ordinal++;
        const articleUrl = `${url}${ordinal}/`;
        const page: ArticlePage = {
          url: articleUrl,
          breadcrumbs: [issueLink, { url: articleUrl, title: article.title }],
          nav: section.slug,
          ordinal,
          number: article.number,
          title: article.title,
          source: article.source === null ? null : { url: '', title: article.source },
          paragraphs: article.paragraphs,
          textKey: `${bulletin.bodyHash}/${ordinal}`,
          section: sectionLink,
          issue: issueLink,
          previous: null,
          next: null,
        };
        articles.push(page);
        return page;
      }),
    };
  });
  return {
    url,
    breadcrumbs: [ARCHIVE, issueLink],
    nav: 'archive',
    date: bulletin.meta.date,
    year: bulletin.meta.date.slice(0, 4),
    title: bulletin.meta.title,
    number: bulletin.meta.issue,
    note: bulletin.meta.note ?? null,
    textKey: bulletin.bodyHash,
    preface: bulletin.preface,
    sections,
    articleCount: ordinal,
    previous: null,
    next: null,
  };
}

function linkNeighbours(
  pages: readonly { url: string; title: string; previous: Link | null; next: Link | null }[],
): void {
  pages.forEach((page, index) => {
    const previous = pages[index - 1];
    const next = pages[index + 1];
    page.previous = previous ? { url: previous.url, title: previous.title } : null;
    page.next = next ? { url: next.url, title: next.title } : null;
  });
}

/** Sections in the order they first appear, newest issue's order winning for known ones. */
function sectionPages(bulletins: readonly Bulletin[], articles: readonly ArticlePage[]): SectionPage[] {
  const titles = new Map<string, string>();
  for (const bulletin of [...bulletins].reverse()) {
    for (const section of bulletin.sections)
      if (!titles.has(section.slug)) titles.set(section.slug, section.title);
  }
  return [...titles].map(([slug, title]) => {
    const years = new Map<string, number>();
    let articleCount = 0;
    for (const article of articles) {
      if (article.section.slug !== slug) continue;
      const year = article.issue.date.slice(0, 4);
      years.set(year, (years.get(year) ?? 0) + 1);
      articleCount++;
    }
    const url = `sections/${slug}/`;
    return {
      slug,
      title,
      url,
      breadcrumbs: [SECTIONS, { url, title }],
      nav: slug,
      feedUrl: `${url}feed.xml`,
      years: [...years]
        .sort(([a], [b]) => b.localeCompare(a))
        .map(([year, count]) => ({ year, url: `${url}${year}/`, count })),
      articleCount,
    };
  });
}

function sectionYearPages(sections: readonly SectionPage[], issues: readonly IssuePage[]): SectionYearPage[] {
  return sections.flatMap((section) =>
    section.years.map((year, index) => ({
      section: { url: section.url, title: section.title },
      year: year.year,
      url: year.url,
      title: `${section.title} · ${year.year}年`,
      breadcrumbs: [
        SECTIONS,
        { url: section.url, title: section.title },
        { url: year.url, title: `${year.year}年` },
      ],
      nav: section.slug,
      issues: issues
        .filter((issue) => issue.year === year.year)
        .map((issue) => ({
          issue: { url: issue.url, title: issue.title, date: issue.date },
          articles: issue.sections
            .filter((part) => part.slug === section.slug)
            .flatMap((part) => part.articles),
        }))
        .filter((entry) => entry.articles.length > 0),
      newer: yearLink(section.years[index - 1]),
      older: yearLink(section.years[index + 1]),
    })),
  );
}

/** A link to another year's page, without its count, which changes with every issue of that year. */
function yearLink(year: SectionYear | undefined): { year: string; url: string } | null {
  return year ? { year: year.year, url: year.url } : null;
}

/** Outlets by name; each gets a pinyin URL, numbered when two names read the same. */
function sourcePages(articles: readonly ArticlePage[]): SourcePage[] {
  const byName = new Map<string, ArticlePage[]>();
  for (const article of articles) {
    if (!article.source) continue;
    const list = byName.get(article.source.title) ?? [];
    list.push(article);
    byName.set(article.source.title, list);
  }
  const used = new Set<string>();
  return [...byName.keys()]
    .sort((a, b) => a.localeCompare(b, 'zh-CN'))
    .map((name) => {
      const base = slugFromTitle(name);
      let slug = base;
      for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
      used.add(slug);
      const url = `sources/${slug}/`;
      const list = byName.get(name) ?? [];
      for (const article of list) if (article.source) article.source.url = url;
      return {
        name,
        url,
        title: name,
        breadcrumbs: [SOURCES, { url, title: name }],
        nav: 'sources',
        articles: [...list].reverse(),
      };
    });
}

function archiveYears(issues: readonly IssuePage[]): ArchiveYear[] {
  const years: ArchiveYear[] = [];
  for (const issue of issues) {
    const last = years.at(-1);
    if (last?.year === issue.year) last.issues.push(issue);
    else years.push({ year: issue.year, issues: [issue] });
  }
  return years;
}
