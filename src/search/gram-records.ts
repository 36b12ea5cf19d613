// Lists a batch of documents' gram occurrences grouped by gram, in document and position order.
//
// Every character is a unigram and every pair of neighbours inside a field a bigram; spaces and field
// separators are neither (no query term contains them). The first version kept a hash map entry per
// gram: at 22,000 articles (400,000 grams, 12 million occurrences) every lookup missed the cache and a
// build took 5-40 s. Here each gram gets a 32-bit key that sorts like its gram key (ranks of the batch's
// distinct characters, packed), unigrams are counted once per document, and bigram occurrences are
// radix-sorted, which keeps text order within a key.

import { FIELD_SEPARATOR } from './tokenize.ts';

export interface GramRecords {
  firstDoc: number;
  /** The batch's distinct code points, ascending; keys are made of their ranks. */
  codePoints: Int32Array;
  /** codePoints.length + 1. A unigram's key is rank × radix, a bigram's rank × radix + second rank + 1. */
  radix: number;
  /** Unigram records, one per (character, document): character r's are [unigramStart[r], unigramStart[r + 1]). */
  unigramStart: Int32Array;
  unigramDocs: Int32Array;
  unigramTitleCounts: Int32Array;
  unigramBodyCounts: Int32Array;
  /** One record per bigram occurrence, sorted by key, document, position. */
  bigramKeys: Uint32Array;
  bigramDocs: Int32Array;
  bigramPositions: Int32Array;
  /** Per document of the batch: how many positions its title spans. */
  titleLengths: Int32Array;
}

const SPACE = 0x20;
const SEPARATOR = FIELD_SEPARATOR.charCodeAt(0);
/** Radix sort digits: two passes of at most 13 bits cover the 26-bit keys of a 6,000-character alphabet. */
const MAX_DIGIT_BITS = 13;

/**
 * The records of documents' texts (see documentText), ids from firstDoc on. Null when the batch holds
 * 65,535 distinct characters or more, which would overflow 32-bit keys: the caller splits it.
 * Every array is allocated at its exact size (a first pass counts): over-sized typed arrays made the
 * garbage collector a quarter of the build.
 */
export function collectGramRecords(texts: readonly string[], firstDoc: number): GramRecords | null {
  const census = takeCensus(texts);
  if (census === null) return null;
  const { codePoints, bmpRank, astralRank, documentsPerRank, bigramCount } = census;
  const radix = codePoints.length + 1;

  // Unigram records go straight to their sorted place: documents arrive in order.
  const unigramStart = new Int32Array(codePoints.length + 1);
  for (let rank = 0; rank < codePoints.length; rank++) {
    unigramStart[rank + 1] = (unigramStart[rank] as number) + (documentsPerRank[rank] as number);
  }
  const unigramCount = unigramStart[codePoints.length] as number;
  const unigramDocs = new Int32Array(unigramCount);
  const unigramTitleCounts = new Int32Array(unigramCount);
  const unigramBodyCounts = new Int32Array(unigramCount);
  const nextUnigram = unigramStart.slice(0, codePoints.length);
  const bigramKeys = new Uint32Array(bigramCount);
  const bigramDocs = new Int32Array(bigramCount);
  const bigramPositions = new Int32Array(bigramCount);
  const titleLengths = new Int32Array(texts.length);
  // The unigram record of each character in the current document (valid when lastDocOf matches).
  const lastDocOf = new Int32Array(codePoints.length).fill(-1);
  const recordOf = new Int32Array(codePoints.length);
  let bigrams = 0;
  for (let d = 0; d < texts.length; d++) {
    const text = texts[d] as string;
    const doc = firstDoc + d;
    let titleLength = -1;
    let position = 0;
    let previousRank = -1; // -1 at the start of a field and after a space
    for (let i = 0; i < text.length; position++) {
      let cp = text.charCodeAt(i++);
      if (cp === SPACE || cp === SEPARATOR) {
        if (cp === SEPARATOR && titleLength < 0) titleLength = position;
        previousRank = -1;
        continue;
      }
      let rank: number;
      if (cp >= 0xd800 && cp <= 0xdbff && i < text.length) {
        cp = (cp - 0xd800) * 0x400 + (text.charCodeAt(i++) - 0xdc00) + 0x10000;
        rank = astralRank.get(cp) as number;
      } else {
        rank = bmpRank[cp] as number;
      }
      if (lastDocOf[rank] !== doc) {
        lastDocOf[rank] = doc;
        const record = (nextUnigram[rank] as number)++;
        recordOf[rank] = record;
        unigramDocs[record] = doc;
      }
      if (titleLength < 0) (unigramTitleCounts[recordOf[rank] as number] as number)++;
      else (unigramBodyCounts[recordOf[rank] as number] as number)++;
      if (previousRank >= 0) {
        bigramKeys[bigrams] = previousRank * radix + rank + 1;
        bigramDocs[bigrams] = doc;
        bigramPositions[bigrams++] = position - 1;
      }
      previousRank = rank;
    }
    titleLengths[d] = titleLength < 0 ? position : titleLength;
  }

  const sorted = radixSort(bigramKeys, bigramDocs, bigramPositions, radix * radix);
  return {
    firstDoc,
    codePoints,
    radix,
    unigramStart,
    unigramDocs,
    unigramTitleCounts,
    unigramBodyCounts,
    bigramKeys: sorted.keys,
    bigramDocs: sorted.docs,
    bigramPositions: sorted.positions,
    titleLengths,
  };
}

