// The content folder → every issue parsed, oldest first, reusing cached parses of unchanged files.
import { hash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BulletinError } from '../bulletin/errors.ts';
import type { Bulletin } from '../bulletin/types.ts';
import { parseBulletinBytes } from './bulletin-file.ts';
import { ParseCache } from './cache.ts';
import { type ContentConfig, loadContentConfig } from './config.ts';

export const ISSUES_DIR = 'issues';

export interface Content {
  config: ContentConfig;
  /** Every issue, oldest first. */
  bulletins: Bulletin[];
  /** How many issue files were read (the others' parses were cached, and the files unchanged since). */
  read?: number;
  /**
   * Writes the parse cache if this load changed it. Left to the caller, which calls it where it would
   * otherwise wait (serializing 1,000 issues' parses takes ~0.1 s).
   */
  saveCache?: () => Promise<void>;
}

export interface LoadOptions {
  /** Folder for the parse cache; none when omitted. */
  cacheDir?: string;
  /** How long a file must stand unchanged before its signature vouches for it (ParseCache; tests shorten it). */
  settledAfterMs?: number;
}

export async function loadContent(contentDir: string, options: LoadOptions = {}): Promise<Content> {
  const config = await loadContentConfig(contentDir);
  const issuesDir = path.join(contentDir, ISSUES_DIR);
  const files = await listIssueFiles(issuesDir);
  const cache = options.cacheDir
    ? await ParseCache.open(options.cacheDir, cacheKey(config), options.settledAfterMs)
    : null;
  let read = 0;
  const bulletins = await Promise.all(
    files.map(async (file) => {
      const stats = cache ? statSync(file, { bigint: true }) : null;
      const unchanged = stats && cache?.getUnchanged(file, stats);
      if (unchanged) return unchanged;
      const bytes = await readFile(file);
      read++;
      const digest = hash('sha1', bytes, 'hex');
      const bulletin =
        cache?.get(file, digest) ??
        parseBulletinBytes(bytes, file, { sectionSlugs: config.sectionSlugs, siteTitle: config.site.title });
      if (stats) cache?.set(file, digest, bulletin, stats);
      return bulletin;
    }),
  );
  cache?.retainOnly(files);
  return { config, bulletins: sortByDate(bulletins), read, saveCache: async () => cache?.save() };
}

export async function listIssueFiles(issuesDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(issuesDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => !name.startsWith('.') && /\.(txt|md)$/i.test(name))
    .sort()
    .map((name) => path.join(issuesDir, name));
}

/** Oldest first; two issues of one date would share a URL, so that is an error. */
function sortByDate(bulletins: Bulletin[]): Bulletin[] {
  const sorted = [...bulletins].sort(
    (a, b) => a.meta.date.localeCompare(b.meta.date) || a.file.localeCompare(b.file),
  );
  sorted.forEach((bulletin, index) => {
    const previous = sorted[index - 1];
    if (previous && previous.meta.date === bulletin.meta.date) {
      throw new BulletinError(
        bulletin.file,
        1,
        `another issue has the same date ${bulletin.meta.date} (${previous.file}); each issue needs its own date`,
      );
    }
  });
  return sorted;
}

/** Parses depend on the section map and the default title as well as on the file's bytes. */
function cacheKey(config: ContentConfig): string {
  return JSON.stringify([config.sectionSlugs, config.site.title]);
}
