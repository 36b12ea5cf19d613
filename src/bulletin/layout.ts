// Reads the layout of a bulletin from its lines: how paragraph ends are marked and how wide lines run.
import { articleCandidate } from './article-numbers.ts';
import type { SourceLine } from './lines.ts';
import { endsLikeParagraph } from './punctuation.ts';

export interface Layout {
  /**
   * Trailing whitespace marks paragraph ends, as in the real bulletin ("拓展至智慧农业领域。 ").
   * When false, paragraph ends are inferred from punctuation, line width and indentation.
   */
  trailingSpaceMarksParagraphs: boolean;
  /** A blank line stands after every line (the real bulletin); blank lines then mean nothing. */
  blankBetweenLines: boolean;
  /** The usual display width of a full body line (CJK characters count 2, others 1). */
  lineWidth: number;
}

export function detectLayout(lines: readonly SourceLine[]): Layout {
  const content = lines.filter((line) => line.kind === 'content');
  const lineWidth = usualWidth(content);
  let followedByBlank = 0;
  for (let index = 0; index < lines.length - 1; index++) {
    if (lines[index]?.kind === 'content' && lines[index + 1]?.kind === 'blank') followedByBlank++;
  }
  return {
    trailingSpaceMarksParagraphs: trailingSpaceIsAMarker(content, lineWidth),
    blankBetweenLines: content.length > 0 && followedByBlank >= content.length * 0.6,
    lineWidth,
  };
}

/**
 * Trailing spaces mark paragraph ends when the lines that carry them look like ends: a sentence end,
 * a source, a title, or a short last line. In a file where every line was padded with spaces, most
 * padded lines stop mid-sentence at full width, and the spaces mean nothing.
 */
function trailingSpaceIsAMarker(content: readonly SourceLine[], lineWidth: number): boolean {
  const marked = content.filter((line) => line.trailingSpace);
  if (marked.length < 2) return false;
  const looksLikeEnd = marked.filter(
    (line) =>
      endsLikeParagraph(line.text) ||
      articleCandidate(line.text) !== null ||
      displayWidth(line.text) < lineWidth * 0.9,
  );
  return looksLikeEnd.length >= marked.length * 0.6;
}

/** The 75th percentile of line widths: most lines of a wrapped text are full ones. */
function usualWidth(content: readonly SourceLine[]): number {
  const widths = content.map((line) => displayWidth(line.text)).sort((a, b) => a - b);
  return widths[Math.floor(widths.length * 0.75)] ?? 0;
}

/** Width as a PDF sets it: CJK and full-width characters take two columns, Latin ones one. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char) ? 2 : 1;
  return width;
}

function isWide(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000 ||
    char === '“' ||
    char === '”' ||
    char === '—' ||
    char === '…'
  );
}
