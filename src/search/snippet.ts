// Finds where query terms occur in a document's original text, for highlighting titles and cutting snippets.
//
// Matching runs on the normalised text (the same the index holds) and is mapped back to the original
// characters, so "２０１４ 年" in a paragraph is highlighted whole when the query is "2014年".

import { normalizeWithOffsets } from './tokenize.ts';

/** A piece of text, marked when it is (part of) a match. */
export interface TextSegment {
  text: string;
  mark: boolean;
}

/** Ranges [start, end) of the original text where any term occurs, sorted and merged. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const { text: normalized, offsets } = normalizeWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let at = normalized.indexOf(term); at >= 0; at = normalized.indexOf(term, at + 1)) {
      ranges.push([offsets.start[at] as number, offsets.end[at + term.length - 1] as number]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** The whole text as segments, matches marked (for titles). */
export function highlight(text: string, terms: readonly string[]): TextSegment[] {
  return segments(text, matchRanges(text, terms), 0, text.length);
}

/**
 * About `length` characters of the body around its first match, matches marked, with "…" where text was
 * cut. The paragraph with the most distinct terms wins; without a match in the body, the beginning.
 */
export function snippet(
  paragraphs: readonly string[],
  terms: readonly string[],
  length = 110,
): TextSegment[] {
  let best: { text: string; ranges: [number, number][]; distinct: number } | null = null;
  for (const text of paragraphs) {
    const ranges = matchRanges(text, terms);
    if (ranges.length === 0) continue;
    const distinct = terms.filter((term) => matchRanges(text, [term]).length > 0).length;
    if (!best || distinct > best.distinct) best = { text, ranges, distinct };
    if (distinct === terms.length) break;
  }
  const text = best?.text ?? paragraphs[0] ?? '';
  const ranges = best?.ranges ?? [];
  const firstMatch = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(firstMatch - Math.floor(length / 4), text.length - length));
  let end = Math.min(text.length, start + length);
  // Never cut a surrogate pair in half.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  const pieces = segments(text, ranges, start, end);
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (end < text.length) pieces.push({ text: '…', mark: false });
  return pieces;
}

function segments(
  text: string,
  ranges: readonly [number, number][],
  from: number,
  to: number,
): TextSegment[] {
  const pieces: TextSegment[] = [];
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const markStart = Math.max(start, from);
    const markEnd = Math.min(end, to);
    if (markStart > at) pieces.push({ text: text.slice(at, markStart), mark: false });
    pieces.push({ text: text.slice(markStart, markEnd), mark: true });
    at = markEnd;
  }
  if (at < to) pieces.push({ text: text.slice(at, to), mark: false });
  return pieces;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
