// Loads index files over HTTP relative to the entry file's URL, so the site works under any path prefix.
import type { LoadSearchFile } from '../search/query.ts';

export interface FetchLoader {
  load: LoadSearchFile;
  /**
   * Starts loading a file under a stamp the page gave, before the entry file has said the index's
   * stamp; a later load of the same path and stamp takes this response instead of fetching again.
   */
  prefetch(path: string, version: string): void;
}

/**
 * The entry is revalidated on every page load (cache: 'no-cache' costs a 304 on any static host); every
 * other file carries the entry's stamp as ?v=, so no cache, the browser's or a CDN's, ever serves a file
 * of an older build under it.
 */
export function fetchLoader(entryUrl: URL): FetchLoader {
  const prefetched = new Map<string, Promise<Uint8Array>>();
  const key = (path: string, version: string | null) => `${path}?v=${version}`;
  const get = async (path: string, version: string | null): Promise<Uint8Array> => {
    const url = new URL(path, entryUrl);
    if (version !== null) url.searchParams.set('v', version);
    const response = await fetch(url, version === null ? { cache: 'no-cache' } : {});
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  return {
    load: (path, version) => prefetched.get(key(path, version)) ?? get(path, version),
    prefetch: (path, version) => {
      if (prefetched.has(key(path, version))) return;
      const loading = get(path, version);
      prefetched.set(key(path, version), loading);
      loading.catch(() => prefetched.delete(key(path, version)));
    },
  };
}
