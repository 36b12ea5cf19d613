// Encodes and decodes one gram's posting list (the docs part and positions part described in format.ts).

import { ByteReader, writeVarintAt } from './varint.ts';

/**
 * Writes one document of a docs part at `at` and returns the offset after it: the gap, then the counts
 * unless the gram occurs once, in the body. Lists are only ever extended this way, one document after
 * the other, so a list built in one go and a list appended to issue by issue are the same bytes.
 */
export function writeDocEntry(
  bytes: Uint8Array,
  at: number,
  gap: number,
  titleCount: number,
  bodyCount: number,
): number {
  if (titleCount === 0 && bodyCount === 1) return writeVarintAt(bytes, at, gap * 2);
  let offset = writeVarintAt(bytes, at, gap * 2 + 1);
  offset = writeVarintAt(bytes, offset, titleCount);
  return writeVarintAt(bytes, offset, bodyCount);
}

/** A decoded docs part: for the k-th document, its id and how often the gram occurs in title and body. */
export interface DocPostings {
  ids: Int32Array;
  titleCounts: Int32Array;
  bodyCounts: Int32Array;
}

export function decodeDocPostings(bytes: Uint8Array, start: number, end: number): DocPostings {
  // At most one document per byte: size the arrays once, trim at the end.
  const capacity = end - start;
  const ids = new Int32Array(capacity);
  const titleCounts = new Int32Array(capacity);
  const bodyCounts = new Int32Array(capacity);
  const reader = new ByteReader(bytes, start, end);
  let count = 0;
  let previous = -1;
  while (!reader.atEnd()) {
    const head = reader.readVarint();
    const id = previous + 1 + Math.floor(head / 2);
    ids[count] = id;
    if (head % 2 === 1) {
      titleCounts[count] = reader.readVarint();
      bodyCounts[count] = reader.readVarint();
    } else {
      bodyCounts[count] = 1;
    }
    previous = id;
    count++;
  }
  return {
    ids: ids.subarray(0, count),
    titleCounts: titleCounts.subarray(0, count),
    bodyCounts: bodyCounts.subarray(0, count),
  };
}

/** The id of the last document of a docs part, or -1 when it is empty (to append after it). */
export function lastDocId(bytes: Uint8Array, start: number, end: number): number {
  const reader = new ByteReader(bytes, start, end);
  let previous = -1;
  while (!reader.atEnd()) {
    const head = reader.readVarint();
    previous += 1 + Math.floor(head / 2);
    if (head % 2 === 1) {
      reader.readVarint();
      reader.readVarint();
    }
  }
  return previous;
}

/**
 * Decodes a positions part into one flat array; document k's positions start at the sum of the
 * counts of documents before it (see positionOffsets).
 */
export function decodePositions(
  bytes: Uint8Array,
  start: number,
  end: number,
  docs: DocPostings,
): Int32Array {
  const offsets = positionOffsets(docs);
  const total = offsets[offsets.length - 1] as number;
  const positions = new Int32Array(total);
  const reader = new ByteReader(bytes, start, end);
  for (let k = 0; k < docs.ids.length; k++) {
    let position = 0;
    for (let i = offsets[k] as number; i < (offsets[k + 1] as number); i++) {
      position += reader.readVarint();
      positions[i] = position;
    }
  }
  return positions;
}

/** offsets[k] is where document k's positions start in the flat array; the last entry is the total. */
export function positionOffsets(docs: DocPostings): Int32Array {
  const offsets = new Int32Array(docs.ids.length + 1);
  for (let k = 0; k < docs.ids.length; k++) {
    offsets[k + 1] =
      (offsets[k] as number) + (docs.titleCounts[k] as number) + (docs.bodyCounts[k] as number);
  }
  return offsets;
}
