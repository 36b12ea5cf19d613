// Builds a minimal static site around the search index (the search page, one page per article, the script).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { layoutFor, writeSearchIndex } from '../search/build-index.ts';
import { bundleSearchClient } from '../search/bundle-client.ts';
import type { SearchDocument } from '../search/types.ts';
import { escapeHtml } from '../site/html.ts';

const STYLE = `body{font:16px/1.6 sans-serif;max-width:40em;margin:auto;padding:1em}mark{background:#ff0}
.search-results-list{padding:0;list-style:none}.search-result h2{font-size:1.1em;margin:.8em 0 .2em}
.search-result-meta{color:#555;margin:0;font-size:.9em}`;

/**
 * The search page with the markup the site's template uses (the ids and data attributes are the contract
 * with the script, which it inlines as the template does, and the styles after it).
 */
export function searchPageHtml(
  docs: readonly SearchDocument[],
  prefix: string,
  script: string,
  stamp: string,
): string {
  const sections = new Map(docs.map((doc) => [doc.sectionSlug, doc.sectionTitle]));
  const years = [...new Set(docs.map((doc) => doc.date.slice(0, 4)))].sort().reverse();
  const options = (pairs: [string, string][]) =>
    pairs
      .map(([value, label]) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`)
      .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>搜索</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script id="search-script" data-index-url="${prefix}search/index.json" data-site-root="${prefix}" data-shard-count="${layoutFor(docs.length).shardCount}" data-index-stamp="${stamp}">${script}</script>
<style>${STYLE}</style></head>
<body><main><h1>搜索</h1>
<form id="search-form" role="search" action="">
  <label for="search-input">搜索文章</label>
  <input id="search-input" name="q" type="search" autocomplete="off">
  <select id="search-section" name="section"><option value="">全部栏目</option>${options([...sections])}</select>
  <select id="search-year" name="year"><option value="">全部年份</option>${options(years.map((y) => [y, y]))}</select>
  <button type="submit">搜索</button>
</form>
<p id="search-status" role="status" aria-live="polite"></p>
<div id="search-results" aria-busy="false"></div>
</main>
</body></html>
`;
}

/** Writes the site into root (served under prefix) and returns the index builder's result. */
export async function buildSearchSite(docs: SearchDocument[], root: string, prefix: string) {
  await mkdir(join(root, 'search'), { recursive: true });
  const index = await writeSearchIndex(docs, root);
  await writeFile(
    join(root, 'search', 'index.html'),
    searchPageHtml(docs, prefix, await bundleSearchClient(), index.stamp),
  );
  for (const doc of docs) {
    await mkdir(join(root, doc.url), { recursive: true });
    const body = doc.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
    await writeFile(
      join(root, doc.url, 'index.html'),
      `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><h1>${escapeHtml(doc.title)}</h1>${body}</html>`,
    );
  }
  return index;
}
