// Writes a bulletin model as plain text in a chosen layout, the way PDF extraction printed the real one.
//
// Used by the benchmarks and by the parser's property tests, so the output is exact: the text of every
// title, paragraph and source can be recovered by the rules of tests/fixtures/real-bulletin/README.md
// (trim each line; a trailing space ends a paragraph; join lines with nothing, or with one space
// between two ASCII letters/digits; drop page numbers and lines holding only spaces).

/** What a bulletin says, without layout: the input of `renderBulletin`. */
export interface BulletinModel {
  /** Paragraphs before the first section header. */
  preface?: string[];
  sections: ModelSection[];
}

export interface ModelSection {
  /** Written as `【title】`; an empty title writes no header (articles before any header). */
  title: string;
  articles: ModelArticle[];
}

export interface ModelArticle {
  number: number;
  /**
   * Written as `${number}.${title}` on one line, never wrapped. Best not started with a digit:
   * `21.2.0 时代` is ambiguous to a reader that wants a non-digit after `N.` (see `wrapParagraph`).
   */
  title: string;
  paragraphs: string[];
  /** Appended to the last paragraph as `（source）`, wrapping with it; null writes no source. */
  source: string | null;
  /** 'ascii' writes `(source)`, as some real articles do (`示。(中国电子政务网)`); default 'full'. */
  sourceParens?: 'full' | 'ascii';
}

/** How the text is laid out; `realLayout` is the real bulletin's. */
export interface Layout {
  /** Body lines hold at most this many characters (code points; the indent not counted). */
  lineWidth: number;
  /** true: a blank line after every line, as in the real bulletin; false: no blank lines. */
  blankBetweenLines: boolean;
  /** true: header, title and paragraph-ending lines end with one space, as in the real bulletin. */
  trailingSpaceAtParagraphEnd: boolean;
  lineEnding: '\n' | '\r\n' | '\r';
  /** A page break after every `pageLength` content lines (never after the last one). */
  pageLength?: number;
  /** The page-number line: 'plain' `2` (default), 'dashes' `- 2 -`, 'chinese' `第 2 页`. */
  pageNumberStyle?: 'plain' | 'dashes' | 'chinese';
  /**
   * How a page break shows. 'numbered': a blank line, the page-number line and a line holding only
   * a space (real lines 53-61). 'stray-space': no blank line before the next line, which starts with
   * one space (real lines 93-94, 148-149). 'alternate' (default): breaks 1, 3, 5… numbered, the
   * others stray-space, so every long text has both kinds.
   */
  pageBreakStyle?: 'numbered' | 'stray-space' | 'alternate';
  /** Written before the first line of each paragraph, e.g. '  ' or '\u3000\u3000'; default none. */
  indent?: string;
}

/** The layout of /work/shared/bulletins/000_2f0c7bfec1af380f.txt. */
export const realLayout: Layout = {
  lineWidth: 27,
  blankBetweenLines: true,
  trailingSpaceAtParagraphEnd: true,
  lineEnding: '\n',
  pageLength: 28,
  pageNumberStyle: 'plain',
  pageBreakStyle: 'alternate',
};

/**
 * Writes `model` as text. Every line, blank ones included, ends with `layout.lineEnding`.
 * Throws a RangeError when the model cannot be written so that it reads back the same: a text
 * holding a line break or starting/ending with whitespace, an empty paragraph, a paragraph whose
 * first line would read as an article number, header or page number (`2.新…`, `2015`), a source
 * holding parentheses, or a last paragraph without source that ends in a parenthesis.
 */
export function renderBulletin(model: BulletinModel, layout: Layout): string {
  assertLayout(layout);
  const contentLines = (model.preface ?? []).flatMap((paragraph) => paragraphLines(paragraph, layout));
  for (const section of model.sections) {
    if (section.title !== '') contentLines.push(ownLine(`【${checkedText(section.title)}】`, layout));
    for (const article of section.articles) {
      if (!Number.isInteger(article.number) || article.number < 0) {
        throw new RangeError(`article number must be a whole number: ${article.number}`);
      }
      contentLines.push(ownLine(`${article.number}.${checkedText(article.title)}`, layout));
      for (const paragraph of paragraphsWithSource(article)) {
        contentLines.push(...paragraphLines(paragraph, layout));
      }
    }
  }
  return paginate(contentLines, layout)
    .map((line) => line + layout.lineEnding)
    .join('');
}

