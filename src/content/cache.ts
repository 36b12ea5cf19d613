// A cache of parsed bulletins on disk, keyed by file content and by the parser's own source code.
//
// Stored in V8's serialization format rather than JSON: reading 1,000 issues' parses (20 MB) takes a
// third of the time (no UTF-8 decoding of the text, no JSON scanning), which `jianbao add` pays on every
// run. The format belongs to the V8 version, which is therefore part of the key.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Bulletin } from '../bulletin/types.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { hashFiles } from '../source-hash.ts';

const PARSER_DIR = path.join(PACKAGE_ROOT, 'src/bulletin');
const CONTENT_CODE_DIR = path.join(PACKAGE_ROOT, 'src/content');
const CACHE_FILE = 'parsed.v8';

interface CacheFile {
  key: string;
  entries: Record<string, { hash: string; bulletin: Bulletin }>;
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
  ) {}

  static async open(dir: string, settingsKey: string): Promise<ParseCache> {
    const key = `${await parserHash()}:${settingsKey}:v8 ${process.versions.v8}`;
    const file = path.join(dir, CACHE_FILE);
    let data: CacheFile = { key, entries: {} };
    try {
      const stored = deserialize(await readFile(file)) as CacheFile;
      if (stored?.key === key) data = stored;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return new ParseCache(file, data);
  }

  get(file: string, hash: string): Bulletin | undefined {
    const entry = this.data.entries[file];
    return entry?.hash === hash ? entry.bulletin : undefined;
  }

  set(file: string, hash: string, bulletin: Bulletin): void {
    this.data.entries[file] = { hash, bulletin };
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
