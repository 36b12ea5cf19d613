// What a query must find, computed the slow and obvious way: the oracle for tests and the benchmark.

import { documentText, queryTerms } from './tokenize.ts';

/** The indexes of the documents whose normalised text contains every term of the query. */
export function truth(
  query: string,
  docs: readonly { title: string; paragraphs: readonly string[] }[],
): number[] {
  return truthOfTexts(query, docs.map(documentText));
}

/** The same over precomputed documentText values (the benchmark asks many queries of 22,000 documents). */
export function truthOfTexts(query: string, texts: readonly string[]): number[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const found: number[] = [];
  texts.forEach((text, index) => {
    if (terms.every((term) => text.includes(term))) found.push(index);
  });
  return found;
}