/**
 * Splits one paragraph into lines of at most `width` characters where the parser can rejoin them
 * exactly: never next to a space, never between two ASCII non-space characters (`IPv6`, `99.95%`
 * stay whole), except at one space between two ASCII letters/digits, which is then dropped
 * (`SK Telecom` → `SK` / `Telecom`), and never before closing or after opening punctuation.
 * A line is longer only when an ASCII run leaves no other place.
 * A break that would start a line like an article number (`2.审阅选题`) or leave a line reading as
 * a page number or header moves one character earlier, and further if needed.
 */
export function wrapParagraph(text: string, width: number): string[] {
  const chars = Array.from(text);
  const lines: string[] = [];
  let start = 0;
  while (chars.length - start > width) {
    const cut = findCut(chars, start, width);
    if (cut === undefined) break;
    lines.push(chars.slice(start, cut.end).join(''));
    start = cut.next;
  }
  lines.push(chars.slice(start).join(''));
  return lines;
}

/** A line break: the line ends before `end` and the next one starts at `next` (one past a dropped space). */
interface Cut {
  end: number;
  next: number;
}

function findCut(chars: string[], start: number, width: number): Cut | undefined {
  for (let position = start + width; position > start; position--) {
    const cut = cutAt(chars, start, position, width);
    if (cut) return cut;
  }
  for (let position = start + width + 1; position < chars.length; position++) {
    const cut = cutAt(chars, start, position, width);
    if (cut) return cut;
  }
  return undefined;
}

function cutAt(chars: string[], start: number, position: number, width: number): Cut | undefined {
  const before = chars[position - 1] ?? ' ';
  const after = chars[position] ?? ' ';
  let cut: Cut;
  if (after === ' ' && isAsciiAlphanumeric(before) && isAsciiAlphanumeric(chars[position + 1] ?? ' ')) {
    cut = { end: position, next: position + 1 };
  } else if (
    before !== ' ' &&
    after !== ' ' &&
    !(isAsciiVisible(before) && isAsciiVisible(after)) &&
    !OPENING_PUNCTUATION.includes(before) &&
    !CLOSING_PUNCTUATION.includes(after)
  ) {
    cut = { end: position, next: position };
  } else {
    return undefined;
  }
  // The next line's start is fixed by this cut, so check it here; its end only if it is the last line.
  const rest = chars.slice(cut.next, cut.next + width + 1).join('');
  const restIsLastLine = chars.length - cut.next <= width;
  if (readsAsStructure(chars.slice(start, cut.end).join(''))) return undefined;
  if (ARTICLE_NUMBER_START.test(rest) || (restIsLastLine && readsAsStructure(rest))) return undefined;
  return cut;
}

// Like the PDF's typesetting: no line starts with `，` or `。` and none ends with `“` or `《`.
const OPENING_PUNCTUATION = '（《“‘〈「『【(';
const CLOSING_PUNCTUATION = '，。、；：？！）》”’〉」』】…)';
const ARTICLE_NUMBER_START = /^\d+[.．、](?!\d)/;
const PAGE_NUMBER = /^(?:\d+|-\s*\d+\s*-|第\s*\d+\s*页)$/;
const SECTION_HEADER = /^【.*】$/;

/** True when a body line, trimmed as the parser trims it, would be taken for structure, not text. */
function readsAsStructure(line: string): boolean {
  const trimmed = line.trim();
  return ARTICLE_NUMBER_START.test(trimmed) || PAGE_NUMBER.test(trimmed) || SECTION_HEADER.test(trimmed);
}

