// Appends a part (a batch's lists) to a shard: the one way shard files are written, full build or not.
//
// Lists only grow at the end, so the merge copies the shard's bytes in blocks between the grams the part
// touches; for a gram in both, the part's first gap, counted from document −1, is re-counted from the
// shard list's last document. Positions never depend on other documents and are copied as they are.

import { lastDocId } from './postings.ts';
import { encodeShard, readShardDirectory, type ShardDirectory } from './shard.ts';
import type { ShardPart } from './shard-parts.ts';
import { ByteReader, ByteWriter } from './varint.ts';

export interface ShardFiles {
  grams: Uint8Array;
  positions: Uint8Array;
  /** mergeDirectory(grams), when it was read ahead of the merge. */
  directory?: MergeDirectory;
}

/** Where each gram's lists are in a shard, and the last document of each docs list. */
export interface MergeDirectory extends ShardDirectory {
  lastDocs: Int32Array;
}

/**
 * What a merge needs to know of a shard, found ahead of it (the index thread reads the shards while
 * `add` loads the content folder): finding the last documents reads every list of the grams a new issue
 * touches, a fifth of an append's time.
 */
export function mergeDirectory(grams: Uint8Array): MergeDirectory {
  const directory = readShardDirectory(grams);
  return { ...directory, lastDocs: lastDocIds(grams, directory) };
}

const NO_LISTS = { bytes: new Uint8Array(0), starts: [], ends: [] };
export const EMPTY_SHARD: ShardFiles = encodeShard([], NO_LISTS, NO_LISTS);

/**
 * The last document of each docs list, in one pass over the lists (back to back after the header, in
 * directory order) rather than lastDocId list by list, which was four times slower. Throws on a list
 * that does not end where the directory says.
 */
function lastDocIds(grams: Uint8Array, directory: ShardDirectory): Int32Array {
  const { docsStart, docsEnd } = directory;
  const count = docsEnd.length;
  const lastDocs = new Int32Array(count);
  let at = count === 0 ? 0 : (docsStart[0] as number);
  for (let i = 0; i < count; i++) {
    const end = docsEnd[i] as number;
    let doc = -1;
    while (at < end) {
      let byte = grams[at++] as number;
      let head = byte & 0x7f;
      for (let scale = 128; byte >= 0x80; scale *= 128) {
        byte = grams[at++] as number;
        head += (byte & 0x7f) * scale;
      }
      doc += 1 + Math.floor(head / 2);
      if (head % 2 === 1) {
        // The title and body counts: two varints, skipped.
        for (let skipped = 0; skipped < 2 && at < end; ) if ((grams[at++] as number) < 0x80) skipped++;
      }
    }
    if (at !== end) throw new RangeError('a docs list runs past its end');
    lastDocs[i] = doc;
  }
  return lastDocs;
}

export function appendPart(shard: ShardFiles, part: ShardPart): ShardFiles {
  if (shard === EMPTY_SHARD) return encodeShard(part.keys, part.docs, part.positions);
  const old = shard.directory ?? readShardDirectory(shard.grams);
  const oldCount = old.keys.length;
  const capacity = oldCount + part.keys.length;
  const keys = new Float64Array(capacity);
  // Offsets of the merged lists, which lie back to back: list k is [offsets[k], offsets[k + 1]).
  const docsOffsets = new Int32Array(capacity + 1);
  const positionsOffsets = new Int32Array(capacity + 1);
  let count = 0;
  const docs = new ByteWriter(shard.grams.length + part.docs.bytes.length + 16);
  const positions = new ByteWriter(shard.positions.length + part.positions.bytes.length + 16);
  const endEntry = (key: number): void => {
    keys[count++] = key;
    docsOffsets[count] = docs.length;
    positionsOffsets[count] = positions.length;
  };
  // Old grams not yet copied: [blockStart, i); their lists are contiguous, so one copy each.
  let blockStart = 0;
  const copyBlock = (end: number): void => {
    if (end <= blockStart) return;
    const docsAt = docs.length - (old.docsStart[blockStart] as number);
    const positionsAt = positions.length - (old.positionsStart[blockStart] as number);
    docs.writeBytes(shard.grams.subarray(old.docsStart[blockStart], old.docsEnd[end - 1]));
    positions.writeBytes(shard.positions.subarray(old.positionsStart[blockStart], old.positionsEnd[end - 1]));
    for (let k = blockStart; k < end; k++) {
      keys[count++] = old.keys[k] as number;
      docsOffsets[count] = (old.docsEnd[k] as number) + docsAt;
      positionsOffsets[count] = (old.positionsEnd[k] as number) + positionsAt;
    }
  };
  let i = 0;
  for (let j = 0; j < part.keys.length; j++) {
    const key = part.keys[j] as number;
    while (i < oldCount && (old.keys[i] as number) < key) i++;
    copyBlock(i);
    let from = part.docs.starts[j] as number;
    const to = part.docs.ends[j] as number;
    if (i < oldCount && old.keys[i] === key) {
      const start = old.docsStart[i] as number;
      const end = old.docsEnd[i] as number;
      docs.writeBytes(shard.grams.subarray(start, end));
      positions.writeBytes(shard.positions.subarray(old.positionsStart[i], old.positionsEnd[i]));
      const lastDoc = shard.directory
        ? (shard.directory.lastDocs[i] as number)
        : lastDocId(shard.grams, start, end);
      const reader = new ByteReader(part.docs.bytes, from, to);
      const head = reader.readVarint();
      const doc = Math.floor(head / 2);
      if (doc <= lastDoc) throw new RangeError('appended documents must come after the indexed ones');
      docs.writeVarint((doc - lastDoc - 1) * 2 + (head % 2));
      from = reader.position;
      i++;
    }
    blockStart = i;
    docs.writeBytes(part.docs.bytes.subarray(from, to));
    positions.writeBytes(part.positions.bytes.subarray(part.positions.starts[j], part.positions.ends[j]));
    endEntry(key);
  }
  copyBlock(oldCount);
  const lists = (bytes: Uint8Array, offsets: Int32Array) => ({
    bytes,
    starts: offsets.subarray(0, count),
    ends: offsets.subarray(1, count + 1),
  });
  return encodeShard(
    keys.subarray(0, count),
    lists(docs.view(), docsOffsets),
    lists(positions.view(), positionsOffsets),
  );
}
