// Answers queries from the index files through a loader: fetch in the browser, the file system in tests.
//
// A term of one or two characters is one gram's posting list. A longer term is verified exactly: it
// occurs at s when each bigram of a cover (offsets 0, 2, 4 … and length − 2) occurs at s + offset, which
// the positions lists tell; so results are exactly the documents whose text contains every term.

import {
  docChunkPath,
  ENTRY_FILE,
  FORMAT_VERSION,
  gramKey,
  gramShard,
  gramShardPath,
  ISSUES_FILE,
  type IssueRuns,
  positionShardPath,
  SECTIONS_FILE,
  type SearchEntry,
  type SectionRuns,
  type StoredDocument,
} from './format.ts';
import { type DocPostings, decodeDocPostings, decodePositions, positionOffsets } from './postings.ts';
import { findGram, readShardDirectory, type ShardDirectory } from './shard.ts';
import { codePoints, queryTerms } from './tokenize.ts';

/**
 * Reads one index file, by path relative to search/. version is the entry's stamp (null for the entry
 * itself): a browser loader adds it to the URL so files of two builds are never mixed.
 */
export type LoadSearchFile = (path: string, version: string | null) => Promise<Uint8Array>;

export interface SearchFilters {
  /** A section slug. */
  section?: string;
  /** Four digits. */
  year?: string;
  /** An issue's date, YYYY-MM-DD. */
  issue?: string;
}

export interface SearchHit {
  doc: number;
  /** How many of the query's terms occur in the title: ranks first. */
  titleTerms: number;
  /** Relevance: sum over terms of idf × (1 + ln occurrences). */
  score: number;
}

export interface SearchResults {
  terms: string[];
  /** Ranked: titleTerms, then score, then newest (highest id) first. */
  hits: SearchHit[];
}

export interface ResultDocument {
  id: number;
  url: string;
  title: string;
  sectionSlug: string;
  sectionTitle: string;
  date: string;
  issueTitle: string;
  paragraphs: readonly string[];
}

/** The documents a term occurs in, ascending, with whether it is in the title and how often it occurs. */
interface TermMatches {
  docs: Int32Array;
  inTitle: Uint8Array;
  counts: Int32Array;
}

interface GramData {
  postings: DocPostings;
  /** Bigrams needed for verification only. */
  positions?: Int32Array;
  offsets?: Int32Array;
}

const decoder = new TextDecoder();

export class SearchIndex {
  private readonly shards = new Map<number, Promise<{ bytes: Uint8Array; directory: ShardDirectory }>>();
  private readonly positionFiles = new Map<number, Promise<Uint8Array>>();
  private readonly chunks = new Map<number, Promise<StoredDocument[]>>();
  private readonly tables = new Map<string, Promise<unknown>>();

  private constructor(
    private readonly load: LoadSearchFile,
    readonly entry: SearchEntry,
  ) {}

  static async open(load: LoadSearchFile): Promise<SearchIndex> {
    const entry = JSON.parse(decoder.decode(await load(ENTRY_FILE, null))) as SearchEntry;
    return new SearchIndex(load, entry);
  }

  /** True when the index was written in another format version than this code reads: warn, then try. */
  get versionMismatch(): boolean {
    return this.entry.version !== FORMAT_VERSION;
  }

  async search(query: string, filters: SearchFilters = {}): Promise<SearchResults> {
    const terms = queryTerms(query);
    if (terms.length === 0) return { terms, hits: [] };
    const [matches, accept] = await Promise.all([
      Promise.all(terms.map((term) => this.termMatches(term))),
      this.filter(filters),
    ]);
    return { terms, hits: this.rank(matches, accept) };
  }

  /** The stored documents of some results, in the order asked. */
  async documents(ids: readonly number[]): Promise<ResultDocument[]> {
    const size = this.entry.chunkSize;
    const chunks = await Promise.all(ids.map((id) => this.chunk(Math.floor(id / size))));
    return ids.map((id, i) => {
      const stored = chunks[i]?.[id % size];
      if (!stored) throw new RangeError(`document ${id} is not in the index`);
      const [url, title, section, date, issueTitle, paragraphs] = stored;
      const [sectionSlug, sectionTitle] = this.entry.sections[section] ?? ['', ''];
      return { id, url, title, sectionSlug, sectionTitle, date, issueTitle, paragraphs };
    });
  }

