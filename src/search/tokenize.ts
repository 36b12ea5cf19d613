// Normalises text and splits queries identically at build time and in the browser, so a query finds exactly what the index holds.
//
// One definition of "the text" serves the index, the query and the test oracle (truth.ts):
// - NFKC per cluster (a base character and its combining marks), so full-width ＡＢＣ１２３ becomes ABC123;
//   per cluster rather than per string so that any substring normalises the same way wherever it stands
//   (Pagefind's source makes the same point: never split at index time in a way the browser cannot repeat).
// - lower case per code point, for the same reason: String#toLowerCase on a whole string is context
//   sensitive (a final Σ becomes ς), which would make "σ" miss inside a longer word.
// - invisible format and control characters are dropped.
// - whitespace is kept, as one space, only between two letters/digits of scripts that use spaces ("ipv6 address");
//   anywhere else it is removed, because the bulletin's PDF-to-text step puts spaces around Latin words and
//   numbers in Chinese prose ("SK 电讯", "2014 年") that the reader does not see as breaks.

/** Whitespace class of a character for the rule above. */
enum CharClass {
  /** Punctuation, symbols: whitespace next to them is dropped. */
  Other = 0,
  /** Letters, digits and marks of scripts written with spaces (Latin, Cyrillic, Hangul…). */
  SpacedWord = 1,
  /** Han, kana, bopomofo: written without spaces, so whitespace next to them means nothing. */
  UnspacedWord = 2,
}

/** Bits of the per-code-unit table; 0 means "not computed yet". */
const CLASS_MASK = 3;
const IS_MARK = 4;
/** NFKC-stable, caseless or already lower case, visible: copied as is (most Han characters). */
const IS_PLAIN = 8;
const IS_SPACE = 16;
const KNOWN = 32;

const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
/** Invisible: controls, format characters (soft hyphen, zero-width space, BOM) and lone surrogates. */
const DROPPED = /[\p{Cc}\p{Cf}\p{Cs}]/u;
const COMBINING_MARK = /\p{M}/u;

/** Filled lazily: computing all 65,536 entries up front would cost the browser ~50 ms at start-up. */
const unitInfo = new Uint8Array(0x10000);
const astralInfo = new Map<number, number>();
const clusterCache = new Map<string, string>();

