// Bundles the browser search script (src/client/search.ts) into one minified script with esbuild.

import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';

const ENTRY = path.join(PACKAGE_ROOT, 'src/client/search.ts');

/**
 * An IIFE for ES2020 browsers, as text for the search page to inline (no module loader, no request of
 * its own, any path prefix). esbuild escapes "</script" in it, and its output depends only on its input
 * and options: no timestamps, no absolute paths.
 */
export async function bundleSearchClient(): Promise<string> {
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
