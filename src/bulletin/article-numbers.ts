// Decides whether a line that begins with a number begins an article ("1.标题") or is body text.

export interface ArticleCandidate {
  number: number;
  title: string;
  /** A digit follows the delimiter: "1.5G 时代来临" is a title, "2.0 时代已经到来" is text. */
  readsAsDecimal: boolean;
}

// "1.标题", "1、标题", "１．标题", "1．标题".
const NUMBERED = /^([0-9０-９]{1,3})[.．、]\s*(\S.*)$/u;
const DECIMAL = /^([0-9０-９]{1,3})[.．][0-9０-９]/u;
// Titles are headlines: they never end like a clause or a list item ("1.微信编辑报送选题；"), and
// never hold a full stop or semicolon ("1.微信编辑报送选题；2.审阅选").
const ENDS_LIKE_A_CLAUSE = /[，,、；;：:。]$/u;
const HOLDS_A_SENTENCE_BREAK = /[。；]/u;
const LONGEST_TITLE = 80;

export function articleCandidate(text: string): ArticleCandidate | null {
  const match = NUMBERED.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const title = match[2].trim();
  if (title.length > LONGEST_TITLE || ENDS_LIKE_A_CLAUSE.test(title) || HOLDS_A_SENTENCE_BREAK.test(title))
    return null;
  return { number: Number(match[1].normalize('NFKC')), title, readsAsDecimal: DECIMAL.test(text) };
}

export interface NumberingContext {
  /** Number of the last article, or null before the first. */
  lastNumber: number | null;
  /** The line follows a section header directly. */
  afterHeader: boolean;
  /** The text just before ends like the end of an article: a source in parentheses or a full stop. */
  previousEndsArticle: boolean;
  /** The text just before ends with a closing parenthesis, as a source does. */
  previousEndsWithSource: boolean;
}

/**
 * A numbered line begins an article when its number is the next one, when it opens a section
 * (numbering may restart in each), or when the text before it closes an article and its number is
 * a plausible slip (a few skipped, or the same number again after a source). Any other numbered
 * line is a list inside an article ("1.微信编辑报送选题；2.审阅选题"), so it stays body text.
 */
export function startsArticle(candidate: ArticleCandidate, context: NumberingContext): boolean {
  const { number } = candidate;
  const { lastNumber } = context;
  // A line that could be a decimal number only starts the article whose number comes next.
  if (candidate.readsAsDecimal) {
    const expected = number === (lastNumber ?? 0) + 1 || (context.afterHeader && number === 1);
    return expected && context.previousEndsArticle;
  }
  if (lastNumber === null || context.afterHeader || number === lastNumber + 1) return true;
  if (context.previousEndsArticle && number > lastNumber && number <= lastNumber + 4) return true;
  return context.previousEndsWithSource && number <= lastNumber;
}