  private rank(matches: readonly TermMatches[], accept: ((doc: number) => boolean) | null): SearchHit[] {
    // Walk the rarest term's documents and look the others up.
    const smallest = matches.reduce((best, m) => (m.docs.length < best.docs.length ? m : best));
    const weights = matches.map((m) => Math.log(1 + this.entry.docCount / Math.max(1, m.docs.length)));
    const cursors = matches.map(() => 0);
    const hits: SearchHit[] = [];
    for (const doc of smallest.docs) {
      if (accept && !accept(doc)) continue;
      let titleTerms = 0;
      let score = 0;
      let everyTerm = true;
      for (let t = 0; t < matches.length && everyTerm; t++) {
        const m = matches[t] as TermMatches;
        let c = cursors[t] as number;
        while (c < m.docs.length && (m.docs[c] as number) < doc) c++;
        cursors[t] = c;
        if (m.docs[c] !== doc) {
          everyTerm = false;
        } else {
          titleTerms += m.inTitle[c] as number;
          score += (weights[t] as number) * (1 + Math.log(m.counts[c] as number));
        }
      }
      if (everyTerm) hits.push({ doc, titleTerms, score });
    }
    return hits.sort((a, b) => b.titleTerms - a.titleTerms || b.score - a.score || b.doc - a.doc);
  }

  private async termMatches(term: string): Promise<TermMatches> {
    const cps = codePoints(term);
    if (cps.length <= 2) {
      const gram = await this.gram(shortTermKey(cps), false);
      if (gram === null)
        return { docs: new Int32Array(0), inTitle: new Uint8Array(0), counts: new Int32Array(0) };
      const { ids, titleCounts, bodyCounts } = gram.postings;
      const inTitle = new Uint8Array(ids.length);
      const counts = new Int32Array(ids.length);
      for (let k = 0; k < ids.length; k++) {
        inTitle[k] = (titleCounts[k] as number) > 0 ? 1 : 0;
        counts[k] = (titleCounts[k] as number) + (bodyCounts[k] as number);
      }
      return { docs: ids, inTitle, counts };
    }
    const cover = coverOffsets(cps.length);
    const grams = await Promise.all(
      cover.map((offset) => this.gram(gramKey(cps[offset] as number, cps[offset + 1] as number), true)),
    );
    return verifyCover(cover, grams);
  }

  /** A gram's decoded lists (with positions when asked), or null when no document has it. */
  private async gram(key: number, withPositions: boolean): Promise<GramData | null> {
    const shard = gramShard(key, this.entry.shardCount);
    // Both files' names are known now: fetch them together rather than one after the other.
    const positionFile = withPositions ? this.positionFile(shard) : null;
    const { bytes, directory } = await this.shard(shard);
    const index = findGram(directory, key);
    if (index < 0) return null;
    const postings = decodeDocPostings(
      bytes,
      directory.docsStart[index] as number,
      directory.docsEnd[index] as number,
    );
    if (!positionFile) return { postings };
    const positions = decodePositions(
      await positionFile,
      directory.positionsStart[index] as number,
      directory.positionsEnd[index] as number,
      postings,
    );
    return { postings, positions, offsets: positionOffsets(postings) };
  }

  private shard(shard: number): Promise<{ bytes: Uint8Array; directory: ShardDirectory }> {
    let loaded = this.shards.get(shard);
    if (!loaded) {
      loaded = this.load(gramShardPath(shard), this.entry.stamp).then((bytes) => ({
        bytes,
        directory: readShardDirectory(bytes),
      }));
      this.shards.set(shard, loaded);
      loaded.catch(() => this.shards.delete(shard));
    }
    return loaded;
  }

  private positionFile(shard: number): Promise<Uint8Array> {
    let loaded = this.positionFiles.get(shard);
    if (!loaded) {
      loaded = this.load(positionShardPath(shard), this.entry.stamp);
      this.positionFiles.set(shard, loaded);
      loaded.catch(() => this.positionFiles.delete(shard));
    }
    return loaded;
  }

  private chunk(chunk: number): Promise<StoredDocument[]> {
    let loaded = this.chunks.get(chunk);
    if (!loaded) {
      loaded = this.loadJson<StoredDocument[]>(docChunkPath(chunk));
      this.chunks.set(chunk, loaded);
      loaded.catch(() => this.chunks.delete(chunk));
    }
    return loaded;
  }

  private async loadJson<T>(path: string): Promise<T> {
    return JSON.parse(decoder.decode(await this.load(path, this.entry.stamp))) as T;
  }

  /** A JSON file loaded once (and again after a failure). */
  private table<T>(path: string): Promise<T> {
    let loaded = this.tables.get(path);
    if (!loaded) {
      loaded = this.loadJson<T>(path);
      this.tables.set(path, loaded);
      loaded.catch(() => this.tables.delete(path));
    }
    return loaded as Promise<T>;
  }

