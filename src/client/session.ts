// The search page's index, opened once per page: loading files, prefetching a query's shards before the
// entry file has arrived, and searching quietly so that a submitted search finds its files loaded.
import { FORMAT_VERSION } from '../search/format.ts';
import { queryFiles, SearchIndex, type SearchResults } from '../search/query.ts';
import { type FetchLoader, fetchLoader } from './fetch-loader.ts';
import { mark } from './marks.ts';
import { paramsFromState, type SearchState } from './url-state.ts';

/** A search's results and the index that found them. */
export interface Found {
  index: SearchIndex;
  results: SearchResults;
}

/**
 * What the page tells the script, on its <script> element (data-index-url, -site-root, -shard-count,
 * -index-stamp).
 */
export interface SearchSettings {
  entryUrl: URL;
  /** Ends with "/": result links are siteRoot + the article's URL. */
  siteRoot: string;
  /** The index's shard count and stamp as the page was built (0 and "" when the page does not say). */
  shardCount: number;
  stamp: string;
}

export function readSettings(script: HTMLOrSVGScriptElement | null): SearchSettings {
  const data = script instanceof HTMLScriptElement ? script.dataset : {};
  const root = data.siteRoot ?? '/';
  return {
    entryUrl: new URL(data.indexUrl ?? 'search/index.json', location.href),
    siteRoot: root.endsWith('/') ? root : `${root}/`,
    shardCount: Number(data.shardCount ?? 0),
    stamp: data.indexStamp ?? '',
  };
}

export interface SearchSession {
  /** The index, opened on first use (and again after a failure). */
  open(): Promise<SearchIndex>;
  /**
   * Starts fetching the files a query needs while the entry file is on its way, named by the page's
   * stamp. Should the page be older than the index, the index asks for other names and these go unused.
   * Once the index is open it loads what it needs itself.
   */
  prefetch(query: string): void;
  /**
   * Searches, or returns the search already made for the same state: the search the head script started
   * for the URL's query is the one the page shows once it is parsed.
   */
  search(state: SearchState): Promise<Found>;
  /** Searches without showing anything, loading the shards and the first page of documents. */
  warm(state: SearchState, pageSize: number): Promise<void>;
  /** Set once the index is open, when its format is not the one this script reads. */
  versionWarning(): string;
}

export function searchSession(settings: SearchSettings): SearchSession {
  let index: Promise<SearchIndex> | null = null;
  let loader: FetchLoader = fetchLoader(settings.entryUrl);
  let warning = '';
  let isOpen = false;

  const open = (): Promise<SearchIndex> => {
    index ??= SearchIndex.open(loader.load).then((opened) => {
      isOpen = true;
      if (opened.versionMismatch) {
        warning = `搜索索引的格式（第 ${opened.entry.version} 版）与本页脚本（第 ${FORMAT_VERSION} 版）不一致，结果可能不全，请刷新页面。`;
        console.warn(`jianbao search: index format ${opened.entry.version}, script reads ${FORMAT_VERSION}`);
      }
      return opened;
    });
    index.catch(() => {
      index = null;
      isOpen = false;
      loader = fetchLoader(settings.entryUrl);
    });
    return index;
  };

  let last: { key: string; found: Promise<Found> } | null = null;
  const search = (state: SearchState): Promise<Found> => {
    const key = paramsFromState(state).toString();
    if (last?.key !== key) {
      prefetch(state.q);
      const found = open().then(async (index) => {
        const results = await index.search(state.q, state);
        mark('searched');
        return { index, results };
      });
      const entry = { key, found };
      found.catch(() => {
        if (last === entry) last = null; // a failed search is tried again
      });
      last = entry;
    }
    return last.found;
  };

  const prefetch = (query: string): void => {
    if (isOpen || settings.shardCount <= 0 || settings.stamp === '') return;
    for (const file of queryFiles(query, settings.shardCount)) loader.prefetch(file, settings.stamp);
  };

  return {
    open,
    prefetch,
    search,
    warm: async (state, pageSize) => {
      if (state.q.trim() === '') return;
      const { index, results } = await search(state);
      await index.documents(results.hits.slice(0, pageSize).map((hit) => hit.doc));
    },
    versionWarning: () => warning,
  };
}
