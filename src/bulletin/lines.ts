// Text → classified lines: what each physical line of the extracted PDF text is.
import { displayWidth } from './width.ts';

export type LineKind = 'blank' | 'page-number' | 'header' | 'content';

export interface SourceLine {
  /** 1-based line number in the file. */
  line: number;
  kind: LineKind;
  /** The line without leading and trailing whitespace. */
  text: string;
  /** The line ended with whitespace: in the real bulletin that marks the end of a paragraph. */
  trailingSpace: boolean;
  /** The line started with two or more spaces or a full-width space: a paragraph indent. */
  indented: boolean;
  /** Display width of `text` (see displayWidth). */
  width: number;
}

// Whitespace as PDF extraction leaves it: spaces, tabs, form feeds at page breaks, no-break and
// full-width spaces and stray byte-order marks (all of which String#trim removes), and zero-width spaces.
const ZERO_WIDTH_EDGES = /^\u200b+|\u200b+$/g;
const INDENT = /^(?: {2,}|\t|\u3000)/;

// A lone page number: "2", "- 2 -", "— 2 —", "第 2 页", "第 2 页 共 8 页", "2 / 8".
const PAGE_NUMBER =
  /^(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}(?:\s*\/\s*\d{1,4})?|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)$/;

// A section header stands alone on its line: "【国外电子政务】".
const HEADER = /^【([^【】]+)】$/;

export function splitLines(text: string, firstLine = 1): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((raw, index) => classifyLine(raw, firstLine + index));
}

export function classifyLine(raw: string, line: number): SourceLine {
  const text = trimSpace(raw);
  const kind: LineKind =
    text === '' ? 'blank' : PAGE_NUMBER.test(text) ? 'page-number' : HEADER.test(text) ? 'header' : 'content';
  return {
    line,
    kind,
    text,
    trailingSpace: text !== '' && !raw.endsWith(text),
    indented: INDENT.test(raw),
    width: displayWidth(text),
  };
}

function trimSpace(raw: string): string {
  const trimmed = raw.trim();
  if (!trimmed.includes('\u200b')) return trimmed;
  const withoutZeroWidth = trimmed.replace(ZERO_WIDTH_EDGES, '');
  return withoutZeroWidth === trimmed ? trimmed : trimSpace(withoutZeroWidth);
}

/** The title of a header line: "【国外电子政务】" → "国外电子政务". */
export function headerTitle(text: string): string {
  return (HEADER.exec(text)?.[1] ?? text).trim();
}
