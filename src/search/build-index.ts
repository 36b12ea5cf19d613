// Writes a site's search index into <outDir>/search/: in full, or by appending the documents added since the last build.
//
// Document ids follow the order documents arrive in (oldest issue first), so a new issue only appends to
// posting lists. With a cache folder, a build that finds its previous documents unchanged and followed by
// new ones reads only the shards the new documents touch and appends to them; anything unexpected (other
// documents, another layout, the entry file or a shard on disk not the cached build's) falls back to a
// full build. Both ways write the same bytes, and a file is written only when its bytes change.

import { createHash, hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import { hashFiles } from '../source-hash.ts';
import { type DocumentTables, describeDocuments, storedDocuments } from './document-files.ts';
import {
  chunkStart,
  docChunkPath,
  ENTRY_FILE,
  FORMAT_VERSION,
  gramShardPath,
  ISSUES_FILE,
  positionShardPath,
  SECTIONS_FILE,
  type SearchEntry,
} from './format.ts';
import { type IndexFiles, listOwnedFiles, removeStaleFiles, writeChangedFiles } from './index-files.ts';
import { appendToShards, buildShards, type ShardFiles } from './shard-builder.ts';
import { type MergeDirectory, mergeDirectory } from './shard-merge.ts';
import { documentText } from './tokenize.ts';
import type { SearchDocument } from './types.ts';

export interface WriteSearchIndexOptions {
  /** A folder outside the site output where the builder keeps what it needs to append the next issue. */
  cacheDir?: string;
  /** Overrides the layout chosen from the document count; for measurements (see the benchmark). */
  layout?: Partial<IndexLayout>;
  /** indexInputs() of these documents, when the caller has them already (index-thread.ts). */
  inputs?: IndexInputs;
  /** Shard files read ahead of the documents (readAheadForAppend). */
  readAhead?: ReadAhead;
  /**
   * When documents may lack their paragraphs (the index thread is sent only the newest ones' text): makes
   * sure docs[from…] have them, before the plan reads them.
   */
  paragraphsFrom?: (from: number) => Promise<void>;
}

/**
 * Index files read before they were needed: path relative to search/ → bytes and content hash, and for
 * a grams file what a merge into it needs (mergeDirectory).
 */
export type ReadAhead = Map<string, ReadFile>;

interface ReadFile {
  bytes: Uint8Array;
  hash: string;
  directory?: MergeDirectory;
}

export interface IndexLayout {
  /** A power of two. */
  shardCount: number;
  /** Documents per docs/<chunk>.json. */
  chunkSize: number;
}

/** An index computed but not yet written: its stamp is known before anything is on disk. */
export interface PlannedSearchIndex {
  /** The entry's stamp, which every other file is fetched with (?v=). */
  stamp: string;
  shardCount: number;
  /** Documents taken over from the previous build (0: the index was built in full). */
  reused: number;
  /** Writes the files (only those whose bytes change) into outDir/search, and the cache. */
  write(): Promise<WriteSearchIndexResult>;
}

export interface WriteSearchIndexResult {
  /** Files in the index. */
  files: number;
  /** Their total size. */
  bytes: number;
  /** Files actually (re)written by this call. */
  written: number;
  /** Documents taken over from the previous build without being read again (0 for a full build). */
  reused: number;
  /** The entry's stamp. */
  stamp: string;
}

/**
 * The layout for a corpus (measurements and reasons in README.md): about 20 documents per shard, so a
 * shard's posting lists stay near 20 KB, in a power of two that changes only when the corpus doubles
 * (which makes that build a full one); documents in files of 8, so ten results cost at most ten small files.
 */
export function layoutFor(docCount: number): IndexLayout {
  let shardCount = 1;
  while (shardCount < 1024 && shardCount * 20 < docCount) shardCount *= 2;
  return { shardCount, chunkSize: 8 };
}

/** The layout for docCount documents, with the overrides of a measurement; throws when unusable. */
export function resolveLayout(docCount: number, override: Partial<IndexLayout> = {}): IndexLayout {
  const layout = { ...layoutFor(docCount), ...override };
  if (!Number.isInteger(Math.log2(layout.shardCount)) || layout.chunkSize < 1) {
    throw new RangeError(`unusable index layout ${JSON.stringify(layout)}`);
  }
  return layout;
}

const CACHE_FILE = 'search-index.json';
/** Bumped when the builder's output for the same input changes without a format change. */
const CACHE_VERSION = 2;

interface IndexCache {
  cacheVersion: number;
  formatVersion: number;
  layout: IndexLayout;
  /** How many documents the index holds, and the hash of everything it takes from them (IndexInputs). */
  documents: { count: number; hash: string };
  /** Every file of the index (path relative to search/) → [content hash, size]. */
  files: Record<string, [string, number]>;
}

type FileHashes = Map<string, [hash: string, size: number]>;

class StaleIndexError extends Error {}

export async function writeSearchIndex(
  docs: SearchDocument[],
  outDir: string,
  options: WriteSearchIndexOptions = {},
): Promise<WriteSearchIndexResult> {
  return (await planSearchIndex(docs, outDir, options)).write();
}

/**
 * Computes the index for outDir (reading the files there when it can append to them) without writing
 * anything, so that the search page can be rendered with the stamp before the index is written.
 */
export async function planSearchIndex(
  docs: SearchDocument[],
  outDir: string,
  options: WriteSearchIndexOptions = {},
): Promise<PlannedSearchIndex> {
  const searchDir = join(outDir, 'search');
  const layout = resolveLayout(docs.length, options.layout);
  const inputs = options.inputs ?? (await indexInputs(docs, layout));
  const { stamp } = inputs;
  const cache = options.cacheDir ? await readCache(options.cacheDir) : null;

  let build: { files: IndexFiles; read?: IndexFiles; reused: number } | null = null;
  const reusable = cache ? await reusableDocuments(cache, inputs, layout, searchDir) : 0;
  if (cache && reusable > 0) {
    try {
      await options.paragraphsFrom?.(chunkStart(reusable, layout.chunkSize));
      const appended = await appendedFiles(docs, reusable, cache, searchDir, options.readAhead);
      build = { ...appended, reused: reusable };
    } catch (error) {
      if (!(error instanceof StaleIndexError)) throw error;
    }
  }
  if (!build) {
    await options.paragraphsFrom?.(0);
    build = { files: fullFiles(docs, layout), reused: 0 };
  }
  // The documents files from the first one that changes (the one the first new document is in).
  const tables = describeDocuments(docs);
  addDocumentFiles(build.files, docs, tables, layout.chunkSize, Math.floor(build.reused / layout.chunkSize));

  // Hashes of every file: the unchanged ones from the cache, the others from their bytes.
  const hashes: FileHashes = new Map();
  if (build.reused > 0 && cache) {
    for (const [path, known] of Object.entries(cache.files))
      if (!build.files.has(path)) hashes.set(path, known);
  }
  for (const [path, bytes] of build.files) hashes.set(path, [contentHash(bytes), bytes.length]);
  const entry = entryFile(docs, tables, layout, stamp);
  build.files.set(ENTRY_FILE, entry);
  hashes.set(ENTRY_FILE, [contentHash(entry), entry.length]);

  const planned = build;
  // What write() needs, taken out: it keeps nothing else alive (the documents, the files read ahead).
  const { cacheDir } = options;
  const documents = { count: docs.length, hash: inputs.prefixHash(docs.length) };
  return {
    stamp,
    shardCount: layout.shardCount,
    reused: planned.reused,
    write: async () => {
      const written = writeChangedFiles(searchDir, planned.files, planned.read);
      if (planned.reused === 0) removeStaleFiles(searchDir, new Set(hashes.keys()));
      if (cacheDir) await writeCache(cacheDir, { layout, documents, hashes });
      let bytes = 0;
      for (const [, size] of hashes.values()) bytes += size;
      return { files: hashes.size, bytes, written, reused: planned.reused, stamp };
    },
  };
}

/** Every shard file. */
function fullFiles(docs: readonly SearchDocument[], layout: IndexLayout): IndexFiles {
  const files: IndexFiles = new Map();
  const shards = buildShards(docs.map(documentText), layout.shardCount);
  for (const [index, shard] of shards.entries()) addShard(files, index, shard);
  return files;
}

/**
 * The shard files that change when docs[reused…] are appended to the index of docs[0…reused), and
 * those read. Throws StaleIndexError when a shard on disk is not what the cache says.
 */
async function appendedFiles(
  docs: readonly SearchDocument[],
  reused: number,
  cache: IndexCache,
  searchDir: string,
  readAhead: ReadAhead = new Map(),
): Promise<{ files: IndexFiles; read: IndexFiles }> {
  const files: IndexFiles = new Map();
  const read: IndexFiles = new Map();
  const readVerified = async (path: string): Promise<ReadFile> => {
    const file = readAhead.get(path) ?? (await readHashed(join(searchDir, path)));
    if (file === null || file.hash !== cache.files[path]?.[0]) throw new StaleIndexError(path);
    read.set(path, file.bytes);
    return file;
  };
  const readShard = async (shard: number): Promise<ShardFiles> => {
    const [grams, positions] = await Promise.all([
      readVerified(gramShardPath(shard)),
      readVerified(positionShardPath(shard)),
    ]);
    return { grams: grams.bytes, positions: positions.bytes, directory: grams.directory };
  };
  const texts = docs.slice(reused).map(documentText);
  const changed = await appendToShards(readShard, texts, reused, cache.layout.shardCount);
  for (const [index, shard] of changed) addShard(files, index, shard);
  return { files, read };
}

/**
 * Reads and hashes, before the documents are known, the shard files an append to outDir's index reads:
 * every shard its cache lists, since a new issue touches nearly all of them. `add` starts this while it
 * loads the content folder; planSearchIndex then uses the files whose hash is still the cache's.
 */
export async function readAheadForAppend(outDir: string, cacheDir: string): Promise<ReadAhead> {
  const readAhead: ReadAhead = new Map();
  const cache = await readCache(cacheDir);
  if (!cache) return readAhead;
  const searchDir = join(outDir, 'search');
  const shardFiles = Object.keys(cache.files).filter(
    (path) => path.startsWith('grams/') || path.startsWith('positions/'),
  );
  for (const [i, path] of shardFiles.entries()) {
    // Now and then the thread takes its messages: given the documents, it says the stamp at once.
    if (i % 64 === 63) await new Promise((resolve) => setImmediate(resolve));
    // Read one by one, synchronously, which leaves the process's four I/O threads to the main thread,
    // loading the content folder meanwhile (asynchronous reads here gained a third as much).
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(searchDir, path));
    } catch {
      continue;
    }
    const file: ReadFile = hashed(bytes);
    if (path.startsWith('grams/')) {
      try {
        file.directory = mergeDirectory(file.bytes);
      } catch {
        // Not a shard: the plan finds its hash is not the cache's, and builds in full.
      }
    }
    readAhead.set(path, file);
  }
  return readAhead;
}

