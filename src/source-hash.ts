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
  const files = (await Promise.all(paths.map(filesAt))).flat().filter(include);
  // Read at once, hashed in order: a command hashes its code while it does other work, and one read
  // after the other would wait for a turn of its busy main thread each.
  const contents = await Promise.all(files.map((file) => readFile(file)));
  const digest = createHash('sha1');
  files.forEach((file, i) => {
    digest.update(`${path.relative(PACKAGE_ROOT, file)}\n`).update(contents[i] as Buffer);
  });
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
