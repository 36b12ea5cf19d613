// Loads index files over HTTP relative to the entry file's URL, so the site works under any path prefix.
import type { LoadSearchFile } from '../search/query.ts';

/**
 * The entry is revalidated on every page load (cache: 'no-cache' costs a 304 on any static host); every
 * other file carries the entry's stamp as ?v=, so a browser cache never serves a file of an older build.
 */
export function fetchLoader(entryUrl: URL): LoadSearchFile {
  return async (path, version) => {
    const url = new URL(path, entryUrl);
    if (version !== null) url.searchParams.set('v', version);
    const response = await fetch(url, version === null ? { cache: 'no-cache' } : {});
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
}
