// Writes freshly rendered pages into the published site, file by file, and removes pages that are gone.
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type BuildManifest, MANIFEST_FILE, MANIFEST_VERSION } from './fingerprints.ts';
import { pageFile } from './pages.ts';

export interface UpdateCounts {
  /** Files written (new or different bytes). */
  written: number;
  /** Files removed (pages that no longer exist). */
  removed: number;
}

export async function readManifest(outDir: string): Promise<BuildManifest | null> {
  try {
    const manifest = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as BuildManifest;
    return manifest.version === MANIFEST_VERSION ? manifest : null;
  } catch {
    return null;
  }
}

/**
 * Each changed file replaces the old one by a rename, so a reader never sees a half-written page;
 * a file whose bytes did not change is not touched. Rendering finished before this runs, so a
 * rendering error never reaches the published folder.
 */
export async function applyUpdate(
  /** Site-relative file → its new content. */
  rendered: ReadonlyMap<string, string>,
  outDir: string,
  /** Site-relative URLs of pages that no longer exist (pagesGone). */
  gone: readonly string[],
): Promise<UpdateCounts> {
  let written = 0;
  for (const [file, content] of rendered) {
    const target = path.join(outDir, file);
    const fresh = Buffer.from(content);
    const current = await readFile(target).catch(() => null);
    if (current?.equals(fresh)) continue;
    if (current === null) await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, fresh);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    written++;
  }
  let removed = 0;
  for (const url of gone) {
    const file = path.join(outDir, pageFile(url));
    await rm(file, { force: true });
    await removeEmptyFolders(path.dirname(file), outDir);
    removed++;
  }
  return { written, removed };
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
