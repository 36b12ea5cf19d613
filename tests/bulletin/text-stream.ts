// Test support: the "nothing lost" check, comparing a bulletin's text with what the parser kept.
import type { BulletinBody } from '../../src/bulletin/types.ts';

/** Every character of the parsed bulletin in document order, whitespace left out. */
export function parsedCharacters(body: BulletinBody): string {
  const parts: string[] = [...body.preface];
  for (const section of body.sections) {
    parts.push(section.title, ...section.preface);
    for (const article of section.articles)
      parts.push(article.title, ...article.paragraphs, article.source ?? '');
  }
  return withoutWhitespace(parts.join(''));
}

export function withoutWhitespace(text: string): string {
  return text.replace(/[\s\u200b\ufeff]+/gu, '');
}

/**
 * The input characters the parser did not keep, in order, if what it kept is an in-order subsequence
 * of the input; null if the parser kept a character that is not there or changed the order.
 */
export function droppedCharacters(input: string, kept: string): string[] | null {
  const source = [...withoutWhitespace(input)];
  const dropped: string[] = [];
  let position = 0;
  for (const char of kept) {
    while (position < source.length && source[position] !== char) dropped.push(source[position++] as string);
    if (position === source.length) return null;
    position++;
  }
  dropped.push(...source.slice(position));
  return dropped;
}

/** Counts characters, for comparing multisets of dropped characters. */
export function characterCounts(characters: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const char of characters) counts[char] = (counts[char] ?? 0) + 1;
  return counts;
}
