// Bundles the browser search script (src/client/search.ts) into one minified script with esbuild.

import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import { hashFiles } from '../source-hash.ts';

const ENTRY = path.join(PACKAGE_ROOT, 'src/client/search.ts');
/** What the script is made of: the page's code, the index reader it imports, this file's options. */
const SOURCES = [path.join(PACKAGE_ROOT, 'src/client'), path.join(PACKAGE_ROOT, 'src/search')];
const CACHED_PREFIX = 'search-client-';

/**
 * An IIFE for ES2020 browsers, as text for the search page to inline (no module loader, no request of
 * its own, any path prefix). esbuild escapes "</script" in it, and its output depends only on its input
 * and options: no timestamps, no absolute paths.
 *
 * With a cache folder, the script is kept there under a hash of its sources and esbuild's version: a
 * build or `add` whose client code is unchanged reads it (a few milliseconds) instead of loading esbuild
 * and bundling (~0.1 s of every `add`).
 */
export async function bundleSearchClient(cacheDir?: string): Promise<string> {
  if (!cacheDir) return bundle();
  const key = await hashFiles([...SOURCES, esbuildManifest()], (file) => /\.(ts|json)$/.test(file));
  const file = path.join(cacheDir, `${CACHED_PREFIX}${key.slice(0, 16)}.js`);
  const cached = await readFile(file, 'utf8').catch(() => null);
  if (cached !== null) return cached;
  const script = await bundle();
  await keep(cacheDir, file, script).catch(() => {}); // the cache is an optimisation only
  return script;
}

/** Stores the script as `file`, removing scripts kept under other keys (not another build's temporary file). */
async function keep(cacheDir: string, file: string, script: string): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  for (const name of await readdir(cacheDir)) {
    if (name.startsWith(CACHED_PREFIX) && name.endsWith('.js') && name !== path.basename(file))
      await rm(path.join(cacheDir, name), { force: true });
  }
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, script);
  await rename(temporary, file);
}

async function bundle(): Promise<string> {
  // Imported here, not at the top: every command that loads the site code would pay ~60 ms for it.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [ENTRY],
    write: false,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    sourcemap: false,
    logLevel: 'silent',
  });
  const [script] = result.outputFiles;
  if (!script) throw new Error('esbuild wrote no search script');
  return script.text;
}

/** esbuild's package.json, whose version is part of the cache key (found without loading esbuild). */
function esbuildManifest(): string {
  return createRequire(import.meta.url).resolve('esbuild/package.json');
}
