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
      endsLikeParagraph(line.text) || articleCandidate(line.text) !== null || line.width < lineWidth * 0.9,
  );
  return looksLikeEnd.length >= marked.length * 0.6;
}

/** The 75th percentile of line widths: most lines of a wrapped text are full ones. */
function usualWidth(content: readonly SourceLine[]): number {
  if (content.length === 0) return 0;
  // Widths are small integers: counting beats sorting, and this runs for every file.
  const counts: number[] = [];
  for (const line of content) counts[line.width] = (counts[line.width] ?? 0) + 1;
  let seen = 0;
  const rank = Math.floor(content.length * 0.75);
  for (let width = 0; width < counts.length; width++) {
    seen += counts[width] ?? 0;
    if (seen > rank) return width;
  }
  return counts.length - 1;
}
