// Encodes and reads a shard: the header and concatenated posting lists of grams/<s>.bin and positions/<s>.bin.

import { ByteReader, ByteWriter } from './varint.ts';

/** Lists stored back to back or apart in one buffer: list i is bytes[starts[i], ends[i]). */
export interface ListRanges {
  bytes: Uint8Array;
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
}

/**
 * Writes a shard's two files from its grams' keys (increasing) and lists; each list is copied once,
 * straight into the file.
 */
export function encodeShard(
  keys: ArrayLike<number>,
  docs: ListRanges,
  positions: ListRanges,
): { grams: Uint8Array; positions: Uint8Array } {
  const header = new ByteWriter(16 + keys.length * 8);
  header.writeVarint(keys.length);
  let previousKey = 0;
  let docsLength = 0;
  let positionsLength = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    if (i > 0 && key <= previousKey) throw new RangeError('shard keys must increase');
    const docsSize = (docs.ends[i] as number) - (docs.starts[i] as number);
    const positionsSize = (positions.ends[i] as number) - (positions.starts[i] as number);
    header.writeVarint(key - previousKey);
    header.writeVarint(docsSize);
    header.writeVarint(positionsSize);
    previousKey = key;
    docsLength += docsSize;
    positionsLength += positionsSize;
  }
  const grams = new Uint8Array(header.length + docsLength);
  grams.set(header.view());
  copyLists(docs, keys.length, grams, header.length);
  const positionsFile = new Uint8Array(positionsLength);
  copyLists(positions, keys.length, positionsFile, 0);
  return { grams, positions: positionsFile };
}

function copyLists(lists: ListRanges, count: number, to: Uint8Array, at: number): void {
  const { bytes, starts, ends } = lists;
  if (count === 0) return;
  // Lists already back to back (a merge writes them so) are copied at once.
  let contiguous = true;
  for (let i = 1; i < count && contiguous; i++) contiguous = starts[i] === ends[i - 1];
  if (contiguous) {
    to.set(bytes.subarray(starts[0], ends[count - 1]), at);
    return;
  }
  let offset = at;
  for (let i = 0; i < count; i++) {
    const start = starts[i] as number;
    const end = ends[i] as number;
    // Most lists are a few bytes: a loop beats creating a subarray for them.
    if (end - start > 32) {
      to.set(bytes.subarray(start, end), offset);
      offset += end - start;
    } else {
      for (let j = start; j < end; j++) to[offset++] = bytes[j] as number;
    }
  }
}

/** Where each gram's lists are in a shard's two files. */
export interface ShardDirectory {
  keys: Float64Array;
  docsStart: Int32Array;
  docsEnd: Int32Array;
  positionsStart: Int32Array;
  positionsEnd: Int32Array;
}

export function readShardDirectory(grams: Uint8Array): ShardDirectory {
  const reader = new ByteReader(grams);
  const count = reader.atEnd() ? 0 : reader.readVarint();
  const directory: ShardDirectory = {
    keys: new Float64Array(count),
    docsStart: new Int32Array(count),
    docsEnd: new Int32Array(count),
    positionsStart: new Int32Array(count),
    positionsEnd: new Int32Array(count),
  };
  const docsLengths = new Int32Array(count);
  let key = 0;
  let positionsOffset = 0;
  for (let i = 0; i < count; i++) {
    key += reader.readVarint();
    directory.keys[i] = key;
    docsLengths[i] = reader.readVarint();
    directory.positionsStart[i] = positionsOffset;
    positionsOffset += reader.readVarint();
    directory.positionsEnd[i] = positionsOffset;
  }
  let docsOffset = reader.position;
  for (let i = 0; i < count; i++) {
    directory.docsStart[i] = docsOffset;
    docsOffset += docsLengths[i] as number;
    directory.docsEnd[i] = docsOffset;
  }
  if (docsOffset !== grams.length) throw new RangeError('shard header does not match its length');
  return directory;
}

/** The index of a key in a shard directory, or -1. */
export function findGram(directory: ShardDirectory, key: number): number {
  let low = 0;
  let high = directory.keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = directory.keys[middle] as number;
    if (found === key) return middle;
    if (found < key) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