  /** A test for documents that pass the filters, or null when there are none. */
  private async filter(filters: SearchFilters): Promise<((doc: number) => boolean) | null> {
    const tests: ((doc: number) => boolean)[] = [];
    if (filters.year) {
      const ranges = this.entry.years.filter(([year]) => year === filters.year);
      tests.push((doc) => ranges.some(([, first, end]) => doc >= first && doc < end));
    }
    if (filters.section) {
      const runs = await this.table<SectionRuns>(SECTIONS_FILE);
      const wanted = this.entry.sections.findIndex(([slug]) => slug === filters.section);
      const inSection = new Uint8Array(this.entry.docCount);
      for (let r = 0, doc = 0; r + 1 < runs.length; r += 2) {
        const count = runs[r + 1] as number;
        if (runs[r] === wanted) inSection.fill(1, doc, doc + count);
        doc += count;
      }
      tests.push((doc) => inSection[doc] === 1);
    }
    if (filters.issue) {
      const runs = await this.table<IssueRuns>(ISSUES_FILE);
      const ranges: [number, number][] = [];
      let doc = 0;
      for (const [date, count] of runs) {
        if (date === filters.issue) ranges.push([doc, doc + count]);
        doc += count;
      }
      tests.push((id) => ranges.some(([first, end]) => id >= first && id < end));
    }
    return tests.length === 0 ? null : (doc) => tests.every((test) => test(doc));
  }
}

/** The gram of a term of one or two code points: the term itself. */
function shortTermKey(cps: readonly number[]): number {
  return gramKey(cps[0] as number, cps.length === 2 ? (cps[1] as number) : -1);
}

/** Where the bigrams covering a term of 3+ code points start: 0, 2, 4 … and length − 2. */
function coverOffsets(length: number): number[] {
  const cover: number[] = [];
  for (let offset = 0; offset + 2 <= length; offset += 2) cover.push(offset);
  if ((cover[cover.length - 1] as number) + 2 < length) cover.push(length - 2);
  return cover;
}

/**
 * The index files a query reads (posting lists; positions for terms of 3+ characters), known from the
 * query and the shard count alone: a page that knows its index's shard count can fetch them while the
 * entry file is still on its way.
 */
export function queryFiles(query: string, shardCount: number): string[] {
  const files = new Set<string>();
  for (const term of queryTerms(query)) {
    const cps = codePoints(term);
    if (cps.length <= 2) {
      files.add(gramShardPath(gramShard(shortTermKey(cps), shardCount)));
      continue;
    }
    for (const offset of coverOffsets(cps.length)) {
      const shard = gramShard(gramKey(cps[offset] as number, cps[offset + 1] as number), shardCount);
      files.add(gramShardPath(shard));
      files.add(positionShardPath(shard));
    }
  }
  return [...files];
}

/**
 * The documents where cover bigram k occurs at s + cover[k] for some s and every k: exactly where the
 * term occurs, since the cover's bigrams overlap or touch. A start is in the title when the first
 * bigram's occurrence there is one of its title occurrences (they come first).
 */
function verifyCover(cover: readonly number[], grams: readonly (GramData | null)[]): TermMatches {
  const empty = { docs: new Int32Array(0), inTitle: new Uint8Array(0), counts: new Int32Array(0) };
  if (grams.some((gram) => gram === null)) return empty;
  const lists = grams as GramData[];
  const first = lists[0] as GramData;
  const docs: number[] = [];
  const inTitle: number[] = [];
  const counts: number[] = [];
  const cursors = lists.map(() => 0);
  let starts: number[] = [];
  for (let k0 = 0; k0 < first.postings.ids.length; k0++) {
    const doc = first.postings.ids[k0] as number;
    // Which document entry of each other bigram is this document's (lists are ascending).
    const entries: number[] = [k0];
    for (let g = 1; g < lists.length; g++) {
      const ids = (lists[g] as GramData).postings.ids;
      let c = cursors[g] as number;
      while (c < ids.length && (ids[c] as number) < doc) c++;
      cursors[g] = c;
      if (ids[c] !== doc) break;
      entries.push(c);
    }
    if (entries.length < lists.length) continue;
    const firstOffsets = first.offsets as Int32Array;
    const firstPositions = first.positions as Int32Array;
    starts = [];
    for (let p = firstOffsets[k0] as number; p < (firstOffsets[k0 + 1] as number); p++) {
      starts.push(firstPositions[p] as number);
    }
    for (let g = 1; g < lists.length && starts.length > 0; g++) {
      const gram = lists[g] as GramData;
      const entry = entries[g] as number;
      const positions = gram.positions as Int32Array;
      const offsets = gram.offsets as Int32Array;
      const shift = cover[g] as number;
      const kept: number[] = [];
      let p = offsets[entry] as number;
      const end = offsets[entry + 1] as number;
      for (const start of starts) {
        while (p < end && (positions[p] as number) < start + shift) p++;
        if (p < end && positions[p] === start + shift) kept.push(start);
      }
      starts = kept;
    }
    if (starts.length === 0) continue;
    const titleCount = first.postings.titleCounts[k0] as number;
    const lastTitlePosition =
      titleCount > 0 ? (firstPositions[(firstOffsets[k0] as number) + titleCount - 1] as number) : -1;
    docs.push(doc);
    inTitle.push((starts[0] as number) <= lastTitlePosition ? 1 : 0);
    counts.push(starts.length);
  }
  return { docs: Int32Array.from(docs), inTitle: Uint8Array.from(inTitle), counts: Int32Array.from(counts) };
}
