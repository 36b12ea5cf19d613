// The real bulletin against its hand-written expectation (tests/fixtures/real-bulletin/expected.json).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, parseBulletinText } from '../../src/bulletin/index.ts';
import type { Article } from '../../src/bulletin/types.ts';
import { splitFrontMatter } from '../../src/content/bulletin-file.ts';
import { characterCounts, droppedCharacters, parsedCharacters } from './text-stream.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const REAL_FILE = path.join(ROOT, '../shared/bulletins/000_2f0c7bfec1af380f.txt');
const CONTENT_COPY = path.join(ROOT, 'content/issues/2014-08-14.txt');
const expected: { sections: { title: string; slug: string; line: number; articles: Article[] }[] } =
  JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/real-bulletin/expected.json'), 'utf8'));

const text = decodeBytes(readFileSync(REAL_FILE), REAL_FILE).text;
const parsed = parseBulletinText(text, { file: REAL_FILE });

describe('the real bulletin', () => {
  it('has the four sections with their slugs and header lines', () => {
    expect(parsed.sections.map(({ title, slug, line }) => ({ title, slug, line }))).toEqual(
      expected.sections.map(({ title, slug, line }) => ({ title, slug, line })),
    );
  });

  it('has all 22 articles with the hand-read titles, numbers, sources, lines and paragraphs', () => {
    const articles = parsed.sections.flatMap((section) => section.articles);
    expect(articles).toHaveLength(22);
    expect(parsed.sections.map((section) => section.articles)).toEqual(
      expected.sections.map((section) => section.articles),
    );
  });

  it('parses without a warning or a preface', () => {
    expect(parsed.warnings).toEqual([]);
    expect(parsed.preface).toEqual([]);
  });

  it('loses nothing but whitespace, the page number, the 【】 brackets, article numbers and source parentheses', () => {
    const dropped = droppedCharacters(text, parsedCharacters(parsed));
    expect(dropped).not.toBeNull();
    const numbers = expected.sections
      .flatMap((section) => section.articles.map((article) => `${article.number}.`))
      .join('');
    // Counted by reading the bulletin: 20 sources in full-width parentheses, 2 in ASCII ones
    // ("(中国电子政务网)", "(国际在线)"), 4 section headers, and the page number "2" at line 57.
    const allowed = `${numbers}2${'【】'.repeat(4)}${'（）'.repeat(20)}${'()'.repeat(2)}`;
    expect(characterCounts(dropped ?? [])).toEqual(characterCounts(allowed));
  });

  it('is stored in content/issues with front matter in front of the same text', () => {
    const copy = splitFrontMatter(readFileSync(CONTENT_COPY, 'utf8'), CONTENT_COPY);
    expect(copy.frontMatter).toMatchObject({ title: '电子政务简报 第1期', issue: 1 });
    expect(copy.body).toBe(text);
    const fromCopy = parseBulletinText(copy.body, { file: CONTENT_COPY, firstLine: copy.bodyFirstLine });
    expect(fromCopy.sections[0]?.articles[0]?.line).toBe(3 + copy.bodyFirstLine - 1);
  });

  it('reads the same articles when the markers and blank lines are gone (compact layout, ends inferred)', () => {
    const compact = text
      .split('\n')
      .map((line) => line.trimEnd())
      .filter((line) => line !== '')
      .join('\n');
    const inferred = parseBulletinText(compact, { file: 'compact' });
    const summary = (sections: typeof expected.sections) =>
      sections.flatMap((section) =>
        section.articles.map(({ number, title, source }) => ({ number, title, source })),
      );
    expect(summary(inferred.sections as typeof expected.sections)).toEqual(summary(expected.sections));
    expect(droppedCharacters(compact, parsedCharacters(inferred))).not.toBeNull();
  });
});