async function readHashed(file: string): Promise<ReadFile | null> {
  const bytes = await readFile(file).catch(() => null);
  return bytes === null ? null : hashed(bytes);
}

/** A file's bytes (as a plain Uint8Array view) with its content hash, as ReadAhead holds them. */
function hashed(buffer: Buffer): ReadFile {
  return {
    bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length),
    hash: contentHash(buffer),
  };
}

function addShard(files: IndexFiles, index: number, shard: ShardFiles): void {
  files.set(gramShardPath(index), shard.grams);
  files.set(positionShardPath(index), shard.positions);
}

/** The sections and issues files, and the docs chunks from firstChunk on. */
function addDocumentFiles(
  files: IndexFiles,
  docs: readonly SearchDocument[],
  tables: DocumentTables,
  chunkSize: number,
  firstChunk: number,
) {
  for (let chunk = firstChunk; chunk * chunkSize < docs.length; chunk++) {
    files.set(docChunkPath(chunk), json(storedDocuments(docs, tables.sectionOf, chunk, chunkSize)));
  }
  files.set(SECTIONS_FILE, json(tables.sectionRuns));
  files.set(ISSUES_FILE, json(tables.issueRuns));
}

function entryFile(
  docs: readonly SearchDocument[],
  { sections, years }: DocumentTables,
  layout: IndexLayout,
  stamp: string,
): Uint8Array {
  const entry: SearchEntry = {
    version: FORMAT_VERSION,
    stamp,
    docCount: docs.length,
    shardCount: layout.shardCount,
    chunkSize: layout.chunkSize,
    sections,
    years,
  };
  return json(entry);
}

