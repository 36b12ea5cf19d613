// The site's search: the browser script and the index of every article, written beside the pages.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PUBLIC_DIR } from '../package-root.ts';
import { bundleSearchClient } from '../search/bundle-client.ts';
import {
  type IndexInThread,
  type IndexThread,
  planSearchIndexInThread,
  startIndexThread,
} from '../search/index-thread.ts';
import type { SearchDocument } from '../search/types.ts';
import type { ArticlePage } from './model.ts';
import { STYLESHEET } from './page-frame.ts';

export interface SearchPageData {
  /** The browser script, bundled, for the page to inline (one request fewer before the first query). */
  script: string;
  /**
   * The index's shard count and stamp, so the page can fetch a query's shards right away, under the
   * names (?v=stamp) of this build's files: a page older than its index fetches files the index then
   * does not use, never a mix of two builds.
   */
  shardCount: number;
  stamp: string;
  /**
   * The site's stylesheet, inlined too. As a file it arrives with the query's posting lists, and the
   * page's first layout, which waits for it, then runs before the search: inlined, the page is laid out
   * while the lists are on their way (first query on the site's page at 1,000 issues, 16 queries × 2
   * alternating, twice: median 248 → 229 ms and 247 → 231 ms).
   */
  styles: string;
}

/** Articles in reading order (oldest issue first), as the index builder wants them: a new issue appends. */
export function searchDocuments(articles: readonly ArticlePage[]): SearchDocument[] {
  return articles.map((article) => ({
    url: article.url,
    title: article.title,
    paragraphs: article.paragraphs,
    sectionSlug: article.section.slug,
    sectionTitle: article.section.title,
    date: article.issue.date,
    issueTitle: article.issue.title,
    textKey: article.textKey,
  }));
}

export async function searchPageData(index: IndexInThread, script: Promise<string>): Promise<SearchPageData> {
  const file = path.join(PUBLIC_DIR, STYLESHEET);
  const styles = styleElementText(await readFile(file, 'utf8'), file);
  return { script: await script, shardCount: index.shardCount, stamp: await index.stamp, styles };
}

/** A stylesheet as the text of a <style> element, which ends at the first "</style": refused if it has one. */
export function styleElementText(css: string, file: string): string {
  if (/<\/style/i.test(css))
    throw new Error(`${file}: contains "</style", which cannot be inlined in a page`);
  return css;
}

/** The browser script, bundled (or read from the cache) while the build does its other work. */
export function searchScript(cacheDir?: string): Promise<string> {
  const script = bundleSearchClient(searchCacheDir(cacheDir));
  script.catch(() => {}); // awaited later, where a failure is reported
  return script;
}

function searchCacheDir(cacheDir?: string): string | undefined {
  return cacheDir && path.join(cacheDir, 'search');
}

/**
 * A thread for outDir's index, started before the site model exists: it reads ahead the shards an
 * update appends to (`add` starts it before loading the content folder). Its starter stops it.
 */
export function startSearchThread(outDir: string, cacheDir?: string): IndexThread {
  return startIndexThread(outDir, { cacheDir: searchCacheDir(cacheDir) }, true);
}

/**
 * The index for outDir, built in a worker thread while the pages render: `started` (for outDir, stopped
 * by whoever started it), or a thread of its own. Written by its write(), or dropped by abandon() when
 * the build fails. The articles from `newFrom` on are the ones the last build did not have: the thread
 * is sent their text, and asks for the others' only if it needs them (IndexThread.plan).
 */
export async function planSearch(
  articles: readonly ArticlePage[],
  outDir: string,
  options: { cacheDir?: string; started?: IndexThread; newFrom?: number } = {},
) {
  const docs = searchDocuments(articles);
  const { started, newFrom } = options;
  return started
    ? started.plan(docs, undefined, newFrom)
    : planSearchIndexInThread(docs, outDir, {
        cacheDir: searchCacheDir(options.cacheDir),
        paragraphsFrom: newFrom,
      });
}
