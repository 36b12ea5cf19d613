// The browser script is bundled once per version of its sources and read from the cache afterwards.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleSearchClient } from '../../src/search/bundle-client.ts';
import { removeTemporaryDirectories, temporaryDirectory } from '../support/temp.ts';

afterAll(removeTemporaryDirectories);

describe('the bundled search script', () => {
  it('is kept in the cache folder and read from there while its sources are unchanged', async () => {
    const cacheDir = temporaryDirectory('client-cache');
    const fresh = await bundleSearchClient();
    expect(await bundleSearchClient(cacheDir)).toBe(fresh);
    const [name, ...others] = readdirSync(cacheDir);
    expect(others).toEqual([]);
    const file = path.join(cacheDir, name as string);
    expect(readFileSync(file, 'utf8')).toBe(fresh);

    // Read back as stored: the second call does not bundle again.
    writeFileSync(file, `${fresh}\n// from the cache`);
    expect(await bundleSearchClient(cacheDir)).toBe(`${fresh}\n// from the cache`);
  });

  it('replaces a script cached under another key, not a script being written', async () => {
    const cacheDir = temporaryDirectory('client-cache-stale');
    writeFileSync(path.join(cacheDir, 'search-client-0000000000000000.js'), 'stale');
    // Another build's script on its way into the cache is left to it.
    writeFileSync(path.join(cacheDir, 'search-client-1111111111111111.js.4242.tmp'), 'being written');
    expect(await bundleSearchClient(cacheDir)).toBe(await bundleSearchClient());
    const names = readdirSync(cacheDir);
    expect(names).toHaveLength(2);
    expect(names).toContain('search-client-1111111111111111.js.4242.tmp');
    expect(names).not.toContain('search-client-0000000000000000.js');
  });
});
