#!/usr/bin/env node
// Runs the CLI (src/cli.ts) from an esbuild bundle of src/, made again whenever a source file changes,
// so the repository needs no compile step and every command still starts as plain JavaScript.
//
// Why not tsx, as before: tsx transforms each module on a loader thread at every start, which cost
// ~0.4 s of every command (a tenth of `jianbao add` at 1,000 issues; see the README's Performance).
// Where the bundle cannot be written (a read-only install), the CLI runs through tsx as before.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLES = path.join(ROOT, '.cache', 'cli');
/** Bundles unused for this long (each start touches its own) are removed. */
const STALE_MS = 60 * 60 * 1000;

/**
 * A hash of every source file and of what shapes the bundle (the libraries' versions are in the lock
 * file, since they are bundled too): equal stamps, equal bundles.
 */
function sourceStamp() {
  const hash = createHash('sha1');
  const sources = readdirSync(path.join(ROOT, 'src'), { recursive: true })
    .filter((name) => name.endsWith('.ts'))
    .sort();
  for (const name of [
    ...sources.map((source) => path.join('src', source)),
    'tsconfig.json',
    'package-lock.json', // not in a packed package: installed, the versions stand in package.json
    'package.json',
    'bin/jianbao.js',
  ]) {
    const file = path.join(ROOT, name);
    if (existsSync(file)) hash.update(name).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

async function bundledCli() {
  const dir = path.join(BUNDLES, sourceStamp());
  const entry = path.join(dir, 'cli.js');
  if (existsSync(entry)) {
    const now = new Date();
    utimesSync(dir, now, now); // in use: not stale
  } else {
    await writeBundle(dir);
  }
  return import(pathToFileURL(entry).href);
}

/** Builds into a private folder, then renames it into place: a concurrent start sees all or nothing. */
async function writeBundle(dir) {
  const { build } = await import('esbuild');
  mkdirSync(BUNDLES, { recursive: true });
  const temporary = mkdtempSync(`${dir}.tmp-`);
  await build({
    // The search index's worker thread is an entry of its own (src/search/index-thread.ts starts it
    // from beside the bundle's code); names are flat, so it sits next to the chunks.
    entryPoints: [path.join(ROOT, 'src/cli.ts'), path.join(ROOT, 'src/search/index-worker.ts')],
    entryNames: '[name]',
    outdir: temporary,
    bundle: true,
    // Commands stay separate chunks, so `parse` never loads Eleventy.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The libraries are bundled too: remark and its micromark are hundreds of small modules, and Node's
    // module loader costs ~0.2 s to find and compile them one by one. Eleventy stays a package (it
    // reads its own files and imports templates' code at run time), esbuild too (a native binary), and
    // pinyin-pro, loaded only when a slug is made (src/bulletin/slugs.ts).
    external: ['@11ty/eleventy', 'esbuild', 'pinyin-pro'],
    // Packages written as CommonJS (gray-matter) call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __jianbaoCreateRequire } from 'node:module'; const require = __jianbaoCreateRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    logLevel: 'silent',
  });
  try {
    renameSync(temporary, dir);
  } catch {
    rmSync(temporary, { recursive: true, force: true }); // another start wrote the same bundle first
  }
  removeStaleBundles(path.basename(dir));
}

/** Best effort: another start may be writing or removing a folder at the same moment. */
function removeStaleBundles(current) {
  for (const name of readdirSync(BUNDLES)) {
    const dir = path.join(BUNDLES, name);
    try {
      if (name !== current && !name.includes('.tmp-') && Date.now() - statSync(dir).mtimeMs > STALE_MS) {
        rmSync(dir, { recursive: true, force: true });
      }
    } catch {
      // gone already
    }
  }
}

async function cliThroughTsx() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli.ts');
}

// Stack traces of unexpected errors point into src/, not into the bundle.
process.setSourceMapsEnabled(true);
const cli = await bundledCli().catch((error) => {
  // Slower, not wrong; said where timings are asked for (JIANBAO_TIMINGS=1), not on every command.
  if (process.env.JIANBAO_TIMINGS)
    console.error(`jianbao: no bundle (${error.message}); running through tsx`);
  return cliThroughTsx();
});
process.exitCode = await cli.main(process.argv.slice(2));
