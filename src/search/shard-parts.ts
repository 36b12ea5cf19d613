// Encodes a batch's gram records as per-shard parts: each gram's lists for the batch's documents only.
//
// Groups (one per gram) are listed with their shard and encoded in key order, the order of the records,
// into one buffer; a part only says where its shard's lists are. Encoding in shard order instead, or
// copying each shard's lists together first, made this step three to ten times slower.

import { gramKey, gramShard } from './format.ts';
import type { GramRecords } from './gram-records.ts';
import { writeDocEntry } from './postings.ts';
import type { ListRanges } from './shard.ts';
import { writeVarintAt } from './varint.ts';

/**
 * One shard's grams for a batch, in key order: entry i is group groups[i] of the batch's encoded lists.
 * Each list's first gap counts from document −1 (the merge re-counts it from the list it is appended to).
 */
export interface ShardPart {
  keys: Float64Array;
  docs: ListRanges;
  positions: ListRanges;
  /** Last document of each list. */
  lastDocs: Int32Array;
}

/** The parts of the shards the batch touches, by shard number. */
export function encodeShardParts(records: GramRecords, shardCount: number): Map<number, ShardPart> {
  const groups = listGroups(records, shardCount);
  const encoded = encodeGroups(records, groups);
  const count = groups.keys.length;

  // Group indexes ordered by shard, key order kept within a shard; each shard's per-entry arrays are
  // slices of arrays in that order. The lists themselves stay where they are until the file is written.
  const shardStart = new Int32Array(shardCount + 1);
  for (let g = 0; g < count; g++) (shardStart[(groups.shards[g] as number) + 1] as number)++;
  for (let s = 0; s < shardCount; s++)
    shardStart[s + 1] = (shardStart[s + 1] as number) + (shardStart[s] as number);
  const cursor = shardStart.slice(0, shardCount);
  const keys = new Float64Array(count);
  const docsStarts = new Int32Array(count);
  const docsEnds = new Int32Array(count);
  const positionsStarts = new Int32Array(count);
  const positionsEnds = new Int32Array(count);
  const lastDocs = new Int32Array(count);
  const { codePoints, radix } = records;
  for (let g = 0; g < count; g++) {
    const k = (cursor[groups.shards[g] as number] as number)++;
    const rankKey = groups.keys[g] as number;
    const second = rankKey % radix;
    keys[k] = gramKey(
      codePoints[Math.floor(rankKey / radix)] as number,
      second === 0 ? -1 : (codePoints[second - 1] as number),
    );
    docsStarts[k] = encoded.docsStart[g] as number;
    docsEnds[k] = encoded.docsStart[g + 1] as number;
    positionsStarts[k] = encoded.positionsStart[g] as number;
    positionsEnds[k] = encoded.positionsStart[g + 1] as number;
    lastDocs[k] = encoded.lastDocs[g] as number;
  }
  const parts = new Map<number, ShardPart>();
  for (let s = 0; s < shardCount; s++) {
    const from = shardStart[s] as number;
    const to = shardStart[s + 1] as number;
    if (from === to) continue;
    parts.set(s, {
      keys: keys.subarray(from, to),
      docs: { bytes: encoded.docs, starts: docsStarts.subarray(from, to), ends: docsEnds.subarray(from, to) },
      positions: {
        bytes: encoded.positions,
        starts: positionsStarts.subarray(from, to),
        ends: positionsEnds.subarray(from, to),
      },
      lastDocs: lastDocs.subarray(from, to),
    });
  }
  return parts;
}