function isWhitespace(cp: number): boolean {
  return (
    cp === 0x20 ||
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/**
 * The CJK Unified Ideographs block: Han, no decompositions (the compatibility ideographs live in
 * U+F900…), caseless, visible. Answered without the regular expressions, which cost a first query in the
 * browser ~10 ms over the thousand-odd characters of ten snippets.
 */
const HAN_INFO = KNOWN | CharClass.UnspacedWord | IS_PLAIN;

function computeInfo(cp: number): number {
  if (cp >= 0x4e00 && cp <= 0x9fff) return HAN_INFO;
  const ch = String.fromCodePoint(cp);
  if (isWhitespace(cp)) return KNOWN | IS_SPACE;
  const cls = UNSPACED_SCRIPT.test(ch)
    ? CharClass.UnspacedWord
    : WORD.test(ch)
      ? CharClass.SpacedWord
      : CharClass.Other;
  let info = KNOWN | cls;
  if (COMBINING_MARK.test(ch)) info |= IS_MARK;
  if (!DROPPED.test(ch) && ch.normalize('NFKC') === ch && ch.toLowerCase() === ch) info |= IS_PLAIN;
  return info;
}

function infoOf(cp: number): number {
  if (cp < 0x10000) {
    let info = unitInfo[cp] as number;
    if (info === 0) {
      info = computeInfo(cp);
      unitInfo[cp] = info;
    }
    return info;
  }
  let info = astralInfo.get(cp);
  if (info === undefined) {
    info = computeInfo(cp);
    astralInfo.set(cp, info);
  }
  return info;
}

/** NFKC of one cluster, then lower case and dropping per code point (whitespace becomes " "). */
function normalizeCluster(cluster: string): string {
  let out = clusterCache.get(cluster);
  if (out === undefined) {
    out = '';
    for (const ch of cluster.normalize('NFKC')) {
      const cp = ch.codePointAt(0) as number;
      if (isWhitespace(cp)) out += ' ';
      else if (!DROPPED.test(ch)) out += ch.toLowerCase();
    }
    clusterCache.set(cluster, out);
  }
  return out;
}

function codePointAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return unit;
}

/** Where each UTF-16 unit of a normalised text came from in its source: [start, end) per unit. */
export interface SourceOffsets {
  start: number[];
  end: number[];
}

/** Two to five times faster than String.fromCharCode; the output never holds lone surrogates (dropped). */
const utf16 = new TextDecoder('utf-16le');

/** Growable UTF-16 output; a typed array because string concatenation per character was 5x slower. */
class UnitBuffer {
  units: Uint16Array;
  length = 0;

  constructor(capacity: number) {
    this.units = new Uint16Array(Math.max(16, capacity));
  }

  push(unit: number): void {
    if (this.length === this.units.length) {
      const grown = new Uint16Array(this.units.length * 2);
      grown.set(this.units);
      this.units = grown;
    }
    this.units[this.length++] = unit;
  }

  /** Makes room for at least `capacity` units and forgets the content (the buffer is reused between calls). */
  reset(capacity: number): void {
    if (this.units.length < capacity) this.units = new Uint16Array(capacity);
    this.length = 0;
  }

  toString(): string {
    const units = this.units.subarray(0, this.length);
    // The decoder costs a call into the runtime; short fields are cheaper through fromCharCode.
    return units.length < 512
      ? String.fromCharCode.apply(null, units as unknown as number[])
      : utf16.decode(units);
  }
}

function normalizeInto(text: string, out: UnitBuffer, offsets: SourceOffsets | null): void {
  let lastClass = CharClass.Other;
  let pendingStart = -1; // source index where a run of whitespace began, or -1
  let pendingEnd = -1;
  const length = text.length;

  /** Appends one visible code point of the result, first settling any whitespace before it. */
  const emit = (cp: number, info: number, start: number, end: number): void => {
    const cls = info & CLASS_MASK;
    if (pendingStart >= 0) {
      if (lastClass === CharClass.SpacedWord && cls === CharClass.SpacedWord) {
        out.push(0x20);
        if (offsets) {
          offsets.start.push(pendingStart);
          offsets.end.push(pendingEnd);
        }
      }
      pendingStart = -1;
    }
    if (cp < 0x10000) {
      out.push(cp);
    } else {
      out.push(0xd800 + ((cp - 0x10000) >> 10));
      out.push(0xdc00 + ((cp - 0x10000) & 0x3ff));
    }
    if (offsets) {
      for (let u = cp < 0x10000 ? 1 : 2; u > 0; u--) {
        offsets.start.push(start);
        offsets.end.push(end);
      }
    }
    lastClass = cls;
  };

  let i = 0;
  while (i < length) {
    const unit = text.charCodeAt(i);
    // Fast path, taken by nearly every character of Chinese prose: a BMP character not followed by a mark.
    if (unit < 0xd800 || unit > 0xdfff) {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      const nextMayBeMark =
        next >= 0x300 &&
        ((next >= 0xd800 && next <= 0xdbff) || ((unitInfo[next] || infoOf(next)) & IS_MARK) !== 0);
      if (!nextMayBeMark) {
        const info = unitInfo[unit] || infoOf(unit);
        if ((info & IS_PLAIN) !== 0) {
          emit(unit, info, i, i + 1);
          i++;
          continue;
        }
        if ((info & IS_SPACE) !== 0) {
          if (pendingStart < 0) pendingStart = i;
          pendingEnd = i + 1;
          i++;
          continue;
        }
      }
    }
    const cp = codePointAt(text, i);
    let end = i + (cp > 0xffff ? 2 : 1);
    // A following combining mark makes a cluster that NFKC may compose ("e" + U+0301 → "é").
    while (end < length) {
      const mark = codePointAt(text, end);
      if (mark < 0x300 || (infoOf(mark) & IS_MARK) === 0) break;
      end += mark > 0xffff ? 2 : 1;
    }
    const piece = normalizeCluster(text.slice(i, end));
    for (let k = 0; k < piece.length; ) {
      const pcp = codePointAt(piece, k);
      k += pcp > 0xffff ? 2 : 1;
      if (pcp === 0x20) {
        if (pendingStart < 0) pendingStart = i;
        pendingEnd = end;
      } else {
        emit(pcp, infoOf(pcp), i, end);
      }
    }
    i = end;
  }
}

/** The normalised form of a text: what the index stores and what queries are compared with. */
/** One buffer for all calls: allocating a typed array per field dominated the time of a build. */
const sharedBuffer = new UnitBuffer(1024);

export function normalize(text: string): string {
  sharedBuffer.reset(text.length * 2);
  normalizeInto(text, sharedBuffer, null);
  return sharedBuffer.toString();
}

/** Like normalize, and also where each UTF-16 unit of the result came from, to highlight matches in the original. */
export function normalizeWithOffsets(text: string): { text: string; offsets: SourceOffsets } {
  const offsets: SourceOffsets = { start: [], end: [] };
  sharedBuffer.reset(text.length * 2);
  normalizeInto(text, sharedBuffer, offsets);
  return { text: sharedBuffer.toString(), offsets };
}

/**
 * The terms of a query: whitespace separates terms (all must match), each term normalised like the text.
 * Whitespace is split first, so "数据 安全" is two terms even though normalising the text would join them.
 */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const piece of query.split(/\s+/)) {
    for (const term of normalize(piece).split(' ')) {
      if (term !== '' && !terms.includes(term)) terms.push(term);
    }
  }
  return terms;
}

/** Separates the fields of a document's text; whitespace, so never part of a term: no match spans two fields. */
export const FIELD_SEPARATOR = '\n';

/**
 * A document's searchable text: its normalised title and paragraphs joined by FIELD_SEPARATOR, title
 * first. Index positions count the code points of this string. One string per document, because
 * decoding each field separately cost more than normalising it.
 */
export function documentText(doc: { title: string; paragraphs: readonly string[] }): string {
  let capacity = doc.title.length;
  for (const paragraph of doc.paragraphs) capacity += paragraph.length + 1;
  sharedBuffer.reset(capacity * 2);
  normalizeInto(doc.title, sharedBuffer, null);
  for (const paragraph of doc.paragraphs) {
    sharedBuffer.push(0x0a);
    normalizeInto(paragraph, sharedBuffer, null);
  }
  return sharedBuffer.toString();
}

/** The code points of a normalised string (a term's characters, counted the way positions are). */
export function codePoints(text: string): number[] {
  const cps: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    cps.push(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return cps;
}
