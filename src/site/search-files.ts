// The site's search: the browser script and the index of every article, written beside the pages.
import path from 'node:path';
import { writeSearchIndex } from '../search/build-index.ts';
import { bundleSearchClient } from '../search/bundle-client.ts';
import type { SearchDocument } from '../search/types.ts';
import type { SiteModel } from './model.ts';

export const SEARCH_SCRIPT = 'search.js';

/** Articles in reading order (oldest issue first), as the index builder wants them: a new issue appends. */
export function searchDocuments(model: SiteModel): SearchDocument[] {
  return model.articles.map((article) => ({
    url: article.url,
    title: article.title,
    paragraphs: [...article.paragraphs],
    sectionSlug: article.section.slug,
    sectionTitle: article.section.title,
    date: article.issue.date,
    issueTitle: article.issue.title,
  }));
}

export async function writeSearchScript(dir: string): Promise<void> {
  await bundleSearchClient(path.join(dir, SEARCH_SCRIPT));
}

export async function writeSearch(model: SiteModel, outDir: string, cacheDir?: string) {
  return writeSearchIndex(searchDocuments(model), outDir, {
    cacheDir: cacheDir && path.join(cacheDir, 'search'),
  });
}