/** Every group's lists, in key order, in one buffer each for docs and positions: group g's are [start[g], start[g + 1]). */
function encodeGroups(records: GramRecords, groups: ReturnType<typeof listGroups>) {
  const { titleLengths, firstDoc, unigramDocs, unigramTitleCounts, unigramBodyCounts } = records;
  const { bigramDocs, bigramPositions } = records;
  const count = groups.keys.length;
  // Worst cases: a docs entry is 3 varints of 5 bytes, a position 5 bytes; usually 1-2 bytes each.
  let docs: Uint8Array = new Uint8Array(2 * (unigramDocs.length + bigramDocs.length) + 1024);
  let positions: Uint8Array = new Uint8Array(2 * bigramPositions.length + 1024);
  const docsStart = new Int32Array(count + 1);
  const positionsStart = new Int32Array(count + 1);
  const lastDocs = new Int32Array(count);
  let d = 0;
  let p = 0;
  for (let g = 0; g < count; g++) {
    const start = groups.starts[g] as number;
    const end = groups.ends[g] as number;
    if (d + 15 * (end - start) > docs.length) docs = grow(docs, d + 15 * (end - start));
    if (p + 5 * (end - start) > positions.length) positions = grow(positions, p + 5 * (end - start));
    let previousDoc = -1;
    if (groups.isUnigram[g] === 1) {
      for (let r = start; r < end; r++) {
        const doc = unigramDocs[r] as number;
        d = writeDocEntry(
          docs,
          d,
          doc - previousDoc - 1,
          unigramTitleCounts[r] as number,
          unigramBodyCounts[r] as number,
        );
        previousDoc = doc;
      }
    } else {
      for (let r = start; r < end; ) {
        const doc = bigramDocs[r] as number;
        const titleLength = titleLengths[doc - firstDoc] as number;
        let next = r;
        let titleCount = 0;
        let previousPosition = 0;
        for (; next < end && bigramDocs[next] === doc; next++) {
          const position = bigramPositions[next] as number;
          if (position < titleLength) titleCount++;
          p = writeVarintAt(positions, p, position - previousPosition);
          previousPosition = position;
        }
        d = writeDocEntry(docs, d, doc - previousDoc - 1, titleCount, next - r - titleCount);
        previousDoc = doc;
        r = next;
      }
    }
    lastDocs[g] = previousDoc;
    docsStart[g + 1] = d;
    positionsStart[g + 1] = p;
  }
  return {
    docs: docs.subarray(0, d),
    positions: positions.subarray(0, p),
    docsStart,
    positionsStart,
    lastDocs,
  };
}

function grow(bytes: Uint8Array, needed: number): Uint8Array {
  const larger = new Uint8Array(Math.max(bytes.length * 2, needed));
  larger.set(bytes);
  return larger;
}

/** One group per gram, in key order: its record range, whether a unigram, its rank key and its shard. */
function listGroups(records: GramRecords, shardCount: number) {
  const { codePoints, radix, unigramStart, bigramKeys } = records;
  let bigramGroups = 0;
  for (let b = 0; b < bigramKeys.length; b++)
    if (b === 0 || bigramKeys[b] !== bigramKeys[b - 1]) bigramGroups++;
  let unigramGroups = 0;
  for (let rank = 0; rank < codePoints.length; rank++) {
    if ((unigramStart[rank + 1] as number) > (unigramStart[rank] as number)) unigramGroups++;
  }
  const count = unigramGroups + bigramGroups;
  const keys = new Float64Array(count);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const isUnigram = new Uint8Array(count);
  const shards = new Int32Array(count);
  let g = 0;
  let b = 0;
  // Unigram keys (rank × radix) come just before the bigrams starting with the same character.
  for (let rank = 0; rank <= codePoints.length; rank++) {
    const unigramKey = rank * radix;
    for (; b < bigramKeys.length && (bigramKeys[b] as number) < unigramKey; g++) {
      const bigramKey = bigramKeys[b] as number;
      starts[g] = b;
      while (b < bigramKeys.length && bigramKeys[b] === bigramKey) b++;
      ends[g] = b;
      keys[g] = bigramKey;
      const first = codePoints[Math.floor(bigramKey / radix)] as number;
      shards[g] = gramShard(gramKey(first, codePoints[(bigramKey % radix) - 1] as number), shardCount);
    }
    if (rank === codePoints.length || unigramStart[rank + 1] === unigramStart[rank]) continue;
    starts[g] = unigramStart[rank] as number;
    ends[g] = unigramStart[rank + 1] as number;
    isUnigram[g] = 1;
    keys[g] = unigramKey;
    shards[g++] = gramShard(gramKey(codePoints[rank] as number, -1), shardCount);
  }
  return { keys, starts, ends, isUnigram, shards };
}
