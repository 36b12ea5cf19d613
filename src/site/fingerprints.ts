// Fingerprints of every page's data, so a rebuild renders only the pages whose data changed.
import { createHash, hash as oneShotHash } from 'node:crypto';
import path from 'node:path';
import { PACKAGE_ROOT, PUBLIC_DIR } from '../package-root.ts';
import { hashFiles } from '../source-hash.ts';
import type { ArticlePage, IssuePage, SiteModel } from './model.ts';
import { PAGE_KINDS, type PageSelection } from './selection.ts';

/** Stored with the site (MANIFEST_FILE) and compared on the next build. */
export interface BuildManifest extends PageFingerprints {
  version: typeof MANIFEST_VERSION;
  /** Everything every page depends on: code, templates, assets, settings, prefix, navigation. */
  global: string;
}

export interface PageFingerprints {
  /** Issue URL → its own pages' fingerprints (its page and its articles'), under the key they came from. */
  issues: Record<string, IssueFingerprints>;
  /** Every other paginated page: kind and URL → hash of the data its page function reads. */
  pages: Record<string, string>;
}

export interface IssueFingerprints {
  /** issueKey(): what the issue's own pages are made from. */
  key: string;
  /** The issue page's fingerprint. */
  page: string;
  /** Article URL → the article page's fingerprint. */
  articles: Record<string, string>;
}

export const MANIFEST_FILE = '.jianbao-build.json';
/** Changed with the manifest's shape: a manifest of another version is not read (a full build follows). */
export const MANIFEST_VERSION = 3;

/** The kinds fingerprinted one by one; issues and articles are grouped by issue. */
const FLAT_KINDS = ['sections', 'sectionYears', 'sources', 'sectionFeeds'] as const;

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
 * Each paginated page's function reads only its own item (the model shapes items that way: a
 * section-year page holds links, not the section with its changing counts), so the hash of the item's
 * JSON is the hash of everything on the page beyond the global inputs. Articles appear inside issues,
 * section years, sources and feeds; each is identified once (ARTICLE_IDENTITY) and stands in the others
 * by its hash.
 *
 * With the previous build's fingerprints (made by the same code: the global fingerprint is equal), an
 * issue whose issueKey is unchanged takes over its own pages' fingerprints instead of hashing them again:
 * `add` then hashes the new issue and its neighbour, not 22,000 articles.
 */
export function pageFingerprints(
  selection: PageSelection,
  previous: PageFingerprints | null = null,
): PageFingerprints {
  const issues: Record<string, IssueFingerprints> = {};
  const pages: Record<string, string> = {};
  const articleHashes = new Map<object, string>();
  const byHash = (_key: string, value: unknown) =>
    (value !== null && typeof value === 'object' && articleHashes.get(value)) || value;

  for (const issue of selection.issues) {
    const articles = issue.sections.flatMap((section) => section.articles);
    const key = issueKey(issue, articles);
    const before = previous?.issues[issue.url];
    if (before?.key === key && articles.every((article) => article.url in before.articles)) {
      for (const article of articles) articleHashes.set(article, before.articles[article.url] as string);
      issues[issue.url] = before;
      continue;
    }
    const hashes: Record<string, string> = {};
    for (const article of articles) {
      const digest = articleHash(article);
      articleHashes.set(article, digest);
      hashes[article.url] = digest;
    }
    issues[issue.url] = { key, page: hash(JSON.stringify(issue, byHash)), articles: hashes };
  }
  for (const kind of FLAT_KINDS) {
    for (const item of selection[kind]) pages[`${kind}:${item.url}`] = hash(JSON.stringify(item, byHash));
  }
  return { issues, pages };
}

function articleHash(article: ArticlePage): string {
  return hash(JSON.stringify(ARTICLE_PARTS.map((part) => part(article))));
}

