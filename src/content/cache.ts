// A cache of parsed bulletins on disk, keyed by file content and by the parser's own source code. A file
// whose signature (size, inode, times) is the one recorded when it was hashed is not read again: reading
// and hashing 1,000 issues was a tenth of `jianbao add`.
//
// Stored in V8's serialization format rather than JSON: reading 1,000 issues' parses (20 MB) takes a
// third of the time (no UTF-8 decoding of the text, no JSON scanning), which `jianbao add` pays on every
// run. The format belongs to the V8 version, which is therefore part of the key.
import type { BigIntStats } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { rememberedSlugs, rememberSlugs, slugMaker } from '../bulletin/slugs.ts';
import type { Bulletin } from '../bulletin/types.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { hashFiles } from '../source-hash.ts';

const PARSER_DIR = path.join(PACKAGE_ROOT, 'src/bulletin');
const CONTENT_CODE_DIR = path.join(PACKAGE_ROOT, 'src/content');
const CACHE_FILE = 'parsed.v8';

interface CacheFile {
  key: string;
  entries: Record<string, CacheEntry>;
  /** The pinyin slugs made for titles (slugFromTitle), kept for the next command. */
  slugs?: Record<string, string>;
}

interface CacheEntry {
  hash: string;
  bulletin: Bulletin;
  /** The file's fileSignature when its bytes were hashed, if it had not changed for a while then. */
  signature?: string;
}

/**
 * How long a file must have stood unchanged before its signature vouches for its bytes: a file written
 * again within the file system's timestamp granularity, at the same size, would otherwise keep its old
 * signature (git's "racily clean" files). Such a file is read and hashed until it is older.
 */
const SETTLED_MS = 2000;

/**
 * A file's size, inode, and modification and change times in nanoseconds: equal signatures mean the
 * file was not written since (a write sets both times; the change time cannot be set back).
 */
function fileSignature(stats: BigIntStats): string {
  return `${stats.size}:${stats.ino}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/**
 * The key includes a hash of src/bulletin/*.ts and content/ settings, so a change to the parser or to
 * the section map can never serve a stale parse: the cache is then simply empty.
 */
export class ParseCache {
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly data: CacheFile,
    private readonly settledAfterMs: number,
  ) {}

  static async open(dir: string, settingsKey: string, settledAfterMs = SETTLED_MS): Promise<ParseCache> {
    const key = `${await parserHash()}:${settingsKey}:v8 ${process.versions.v8}:${slugMaker()}`;
    const file = path.join(dir, CACHE_FILE);
    let data: CacheFile = { key, entries: {} };
    try {
      const stored = deserialize(await readFile(file)) as CacheFile;
      if (stored?.key === key) data = stored;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    rememberSlugs(data.slugs ?? {});
    return new ParseCache(file, data, settledAfterMs);
  }

  get(file: string, hash: string): Bulletin | undefined {
    const entry = this.data.entries[file];
    return entry?.hash === hash ? entry.bulletin : undefined;
  }

  /** The parse of a file whose signature is the one recorded when its bytes were last hashed. */
  getUnchanged(file: string, stats: BigIntStats): Bulletin | undefined {
    const entry = this.data.entries[file];
    return entry?.signature === fileSignature(stats) ? entry.bulletin : undefined;
  }

  /** Records a file's parse under the hash of its bytes, and its signature when it has settled. */
  set(file: string, hash: string, bulletin: Bulletin, stats: BigIntStats): void {
    const settled = Date.now() - Number(stats.ctimeMs) >= this.settledAfterMs;
    const signature = settled ? fileSignature(stats) : undefined;
    const entry = this.data.entries[file];
    if (entry?.hash === hash && entry.bulletin === bulletin && entry.signature === signature) return;
    this.data.entries[file] = { hash, bulletin, signature };
    this.dirty = true;
  }

  /** Forgets files that are gone, so the cache holds one content folder's issues, not every folder it saw. */
  retainOnly(files: readonly string[]): void {
    const keep = new Set(files);
    for (const file of Object.keys(this.data.entries)) {
      if (keep.has(file)) continue;
      delete this.data.entries[file];
      this.dirty = true;
    }
  }

  async save(): Promise<void> {
    const slugs = rememberedSlugs();
    if (slugs.size !== Object.keys(this.data.slugs ?? {}).length) {
      this.data.slugs = Object.fromEntries(slugs);
      this.dirty = true;
    }
    if (!this.dirty) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, serialize(this.data));
    await rename(temporary, this.file);
  }
}

let parserHashPromise: Promise<string> | undefined;

function parserHash(): Promise<string> {
  parserHashPromise ??= hashFiles([
    PARSER_DIR,
    path.join(CONTENT_CODE_DIR, 'meta.ts'),
    path.join(CONTENT_CODE_DIR, 'bulletin-file.ts'),
  ]);
  return parserHashPromise;
}
