// A hash of the files some output is made with (parser, site and search code, templates), for the keys
// that must change when that code changes: the parse cache, the build manifest, the search index stamp.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from './package-root.ts';

/**
 * SHA-1 (hex) of each file's path (relative to the package, so a moved checkout keeps its caches) and
 * bytes, in sorted order. A folder stands for every file under it; a missing one for none. `include`
 * keeps only some files (e.g. sources, not their README).
 */
export async function hashFiles(
  paths: readonly string[],
  include: (file: string) => boolean = () => true,
): Promise<string> {
  const digest = createHash('sha1');
  for (const entry of paths) {
    for (const file of await filesAt(entry)) {
      if (!include(file)) continue;
      digest.update(`${path.relative(PACKAGE_ROOT, file)}\n`).update(await readFile(file));
    }
  }
  return digest.digest('hex');
}

async function filesAt(entry: string): Promise<string[]> {
  const entries = await readdir(entry, { recursive: true, withFileTypes: true }).catch((error) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return null; // a file
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  if (entries === null) return [entry];
  return entries
    .filter((dirent) => dirent.isFile())
    .map((dirent) => path.join(dirent.parentPath, dirent.name))
    .sort();
}