/**
 * What an issue's page and its articles' pages are made from, taken from their inputs rather than from
 * every field: the bulletin's text (textKey, the body hash: titles, numbers, sources, sections,
 * paragraphs), its own fields from the metadata, the URLs its sources were given (numbered across the
 * whole archive) and the links that leave the issue (the neighbouring issues, the articles before its
 * first and after its last). Every other field of IssuePage and of its ArticlePages follows from these by
 * the model's code, which the global fingerprint covers. A field the model adds from elsewhere must be
 * added here.
 */
function issueKey(issue: IssuePage, articles: readonly ArticlePage[]): string {
  return hash(
    JSON.stringify([
      issue.textKey,
      issue.url,
      issue.title,
      issue.date,
      issue.number,
      issue.note,
      issue.previous,
      issue.next,
      articles[0]?.previous ?? null,
      articles.at(-1)?.next ?? null,
      articles.map((article) => article.source?.url ?? null),
    ]),
  );
}

/** The pages of `selection` whose fingerprint is new or different from the previous build's. */
export function changedPages(
  selection: PageSelection,
  now: PageFingerprints,
  before: PageFingerprints,
): PageSelection {
  // A group taken over (the same object) holds no change; another is compared page by page.
  const groups = (url: string) => [now.issues[url], before.issues[url]] as const;
  const changed = {
    issues: selection.issues.filter((issue) => {
      const [current, previous] = groups(issue.url);
      return current !== previous && current?.page !== previous?.page;
    }),
    articles: selection.articles.filter((article) => {
      const [current, previous] = groups(article.issue.url);
      return current !== previous && current?.articles[article.url] !== previous?.articles[article.url];
    }),
  } as PageSelection;
  for (const kind of FLAT_KINDS) {
    // biome-ignore lint/suspicious/noExplicitAny: each kind filters its own item type
    (changed as any)[kind] = (selection[kind] as { url: string }[]).filter(
      (item) => before.pages[`${kind}:${item.url}`] !== now.pages[`${kind}:${item.url}`],
    );
  }
  return changed;
}

/** Site-relative URLs of the paginated pages the previous build had and this one has not. */
export function pagesGone(now: PageFingerprints, before: PageFingerprints): string[] {
  const gone: string[] = [];
  for (const [url, previous] of Object.entries(before.issues)) {
    const current = now.issues[url];
    if (current === previous) continue;
    if (!current) gone.push(url);
    for (const article of Object.keys(previous.articles)) {
      if (!current || !(article in current.articles)) gone.push(article);
    }
  }
  for (const key of Object.keys(before.pages)) {
    if (!(key in now.pages)) gone.push(key.slice(key.indexOf(':') + 1));
  }
  return gone;
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

const SOURCE_DIR = path.join(PACKAGE_ROOT, 'src');
const codeHashes = new Map<string, Promise<string>>();

/**
 * The hash of the code and assets the pages are made with, once per process (the code cannot change
 * under a running one; `serve` needs a restart after an edit, README). Started early by a command, so
 * that reading the files overlaps its other work.
 */
export function siteCodeHash(templatesDir: string): Promise<string> {
  let code = codeHashes.get(templatesDir);
  if (!code) {
    // The sources' notes for people (src/search/README.md) make no page; everything in public/ does.
    const notesInSources = (file: string) => file.startsWith(SOURCE_DIR) && file.endsWith('.md');
    code = hashFiles(
      [
        templatesDir,
        PUBLIC_DIR,
        path.join(SOURCE_DIR, 'site'),
        path.join(SOURCE_DIR, 'search'),
        path.join(SOURCE_DIR, 'client'),
      ],
      (file) => !notesInSources(file),
    );
    code.catch(() => {}); // awaited by globalFingerprint, which reports a failure
    codeHashes.set(templatesDir, code);
  }
  return code;
}

/** Hash of what every page depends on; when it changes, every page is rendered again. */
export async function globalFingerprint(inputs: GlobalInputs): Promise<string> {
  const digest = createHash('sha1').update(await siteCodeHash(inputs.templatesDir));
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
