// Loads index files over HTTP relative to the entry file's URL, so the site works under any path prefix.
import type { LoadSearchFile } from '../search/query.ts';

export interface FetchLoader {
  load: LoadSearchFile;
  /**
   * Starts loading a file before the entry's stamp is known (revalidated, as the entry is); a later
   * load of the same path takes this response instead of fetching the file again.
   */
  prefetch(path: string): void;
}

/**
 * The entry is revalidated on every page load (cache: 'no-cache' costs a 304 on any static host); every
 * other file carries the entry's stamp as ?v=, so a browser cache never serves a file of an older build.
 * A prefetched file is revalidated instead: fresh as well, only without a stamp to name it by.
 */
export function fetchLoader(entryUrl: URL): FetchLoader {
  const prefetched = new Map<string, Promise<Uint8Array>>();
  const get = async (path: string, version: string | null): Promise<Uint8Array> => {
    const url = new URL(path, entryUrl);
    if (version !== null) url.searchParams.set('v', version);
    const response = await fetch(url, version === null ? { cache: 'no-cache' } : {});
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  return {
    load: (path, version) => prefetched.get(path) ?? get(path, version),
    prefetch: (path) => {
      if (prefetched.has(path)) return;
      const loading = get(path, null);
      prefetched.set(path, loading);
      loading.catch(() => prefetched.delete(path));
    },
  };
}
