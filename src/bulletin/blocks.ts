// Classified lines → blocks: section headers, article titles and body paragraphs, broken lines rejoined.
import { articleCandidate, type NumberingContext, startsArticle } from './article-numbers.ts';
import { detectLayout, type Layout } from './layout.ts';
import { headerTitle, type SourceLine } from './lines.ts';
import { ENDS_SENTENCE, ENDS_WITH_PARENTHESIS, endsLikeParagraph } from './punctuation.ts';

export type Block =
  | { kind: 'header'; line: number; title: string }
  | { kind: 'title'; line: number; number: number; title: string }
  | { kind: 'paragraph'; line: number; text: string };

interface OpenBlock {
  kind: 'title' | 'paragraph';
  line: number;
  number: number;
  /** The block's text so far, joined on close: appending to one string and testing its end would be quadratic. */
  parts: string[];
  /** Its last line: the block's text ends as this line's text does. */
  last: SourceLine;
}

export function readBlocks(lines: readonly SourceLine[]): Block[] {
  const layout = detectLayout(lines);
  const meaningfulBlank = blankLinesThatBreakParagraphs(lines, layout);
  const blocks: Block[] = [];
  let open: OpenBlock | null = null;
  let lastNumber: number | null = null;

  const close = () => {
    if (!open) return;
    const text = open.parts.join('');
    blocks.push(
      open.kind === 'title'
        ? { kind: 'title', line: open.line, number: open.number, title: text }
        : { kind: 'paragraph', line: open.line, text },
    );
    open = null;
  };

  lines.forEach((line, index) => {
    if (line.kind === 'page-number') return;
    if (line.kind === 'blank') {
      if (meaningfulBlank[index]) close();
      return;
    }
    if (line.kind === 'header') {
      close();
      blocks.push({ kind: 'header', line: line.line, title: headerTitle(line.text) });
      return;
    }
    const candidate = articleCandidate(line.text);
    const isArticle =
      candidate !== null && startsArticle(candidate, numberingContext(open, blocks.at(-1), lastNumber));
    if (open && !(isArticle && endsBeforeArticle(open, layout)) && !endsParagraph(open, line, layout)) {
      open.parts.push(separator(open.last.text, line.text), line.text);
      open.last = line;
      return;
    }
    close();
    if (isArticle && candidate) {
      lastNumber = candidate.number;
      open = {
        kind: 'title',
        line: line.line,
        number: candidate.number,
        parts: [candidate.title],
        last: line,
      };
    } else {
      open = { kind: 'paragraph', line: line.line, number: 0, parts: [line.text], last: line };
    }
  });
  close();
  return blocks;
}

/** What comes before a numbered line, for deciding whether it starts an article. */
function numberingContext(
  open: OpenBlock | null,
  previous: Block | undefined,
  lastNumber: number | null,
): NumberingContext {
  const afterHeader = !open && previous?.kind === 'header';
  const previousText = open ? open.last.text : previous ? blockText(previous) : '';
  return {
    lastNumber,
    afterHeader,
    previousEndsArticle: afterHeader || previousText === '' || endsLikeParagraph(previousText),
    previousEndsWithSource: ENDS_WITH_PARENTHESIS.test(previousText),
  };
}

function blockText(block: Block): string {
  return block.kind === 'paragraph' ? block.text : block.title;
}

/** An article title may interrupt a paragraph only where that paragraph could end. */
function endsBeforeArticle(open: OpenBlock, layout: Layout): boolean {
  const end = open.last.text;
  if (open.kind === 'title' || ENDS_WITH_PARENTHESIS.test(end)) return true;
  return layout.trailingSpaceMarksParagraphs ? open.last.trailingSpace : ENDS_SENTENCE.test(end);
}

/**
 * Whether the open block ends before `next`. With trailing-space markers (the real bulletin), the
 * marker decides. Without them, a paragraph ends after a sentence end on a line clearly shorter than
 * the usual width, or before an indented line; a very short line ends it whatever its punctuation
 * (a sub-heading such as "亮点 1"). A title is one line unless a marked layout shows it wrapped.
 */
function endsParagraph(open: OpenBlock, next: SourceLine, layout: Layout): boolean {
  const last = open.last;
  const width = last.width;
  const fullWidth = width >= layout.lineWidth * 0.9;
  if (open.kind === 'title') {
    // Without markers nothing tells a wrapped title from the body line after it, and a title longer
    // than the body's line width is common ("9.高分专项卫星数据将服务国民经济建设和智能化社会管理").
    if (!layout.trailingSpaceMarksParagraphs) return true;
    return last.trailingSpace || !fullWidth || ENDS_SENTENCE.test(last.text);
  }
  if (layout.trailingSpaceMarksParagraphs) return last.trailingSpace;
  if (width < layout.lineWidth * 0.7) return true;
  return ENDS_SENTENCE.test(last.text) && (!fullWidth || next.indented);
}

/**
 * In the compact layout a blank line ends a paragraph; where every line is followed by a blank
 * line, blank lines mean nothing. Blank lines around a page number are part of the page break, not
 * of the text: "行榜的首位……法国、" [blank, blank, "2", " "] "荷兰、日本……" is one sentence.
 */
function blankLinesThatBreakParagraphs(lines: readonly SourceLine[], layout: Layout): boolean[] {
  const meaningful = lines.map(() => false);
  if (layout.blankBetweenLines) return meaningful;
  let start = 0;
  while (start < lines.length) {
    if (lines[start]?.kind !== 'blank') {
      start++;
      continue;
    }
    let end = start;
    while (lines[end + 1]?.kind === 'blank') end++;
    const touchesPageNumber =
      lines[start - 1]?.kind === 'page-number' || lines[end + 1]?.kind === 'page-number';
    for (let index = start; index <= end; index++) meaningful[index] = !touchesPageNumber;
    start = end + 1;
  }
  return meaningful;
}

/**
 * Rejoins a line the PDF broke. No space goes between CJK characters ("已" + "达成协议"), nor between
 * CJK and Latin ("迎接" + "2020 年": the bulletin's own spaces inside lines are kept as they are). Two
 * Latin words or numbers broken apart get one space back ("IP" + "address" → "IP address").
 */
export function joinBrokenLines(left: string, right: string): string {
  return left + separator(left, right) + right;
}

function separator(left: string, right: string): string {
  const end = left.slice(-2);
  const betweenWords = /[A-Za-z0-9.,;:!?%)\]'"]$/.test(end) && /^[A-Za-z0-9([]/.test(right);
  const insideNumber = /\d[.,]$/.test(end) && /^\d/.test(right);
  return betweenWords && !insideNumber ? ' ' : '';
}