function isAsciiAlphanumeric(char: string): boolean {
  return /^[A-Za-z0-9]$/.test(char);
}

function isAsciiVisible(char: string): boolean {
  return /^[!-~]$/.test(char);
}

function paragraphsWithSource(article: ModelArticle): string[] {
  const paragraphs = article.paragraphs.map(checkedParagraph);
  if (article.source === null) {
    // The reader takes parentheses ending an article for its source.
    if (/[)）]$/.test(paragraphs.at(-1) ?? '')) {
      throw new RangeError(
        `a last paragraph without source must not end in a parenthesis: ${paragraphs.at(-1)}`,
      );
    }
    return paragraphs;
  }
  if (article.source === '' || /[()（）]/.test(article.source)) {
    throw new RangeError(`a source must be non-empty and hold no parentheses: ${article.source}`);
  }
  const source = checkedText(article.source);
  const last = paragraphs.pop() ?? '';
  return [...paragraphs, article.sourceParens === 'ascii' ? `${last}(${source})` : `${last}（${source}）`];
}

function paragraphLines(paragraph: string, layout: Layout): string[] {
  const lines = wrapParagraph(checkedParagraph(paragraph), layout.lineWidth);
  const bad = lines.find(readsAsStructure);
  if (bad !== undefined) throw new RangeError(`a body line would read as structure: ${bad}`);
  lines[0] = (layout.indent ?? '') + lines[0];
  lines.push(ownLine(lines.pop() ?? '', layout));
  return lines;
}

/** A line that ends a paragraph: header, title or a paragraph's last line. */
function ownLine(text: string, layout: Layout): string {
  return layout.trailingSpaceAtParagraphEnd ? `${text} ` : text;
}

function checkedParagraph(paragraph: string): string {
  if (paragraph === '') throw new RangeError('a paragraph must not be empty');
  return checkedText(paragraph);
}

function checkedText(text: string): string {
  if (/[\r\n]/.test(text) || text !== text.trim()) {
    throw new RangeError(`text must be one line without surrounding whitespace: ${JSON.stringify(text)}`);
  }
  return text;
}

function assertLayout(layout: Layout): void {
  if (!Number.isInteger(layout.lineWidth) || layout.lineWidth < 1) {
    throw new RangeError(`lineWidth must be a positive whole number: ${layout.lineWidth}`);
  }
  if (layout.pageLength !== undefined && (!Number.isInteger(layout.pageLength) || layout.pageLength < 1)) {
    throw new RangeError(`pageLength must be a positive whole number: ${layout.pageLength}`);
  }
}

/** Adds blank lines and page breaks between the content lines. */
function paginate(contentLines: string[], layout: Layout): string[] {
  const lines: string[] = [];
  const write = (line: string): void => {
    lines.push(line);
    if (layout.blankBetweenLines) lines.push('');
  };
  const pageLength = layout.pageLength ?? Number.POSITIVE_INFINITY;
  contentLines.forEach((line, index) => {
    const breakNumber = index > 0 && index % pageLength === 0 ? index / pageLength : 0;
    if (breakNumber === 0) {
      write(line);
    } else if (isNumberedBreak(breakNumber, layout)) {
      // The real text shows the number of the page that starts here: its first break prints `2 `.
      write('');
      write(ownLine(pageNumber(breakNumber + 1, layout), layout));
      write(' ');
      write(line);
    } else {
      if (layout.blankBetweenLines) lines.pop();
      write(` ${line}`);
    }
  });
  return lines;
}

function isNumberedBreak(breakNumber: number, layout: Layout): boolean {
  const style = layout.pageBreakStyle ?? 'alternate';
  return style === 'numbered' || (style === 'alternate' && breakNumber % 2 === 1);
}

function pageNumber(page: number, layout: Layout): string {
  switch (layout.pageNumberStyle ?? 'plain') {
    case 'plain':
      return `${page}`;
    case 'dashes':
      return `- ${page} -`;
    case 'chinese':
      return `第 ${page} 页`;
  }
}
