// Fingerprints of every page's data, so a rebuild renders only the pages whose data changed.
import { createHash, hash as oneShotHash } from 'node:crypto';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import { hashFiles } from '../source-hash.ts';
import type { ArticlePage, SiteModel } from './model.ts';
import type { PageSelection } from './selection.ts';

/** Stored with the site (MANIFEST_FILE) and compared on the next build. */
export interface BuildManifest {
  version: 1;
  /** Everything every page depends on: code, templates, assets, settings, prefix, navigation. */
  global: string;
  /** Paginated page kind and URL → hash of the data its template reads. */
  pages: Record<string, string>;
}

export const MANIFEST_FILE = '.jianbao-build.json';

type PageKind = keyof PageSelection;
const PAGE_KINDS: readonly PageKind[] = [
  'issues',
  'articles',
  'sections',
  'sectionYears',
  'sources',
  'sectionFeeds',
];

/**
 * How an article page is identified, field by field: the type makes a new field of ArticlePage a
 * compile error here until it is given its part. An article is fingerprinted 22,000 times per rebuild, so
 * its identity is a compact array rather than the item's JSON: the paragraphs are represented by the
 * textKey (its issue's body hash and its position), and fields that the model derives from others
 * (code covered by the global fingerprint) are left out.
 */
const ARTICLE_IDENTITY: { [Field in keyof ArticlePage]: ((article: ArticlePage) => unknown) | 'derived' } = {
  url: (article) => article.url,
  title: (article) => article.title,
  breadcrumbs: 'derived', // the issue's link and the article's own url and title
  nav: 'derived', // the section's slug
  ordinal: (article) => article.ordinal,
  number: (article) => article.number,
  source: (article) => article.source && [article.source.url, article.source.title],
  paragraphs: 'derived', // stands as textKey
  textKey: (article) => article.textKey,
  section: (article) => [article.section.url, article.section.title, article.section.slug],
  issue: (article) => [article.issue.url, article.issue.title, article.issue.date],
  previous: (article) => article.previous && [article.previous.url, article.previous.title],
  next: (article) => article.next && [article.next.url, article.next.title],
};
const ARTICLE_PARTS = Object.values(ARTICLE_IDENTITY).filter((part) => part !== 'derived');

/**
 * Each paginated page's template reads only its own item (the model shapes items that way: a
 * section-year page holds links, not the section with its changing counts), so the hash of the item's
 * JSON is the hash of everything on the page beyond the global inputs. Articles appear inside issues,
 * section years, sources and feeds; each is identified once (ARTICLE_IDENTITY) and stands in the others
 * by its hash.
 */
export function pageFingerprints(selection: PageSelection): Record<string, string> {
  const pages: Record<string, string> = {};
  const articleHashes = new Map<object, string>();
  for (const article of selection.articles) {
    const digest = hash(JSON.stringify(ARTICLE_PARTS.map((part) => part(article))));
    articleHashes.set(article, digest);
    pages[`articles:${article.url}`] = digest;
  }
  const byHash = (_key: string, value: unknown) =>
    (value !== null && typeof value === 'object' && articleHashes.get(value)) || value;
  for (const kind of PAGE_KINDS) {
    if (kind === 'articles') continue;
    for (const item of selection[kind]) pages[`${kind}:${item.url}`] = hash(JSON.stringify(item, byHash));
  }
  return pages;
}

/** The pages of `selection` whose fingerprint is new or different from the previous build's. */
export function changedPages(
  selection: PageSelection,
  now: Record<string, string>,
  before: Record<string, string>,
): PageSelection {
  const changed = {} as PageSelection;
  for (const kind of PAGE_KINDS) {
    // biome-ignore lint/suspicious/noExplicitAny: each kind filters its own item type
    (changed as any)[kind] = (selection[kind] as { url: string }[]).filter(
      (item) => before[`${kind}:${item.url}`] !== now[`${kind}:${item.url}`],
    );
  }
  return changed;
}

export function countPages(selection: PageSelection): number {
  return PAGE_KINDS.reduce((sum, kind) => sum + selection[kind].length, 0);
}

export interface GlobalInputs {
  model: SiteModel;
  pathPrefix: string;
  about: string | null;
  templatesDir: string;
}

/** Hash of what every page depends on; when it changes, every page is rendered again. */
export async function globalFingerprint(inputs: GlobalInputs): Promise<string> {
  const digest = createHash('sha1').update(
    await hashFiles([
      inputs.templatesDir,
      path.join(PACKAGE_ROOT, 'public'),
      path.join(PACKAGE_ROOT, 'src/site'),
      path.join(PACKAGE_ROOT, 'src/search'),
      path.join(PACKAGE_ROOT, 'src/client'),
    ]),
  );
  const { settings, sections } = inputs.model;
  digest.update(
    JSON.stringify([
      settings,
      inputs.pathPrefix,
      inputs.about,
      sections.map(({ slug, title, url }) => [slug, title, url]),
    ]),
  );
  return digest.digest('hex');
}

function hash(text: string): string {
  return oneShotHash('sha1', text, 'base64url');
}
