// Writes index files only when their bytes change, and removes index files a new build no longer has.

import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** Index files by path relative to search/, e.g. "grams/12.bin". */
export type IndexFiles = Map<string, Uint8Array>;

/** Folders whose every file is ours: stale files there are deleted. search/ itself also holds the site's page. */
export const OWNED_FOLDERS = ['grams', 'positions', 'docs'];

/**
 * Writes each file whose bytes differ from what is on disk (`onDisk` gives files the caller has already
 * read); returns how many were written. Synchronous calls on purpose: for thousands of small files they
 * cost a third of what the thread pool costs.
 */
export function writeChangedFiles(
  searchDir: string,
  files: IndexFiles,
  onDisk: IndexFiles = new Map(),
): number {
  for (const folder of new Set([...files.keys()].map((path) => dirname(join(searchDir, path))))) {
    mkdirSync(folder, { recursive: true });
  }
  // Reading only files that exist: a first build would otherwise pay a failed open per file.
  const existing = listOwnedFiles(searchDir);
  let written = 0;
  for (const [path, bytes] of files) {
    const target = join(searchDir, path);
    const mayExist = !path.includes('/') || existing.has(path);
    const current = onDisk.get(path) ?? (mayExist ? readOrNull(target) : null);
    if (sameBytes(current, bytes)) continue;
    if (current === null) writeFileSync(target, bytes);
    else overwrite(target, bytes, current.length);
    written++;
  }
  return written;
}

/**
 * Rewrites a file in place, cutting it only when it shrinks. Appending an issue makes shards longer, and
 * not truncating them first spares the file system freeing their blocks only to allocate them again:
 * on this machine's ext4 (mounted with discard) that made rewriting 2,000 shards three times slower.
 */
function overwrite(target: string, bytes: Uint8Array, previousLength: number): void {
  const fd = openSync(target, 'r+');
  try {
    // writeSync may write less than asked (a full disk): go on until all is written, or throw.
    for (let done = 0; done < bytes.length; ) {
      const wrote = writeSync(fd, bytes, done, bytes.length - done, done);
      if (wrote <= 0) throw new Error(`${target}: could not write (${done} of ${bytes.length} bytes)`);
      done += wrote;
    }
    if (previousLength > bytes.length) ftruncateSync(fd, bytes.length);
  } finally {
    closeSync(fd);
  }
}

function readOrNull(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

function sameBytes(current: Uint8Array | null, bytes: Uint8Array): boolean {
  return current !== null && current.length === bytes.length && Buffer.compare(current, bytes) === 0;
}

/** Deletes files in the owned folders that are not in `keep` (paths relative to search/). */
export function removeStaleFiles(searchDir: string, keep: ReadonlySet<string>): void {
  for (const path of listOwnedFiles(searchDir)) {
    if (!keep.has(path)) rmSync(join(searchDir, path), { force: true });
  }
}

/** Lists the files in the owned folders (relative to search/). */
export function listOwnedFiles(searchDir: string): Set<string> {
  const paths = new Set<string>();
  for (const folder of OWNED_FOLDERS) {
    let names: string[] = [];
    try {
      names = readdirSync(join(searchDir, folder));
    } catch {
      // No such folder yet.
    }
    for (const name of names) paths.add(`${folder}/${name}`);
  }
  return paths;
}
