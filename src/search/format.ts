// The search index's files, declared once: the builder writes exactly this, the browser reads exactly this.
//
// search/
//   index.json            SearchEntry: fetched first (revalidated), everything else is fetched with ?v=stamp
//   grams/<shard>.bin     posting lists (documents, counts) of the grams that hash to <shard>
//   positions/<shard>.bin positions of the same bigrams, fetched only for terms of 3+ characters
//   docs/<chunk>.json     StoredDocument[] for ids chunk*chunkSize …, fetched only for results shown
//   sections.json         SectionRuns: each document's section, fetched only when filtering by section
//   issues.json           IssueRuns: each document's issue, fetched only when filtering by issue
//
// Binary layout (all integers unsigned LEB128 varints, see varint.ts):
//   grams/<s>.bin      count, then per gram in increasing key order: key delta (the first: the key),
//                      docs part length, positions part length; then the docs parts in the same order.
//   positions/<s>.bin  the positions parts, concatenated in the same order (lengths are in grams/<s>.bin).
//   docs part          per document, ids increasing: (gap << 1 | detailed) where gap = id − previous id − 1
//                      (previous starts at −1); when detailed, titleCount and bodyCount follow, otherwise
//                      the gram occurs once, in the body (the common case, one byte for dense lists).
//   positions part     per document of the docs part, its titleCount + bodyCount positions ascending: the
//                      first as is, then differences. A position counts code points of the document's
//                      normalised fields joined by FIELD_SEPARATOR (title first), so title positions come first.
// Unigrams (1-character grams) have no positions part: a 1-character query needs none, and a longer one is
// verified with bigram positions alone.

/** Bumped whenever a file changes in a way an older reader would misread. */
export const FORMAT_VERSION = 1;

export const ENTRY_FILE = 'index.json';
export const SECTIONS_FILE = 'sections.json';
export const ISSUES_FILE = 'issues.json';

export interface SearchEntry {
  version: number;
  /** Hash of every other file's content: appended as ?v= so a browser never mixes files of two builds. */
  stamp: string;
  docCount: number;
  /** A power of two; a gram's postings live in shard gramShard(key, shardCount). */
  shardCount: number;
  /** Documents per docs/<chunk>.json file. */
  chunkSize: number;
  /** [slug, title] in order of first appearance; StoredDocument and SectionRuns refer to them by index. */
  sections: [slug: string, title: string][];
  /** Runs of consecutive ids with the same year: [year, first id, end id (exclusive)]. */
  years: [year: string, first: number, end: number][];
}

/** One document as the results list shows it. */
export type StoredDocument = [
  url: string,
  title: string,
  section: number,
  date: string,
  issueTitle: string,
  paragraphs: readonly string[],
];

/**
 * Each document's section as runs over consecutive ids, flat: section index, count, section index,
 * count… (flat because a run is 5 bytes this way, 9 as a pair: 20 KB instead of 36 at 1,000 issues).
 */
export type SectionRuns = number[];

/** Each document's issue as runs over consecutive ids: [issue date, count]. */
export type IssueRuns = [date: string, count: number][];

export function gramShardPath(shard: number): string {
  return `grams/${shard}.bin`;
}

export function positionShardPath(shard: number): string {
  return `positions/${shard}.bin`;
}

export function docChunkPath(chunk: number): string {
  return `docs/${chunk}.json`;
}

/** The first document of the documents file that document `doc` is in. */
export function chunkStart(doc: number, chunkSize: number): number {
  return Math.floor(doc / chunkSize) * chunkSize;
}

/** Code points are below 0x110000, so (a, b + 1) packs into one number below 2^41, sorting as (a, b). */
const KEY_BASE = 0x110001;

/** The key of a gram: one code point (second = -1) or two. */
export function gramKey(first: number, second: number): number {
  return first * KEY_BASE + second + 1;
}

/** The shard of a gram: a 32-bit mix of its key, so neighbouring characters spread over all shards. */
export function gramShard(key: number, shardCount: number): number {
  const high = Math.floor(key / 0x100000000);
  let hash = Math.imul((key >>> 0) ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) & (shardCount - 1);
}
