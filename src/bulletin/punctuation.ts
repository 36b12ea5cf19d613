// How lines end: the punctuation that tells a paragraph's or an article's end in wrapped text.

/** A sentence end, possibly followed by closing quotes or brackets: "。", "键。”", "……。）". */
export const ENDS_SENTENCE = /[。！？!?；;：:…．.][”’」』）)\]]*$/u;

/** A closing parenthesis, as a source ends an article: "（新华网）", "(国际在线)". */
export const ENDS_WITH_PARENTHESIS = /[）)]$/u;

export function endsLikeParagraph(text: string): boolean {
  return ENDS_SENTENCE.test(text) || ENDS_WITH_PARENTHESIS.test(text);
}
