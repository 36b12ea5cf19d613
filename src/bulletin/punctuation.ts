// How lines end: the punctuation that tells a paragraph's or an article's end in wrapped text.

/** A sentence end, possibly followed by closing quotes or brackets: "。", "键。”", "……。）". */
export const ENDS_SENTENCE = /[。！？!?；;：:…．.][”’」』）)\]]*$/u;

/** A closing parenthesis, as a source ends an article: "（新华网）", "(国际在线)". */
export const ENDS_WITH_PARENTHESIS = /[）)]$/u;

export function endsLikeParagraph(text: string): boolean {
  // An end-anchored pattern still scans from the start; the last few characters are all it needs.
  const end = text.slice(-8);
  return ENDS_SENTENCE.test(end) || ENDS_WITH_PARENTHESIS.test(end);
}
