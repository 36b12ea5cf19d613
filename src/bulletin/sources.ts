// Finds an article's source: the outlet named in parentheses at the very end of its text.

// "（中国信息产业网）" or "(国际在线)" at the end; full-width and ASCII parentheses may even be mixed.
// A source is a name, so it holds no sentence punctuation and no nested parentheses.
const SOURCE_AT_END = /[（(]\s*([^（）()。；！？，]{1,40}?)\s*[）)]$/u;
const OPENS_WITHOUT_CLOSING = /[（(][^（）()]*$/u;
const CLOSES_WITHOUT_OPENING = /^[^（）()]*[）)]$/u;

export interface SplitSource {
  paragraphs: string[];
  source: string | null;
}

/**
 * Takes the source off the end of the last paragraph. A source whose parentheses fell into two
 * paragraphs ("……方法等。（中商" + "情报网）") is rejoined first, so no text is lost either way.
 */
export function splitSource(paragraphs: readonly string[]): SplitSource {
  const body = rejoinSplitSource(paragraphs);
  const last = body.at(-1);
  const match = last === undefined ? null : SOURCE_AT_END.exec(last);
  if (last === undefined || !match?.[1]) return { paragraphs: body, source: null };
  const rest = last.slice(0, match.index).trimEnd();
  return {
    paragraphs: rest === '' ? body.slice(0, -1) : [...body.slice(0, -1), rest],
    source: match[1],
  };
}

function rejoinSplitSource(paragraphs: readonly string[]): string[] {
  const last = paragraphs.at(-1);
  const before = paragraphs.at(-2);
  if (
    last !== undefined &&
    before !== undefined &&
    CLOSES_WITHOUT_OPENING.test(last) &&
    OPENS_WITHOUT_CLOSING.test(before)
  ) {
    return [...paragraphs.slice(0, -2), before + last];
  }
  return [...paragraphs];
}
