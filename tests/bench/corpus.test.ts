import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateCorpus, writeCorpus } from '../../src/bench/corpus.ts';
import { readBack, withDefaults } from './read-back.ts';

// One corpus for the read-only tests: generating the vocabulary is the slow part.
const corpus = generateCorpus({ issues: 60, seed: 7 });
const articlesOf = (issue: (typeof corpus)[number]) =>
  issue.model.sections.flatMap((section) => section.articles);

describe('generateCorpus', () => {
  test('gives the same corpus for the same seed and another for another seed', () => {
    const again = generateCorpus({ issues: 3, seed: 7 });
    expect(again).toEqual(corpus.slice(0, 3));
    expect(generateCorpus({ issues: 1, seed: 8 })[0]?.text).not.toBe(corpus[0]?.text);
  });

  test('dates issues weekly from 2005-01-07 and names each file by its date', () => {
    expect(corpus.slice(0, 3).map((issue) => issue.date)).toEqual(['2005-01-07', '2005-01-14', '2005-01-21']);
    expect(corpus[52]?.date).toBe('2006-01-06');
    for (const issue of corpus) expect(issue.fileName).toBe(`${issue.date}.txt`);
  });

  test('keeps every file between 15 and 25 KB, like the real 18.7 KB issue', () => {
    const sizes = corpus.map((issue) => Buffer.byteLength(issue.text, 'utf8'));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(15_000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(25_000);
  });

  test('writes no body line that looks like an article number', () => {
    for (const issue of corpus) {
      const numbered = issue.text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /^\d+[.．、](?!\d)/.test(line));
      expect(numbered).toEqual(articlesOf(issue).map((article) => `${article.number}.${article.title}`));
    }
  });

  test('uses the four known sections in order and numbers articles continuously', () => {
    for (const issue of corpus) {
      const known = issue.model.sections
        .map((section) => section.title)
        .filter((title) => ['国外电子政务', '云计算与大数据', '政务平台建设', '信息化建设'].includes(title));
      expect(known).toEqual(['国外电子政务', '云计算与大数据', '政务平台建设', '信息化建设']);
      expect(articlesOf(issue).map((article) => article.number)).toEqual(
        articlesOf(issue).map((_, index) => index + 1),
      );
    }
  });

  test('writes articles of 1 to 4 paragraphs under titles of 8 to 30 characters', () => {
    for (const article of corpus.flatMap(articlesOf)) {
      expect(article.paragraphs.length).toBeGreaterThanOrEqual(1);
      expect(article.paragraphs.length).toBeLessThanOrEqual(4);
      expect(article.title.length).toBeGreaterThanOrEqual(8);
      expect(article.title.length).toBeLessThanOrEqual(30);
    }
  });

  test('writes text that reads back exactly as its model', () => {
    for (const issue of corpus.slice(0, 20)) expect(readBack(issue.text)).toEqual(withDefaults(issue.model));
  });

  test('draws words with a long tail: many bigrams occur in one issue, few in every issue', () => {
    const issuesHolding = new Map<string, number>();
    for (const issue of corpus) {
      const bigrams = new Set<string>();
      for (const run of issue.text.match(/\p{Script=Han}+/gu) ?? []) {
        for (let index = 0; index + 1 < run.length; index++) bigrams.add(run.slice(index, index + 2));
      }
      for (const bigram of bigrams) issuesHolding.set(bigram, (issuesHolding.get(bigram) ?? 0) + 1);
    }
    const counts = [...issuesHolding.values()];
    const share = (test: (count: number) => boolean) => counts.filter(test).length / counts.length;
    expect(share((count) => count === 1)).toBeGreaterThan(0.4);
    expect(share((count) => count === corpus.length)).toBeLessThan(0.01);
  });
});

describe('writeCorpus', () => {
  test('writes one UTF-8 file per issue, named by date', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jianbao-corpus-'));
    try {
      await writeCorpus(join(dir, 'corpus'), corpus.slice(0, 2));
      expect(await readdir(join(dir, 'corpus'))).toEqual(['2005-01-07.txt', '2005-01-14.txt']);
      expect(await readFile(join(dir, 'corpus', '2005-01-14.txt'), 'utf8')).toBe(corpus[1]?.text);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
