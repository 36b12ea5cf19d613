// Moves freshly rendered files into the published site, file by file, and removes pages that are gone.
import { mkdir, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { type BuildManifest, MANIFEST_FILE } from './fingerprints.ts';

export interface UpdateCounts {
  /** Files written (new or different bytes). */
  written: number;
  /** Files removed (pages that no longer exist). */
  removed: number;
}

export async function readManifest(outDir: string): Promise<BuildManifest | null> {
  try {
    const manifest = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as BuildManifest;
    return manifest.version === 3 ? manifest : null;
  } catch {
    return null;
  }
}

/**
 * Each changed file replaces the old one by a rename, so a reader never sees a half-written page;
 * a file whose bytes did not change is not touched. Rendering finished before this runs, so a
 * template error never reaches the published folder.
 */
export async function applyUpdate(
  rendered: string,
  outDir: string,
  /** Site-relative URLs of pages that no longer exist (pagesGone). */
  gone: readonly string[],
): Promise<UpdateCounts> {
  let written = 0;
  for (const file of await filesIn(rendered)) {
    const source = path.join(rendered, file);
    const target = path.join(outDir, file);
    const [fresh, current] = await Promise.all([readFile(source), readFile(target).catch(() => null)]);
    if (current?.equals(fresh)) continue;
    if (current === null) await mkdir(path.dirname(target), { recursive: true });
    await rename(source, target);
    written++;
  }
  let removed = 0;
  for (const url of gone) {
    const file = path.join(outDir, url.endsWith('/') ? `${url}index.html` : url);
    await rm(file, { force: true });
    await removeEmptyFolders(path.dirname(file), outDir);
    removed++;
  }
  return { written, removed };
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

async function removeEmptyFolders(dir: string, root: string): Promise<void> {
  for (let current = dir; current.startsWith(root) && current !== root; current = path.dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
  }
}