/**
 * How many leading documents the cached build already indexed unchanged, when the files on disk are that
 * build's (the entry file's hash, every file present); 0 means build in full.
 */
async function reusableDocuments(
  cache: IndexCache,
  inputs: IndexInputs,
  layout: IndexLayout,
  searchDir: string,
): Promise<number> {
  const previous = cache.documents;
  if (cache.layout.shardCount !== layout.shardCount || cache.layout.chunkSize !== layout.chunkSize) return 0;
  if (previous.count === 0 || previous.count > inputs.count) return 0;
  if (inputs.prefixHash(previous.count) !== previous.hash) return 0;
  const entry = await readFile(join(searchDir, ENTRY_FILE)).catch(() => null);
  if (entry === null || contentHash(entry) !== cache.files[ENTRY_FILE]?.[0]) return 0;
  const onDisk = listOwnedFiles(searchDir);
  const expected = Object.keys(cache.files).filter((path) => path.includes('/'));
  if (onDisk.size !== expected.length || !expected.every((path) => onDisk.has(path))) return 0;
  return previous.count;
}

async function readCache(cacheDir: string): Promise<IndexCache | null> {
  const text = await readFile(join(cacheDir, CACHE_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const cache = JSON.parse(text) as IndexCache;
    return cache.cacheVersion === CACHE_VERSION && cache.formatVersion === FORMAT_VERSION ? cache : null;
  } catch {
    return null;
  }
}

async function writeCache(
  cacheDir: string,
  {
    layout,
    documents,
    hashes,
  }: { layout: IndexLayout; documents: IndexCache['documents']; hashes: FileHashes },
): Promise<void> {
  const cache: IndexCache = {
    cacheVersion: CACHE_VERSION,
    formatVersion: FORMAT_VERSION,
    layout,
    documents,
    files: Object.fromEntries([...hashes].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  await mkdir(cacheDir, { recursive: true });
  await writeFile(join(cacheDir, CACHE_FILE), JSON.stringify(cache));
}

/**
 * The ?v= every file but the entry is fetched with, which keeps a browser or a CDN from mixing two
 * builds' files. Made from what the index is made of (the documents' identities, the layout, the
 * builder's own source, and the Unicode version of Node, whose NFKC and character classes the tokenizer
 * uses) rather than from the files written, so it is known before the index is built: the search page,
 * which carries it, is rendered while the index is built in another thread. Equal inputs give equal
 * files, so equal stamps never name different bytes.
 */
export async function indexStamp(docs: readonly SearchDocument[], layout: IndexLayout): Promise<string> {
  return (await indexInputs(docs, layout)).stamp;
}

/** What an index is made of, computed once: the documents' identities, and the stamp made of them. */
export interface IndexInputs {
  count: number;
  /**
   * The hash of the first n documents' identities (everything the index takes from each): the cache
   * keeps it for the documents it holds, and a build whose documents begin with the same identities
   * appends to that index. One hash of the whole prefix, not one per document: 21,000 hashes were a
   * tenth of `add`'s time in the index thread.
   */
  prefixHash(n: number): string;
  stamp: string;
}

export async function indexInputs(
  docs: readonly SearchDocument[],
  layout: IndexLayout,
): Promise<IndexInputs> {
  const identities = docs.map(documentIdentity);
  // One string, hashed at once or by its beginning: an update call per document cost as much as
  // making the identities.
  const joined = identities.join('');
  const all = hash('sha1', joined, 'base64url');
  const prefixHash = (n: number) => {
    if (n === identities.length) return all;
    let length = 0;
    for (let i = 0; i < n; i++) length += (identities[i] as string).length;
    return hash('sha1', joined.slice(0, length), 'base64url');
  };
  return { count: docs.length, prefixHash, stamp: await stampFor(all, layout) };
}

async function stampFor(documentsHash: string, layout: IndexLayout): Promise<string> {
  const digest = createHash('sha1').update(
    `jianbao-search ${FORMAT_VERSION} ${CACHE_VERSION} unicode ${process.versions.unicode}\n`,
  );
  digest.update(await builderSourceHash()).update(`${layout.shardCount} ${layout.chunkSize}\n`);
  digest.update(documentsHash);
  return digest.digest('hex').slice(0, 16);
}

let builderSource: Promise<string> | undefined;

/** The index builder's code (src/search/*.ts): a change to it may change the files for the same input. */
export function builderSourceHash(): Promise<string> {
  builderSource ??= hashFiles([join(PACKAGE_ROOT, 'src', 'search')], (file) => file.endsWith('.ts'));
  return builderSource;
}

/**
 * Everything the index takes from a document, as text: each field after its length, so that fields and
 * documents never run together (JSON.stringify did the same at three times the cost).
 */
function documentIdentity(doc: SearchDocument): string {
  const text = doc.textKey === undefined ? `p${JSON.stringify(doc.paragraphs)}` : `k${doc.textKey}`;
  const field = (value: string) => `${value.length}:${value}`;
  return (
    field(doc.url) +
    field(doc.title) +
    field(text) +
    field(doc.sectionSlug) +
    field(doc.sectionTitle) +
    field(doc.date) +
    field(doc.issueTitle)
  );
}

function contentHash(bytes: Uint8Array): string {
  return hash('sha1', bytes, 'base64url').slice(0, 20);
}

const encoder = new TextEncoder();

function json(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}
