// Bundles the browser search script (src/client/search.ts) into one minified file with esbuild.

import path from 'node:path';
import { build } from 'esbuild';
import { PACKAGE_ROOT } from '../package-root.ts';

const ENTRY = path.join(PACKAGE_ROOT, 'src/client/search.ts');

/**
 * An IIFE for ES2020 browsers (what `<script defer>` loads under any path prefix, no module loader needed).
 * esbuild's output depends only on its input and options: no timestamps, no absolute paths.
 */
export async function bundleSearchClient(outFile: string): Promise<void> {
  await build({
    entryPoints: [ENTRY],
    outfile: outFile,
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
}