/** LSD radix sort of 32-bit keys below `bound`, in as few passes of at most 13 bits as cover them; stable. */
function radixSort(keys: Uint32Array, docs: Int32Array, positions: Int32Array, bound: number) {
  const count = keys.length;
  const bits = Math.max(1, Math.ceil(Math.log2(Math.max(2, bound))));
  const passes = Math.ceil(bits / MAX_DIGIT_BITS);
  const digitBits = Math.ceil(bits / passes);
  let fromKeys: Uint32Array = keys;
  let fromDocs: Int32Array = docs;
  let fromPositions: Int32Array = positions;
  let toKeys: Uint32Array = new Uint32Array(count);
  let toDocs: Int32Array = new Int32Array(count);
  let toPositions: Int32Array = new Int32Array(count);
  const counts = new Int32Array(1 << digitBits);
  const mask = (1 << digitBits) - 1;
  for (let shift = 0; shift < bits; shift += digitBits) {
    counts.fill(0);
    for (let i = 0; i < count; i++) (counts[((fromKeys[i] as number) >>> shift) & mask] as number)++;
    let total = 0;
    for (let digit = 0; digit <= mask; digit++) {
      const digitCount = counts[digit] as number;
      counts[digit] = total;
      total += digitCount;
    }
    for (let i = 0; i < count; i++) {
      const key = fromKeys[i] as number;
      const slot = (counts[(key >>> shift) & mask] as number)++;
      toKeys[slot] = key;
      toDocs[slot] = fromDocs[i] as number;
      toPositions[slot] = fromPositions[i] as number;
    }
    [fromKeys, toKeys] = [toKeys, fromKeys];
    [fromDocs, toDocs] = [toDocs, fromDocs];
    [fromPositions, toPositions] = [toPositions, fromPositions];
  }
  return { keys: fromKeys, docs: fromDocs, positions: fromPositions };
}

interface Census {
  codePoints: Int32Array;
  bmpRank: Int32Array;
  astralRank: Map<number, number>;
  /** How many documents hold each character (its unigram list's length). */
  documentsPerRank: Int32Array;
  bigramCount: number;
}

/** Distinct characters, how many documents hold each, and how many bigram occurrences there are. */
function takeCensus(texts: readonly string[]): Census | null {
  const documentsPerUnit = new Int32Array(0x10000);
  const lastDocOfUnit = new Int32Array(0x10000).fill(-1);
  const astralDocuments = new Map<number, number>();
  let bigramCount = 0;
  for (let d = 0; d < texts.length; d++) {
    const text = texts[d] as string;
    let afterCharacter = false;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit === SPACE || unit === SEPARATOR) {
        afterCharacter = false;
        continue;
      }
      if (afterCharacter) bigramCount++;
      afterCharacter = true;
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const cp = (unit - 0xd800) * 0x400 + (text.charCodeAt(++i) - 0xdc00) + 0x10000;
        // Rare enough for a map; its value packs the document count and the last document + 1.
        const seen = astralDocuments.get(cp);
        const count = seen === undefined ? 0 : Math.floor(seen / 0x200000);
        const last = seen === undefined ? -1 : (seen % 0x200000) - 1;
        if (last !== d) astralDocuments.set(cp, (count + 1) * 0x200000 + d + 1);
      } else if (lastDocOfUnit[unit] !== d) {
        lastDocOfUnit[unit] = d;
        (documentsPerUnit[unit] as number)++;
      }
    }
  }
  let distinct = astralDocuments.size;
  for (let unit = 0; unit < 0x10000; unit++) if ((documentsPerUnit[unit] as number) > 0) distinct++;
  if (distinct >= 0xffff) return null;
  const codePoints = new Int32Array(distinct);
  const documentsPerRank = new Int32Array(distinct);
  const bmpRank = new Int32Array(0x10000);
  let rank = 0;
  for (let unit = 0; unit < 0x10000; unit++) {
    if ((documentsPerUnit[unit] as number) > 0) {
      bmpRank[unit] = rank;
      documentsPerRank[rank] = documentsPerUnit[unit] as number;
      codePoints[rank++] = unit;
    }
  }
  const astralRank = new Map<number, number>();
  for (const cp of [...astralDocuments.keys()].sort((a, b) => a - b)) {
    astralRank.set(cp, rank);
    documentsPerRank[rank] = Math.floor((astralDocuments.get(cp) as number) / 0x200000);
    codePoints[rank++] = cp;
  }
  return { codePoints, bmpRank, astralRank, documentsPerRank, bigramCount };
}
