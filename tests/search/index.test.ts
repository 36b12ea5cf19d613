import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus } from '../../src/bench/corpus.ts';
import { readAheadForAppend, writeSearchIndex } from '../../src/search/build-index.ts';
import { lastDocId } from '../../src/search/postings.ts';
import { type LoadSearchFile, queryFiles, SearchIndex } from '../../src/search/query.ts';
import { readShardDirectory } from '../../src/search/shard.ts';
import { appendToShards, buildShards } from '../../src/search/shard-builder.ts';
import { mergeDirectory } from '../../src/search/shard-merge.ts';
import { documentText } from '../../src/search/tokenize.ts';
import { truth } from '../../src/search/truth.ts';
import type { SearchDocument } from '../../src/search/types.ts';
import { corpusDocuments, edgeCaseDocuments, realBulletinDocuments } from './fixture-docs.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'jianbao-search-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

let folders = 0;
const folder = () => join(work, `site-${folders++}`);

const diskLoader =
  (outDir: string): LoadSearchFile =>
  async (path) =>
    new Uint8Array(await readFile(join(outDir, 'search', path)));

async function openIndex(docs: SearchDocument[]): Promise<SearchIndex> {
  const outDir = folder();
  await writeSearchIndex(docs, outDir);
  return SearchIndex.open(diskLoader(outDir));
}

async function foundIds(index: SearchIndex, query: string): Promise<number[]> {
  return (await index.search(query)).hits.map((hit) => hit.doc).sort((a, b) => a - b);
}

/** Every file under a folder, by relative path. */
async function readTree(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(relative(root, path), await readFile(path));
    }
  }
  return files;
}

const fixtureDocs = [
  ...realBulletinDocuments(),
  ...corpusDocuments(generateCorpus({ issues: 2, seed: 7 })),
  ...edgeCaseDocuments(),
];

describe('queries over the real bulletin, generated issues and edge cases', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await openIndex(fixtureDocs);
  });

  const queries = [
    ['数据', 'a two-character word inside longer words (大数据)'],
    ['数据安', 'a three-character piece of a phrase (大数据安全)'],
    ['大数据安全', 'a five-character phrase'],
    ['王江平', 'a name inside a sentence'],
    ['江平', 'a two-character name inside a longer one'],
    ['据', 'a single character'],
    ['5G', 'a Latin term with a digit, whatever the spacing around it'],
    ['ipv6', 'a Latin term in lower case written IPv6 and ＩＰｖ６'],
    ['HTTPS', 'an upper-case Latin term written https too'],
    ['2014', 'a number'],
    ['2014年', 'a number and a character written "2014 年"'],
    ['SK电讯', 'a Latin word and characters written "SK 电讯"'],
    ['ａｂｃ１２３', 'a full-width query'],
    ['数据 安全', 'two terms'],
    ['云计算 政务 规划', 'three terms'],
    ['open data', 'two Latin words'],
    ['pen dat', 'pieces of Latin words'],
    ['电子政务发展战略考察', 'a phrase that occurs nowhere'],
    ['量子纠缠', 'words that occur nowhere'],
  ] as const;
  for (const [query, what] of queries) {
    test(`finds exactly the documents containing ${what}: ${query}`, async () => {
      const expected = truth(query, fixtureDocs);
      expect(await foundIds(index, query)).toEqual(expected);
    });
  }

  test('names, from the query and shard count alone, exactly the index files a search reads', async () => {
    const outDir = folder();
    await writeSearchIndex(fixtureDocs, outDir);
    const { shardCount } = JSON.parse(await readFile(join(outDir, 'search', 'index.json'), 'utf8'));
    for (const [query] of queries) {
      const read = new Set<string>();
      const recording: LoadSearchFile = (path, version) => {
        if (path.startsWith('grams/') || path.startsWith('positions/')) read.add(path);
        return diskLoader(outDir)(path, version);
      };
      await (await SearchIndex.open(recording)).search(query);
      expect(queryFiles(query, shardCount).sort(), query).toEqual([...read].sort());
    }
  });

  test('has results for the queries meant to have some', async () => {
    for (const query of [
      '数据安',
      '王江平',
      '5G',
      'ipv6',
      'HTTPS',
      '2014年',
      'SK电讯',
      'ａｂｃ１２３',
      'pen dat',
    ]) {
      expect((await index.search(query)).hits.length, query).toBeGreaterThan(0);
    }
  });

  test('ranks documents with the term in the title before the others', async () => {
    const { hits } = await index.search('数据');
    const titleHits = hits.filter((hit) => hit.titleTerms > 0).length;
    expect(titleHits).toBeGreaterThan(0);
    expect(hits.slice(0, titleHits).every((hit) => hit.titleTerms > 0)).toBe(true);
    const docs = await index.documents(hits.slice(0, titleHits).map((hit) => hit.doc));
    for (const doc of docs) expect(documentText({ title: doc.title, paragraphs: [] })).toContain('数据');
  });

  test('ranks documents where the term occurs more often higher among equals', async () => {
    const { hits } = await index.search('王江平');
    expect(hits.length).toBe(2);
    expect((await index.documents([hits[0]?.doc as number]))[0]?.title).toBe('人名测试');
  });

  test('returns the stored title, section, date and url of a result', async () => {
    const { hits } = await index.search('全角测试');
    expect(await index.documents(hits.map((hit) => hit.doc))).toEqual([
      expect.objectContaining({
        title: 'ＡＢＣ１２３全角测试',
        sectionSlug: 'overseas-egov',
        sectionTitle: '国外电子政务',
        date: '2015-01-08',
        issueTitle: '电子政务简报 第99期',
        url: 'issues/2015-01-08/1/',
      }),
    ]);
  });

  test('filters by section, year and issue', async () => {
    const all = (await index.search('数据')).hits.map((hit) => hit.doc);
    const ids = async (filters: object) =>
      (await index.search('数据', filters)).hits.map((hit) => hit.doc).sort((a, b) => a - b);
    const where = (keep: (doc: SearchDocument) => boolean) =>
      all.filter((doc) => keep(fixtureDocs[doc] as SearchDocument)).sort((a, b) => a - b);
    expect(await ids({ section: 'cloud-bigdata' })).toEqual(
      where((doc) => doc.sectionSlug === 'cloud-bigdata'),
    );
    expect(await ids({ year: '2014' })).toEqual(where((doc) => doc.date.startsWith('2014')));
    expect(await ids({ issue: '2015-01-08' })).toEqual(where((doc) => doc.date === '2015-01-08'));
    expect(await ids({ section: 'overseas-egov', year: '2015' })).toEqual(
      where((doc) => doc.sectionSlug === 'overseas-egov' && doc.date.startsWith('2015')),
    );
    expect(await ids({ year: '1999' })).toEqual([]);
  });

  test('finds nothing for an empty query', async () => {
    expect((await index.search('   ')).hits).toEqual([]);
  });
});

describe('substring semantics for any text', () => {
  const alphabet = [
    '数',
    '据',
    '安',
    '全',
    '大',
    'a',
    'b',
    'A',
    'Ｂ',
    '1',
    '２',
    ' ',
    '　',
    '，',
    'é',
    'e\u0301',
    '𠀀',
    'Σ',
  ];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((chars) => chars.join(''));
  const docs = fc.array(
    fc.record({ title: text, paragraphs: fc.array(text, { maxLength: 3 }) }).map(
      (doc): SearchDocument => ({
        ...doc,
        url: 'a/',
        sectionSlug: 's',
        sectionTitle: 'S',
        date: '2014-01-01',
        issueTitle: 'I',
      }),
    ),
    { minLength: 1, maxLength: 12 },
  );

  test('finds exactly the documents whose text contains every term, for random documents and queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        docs,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean(), text), { minLength: 1, maxLength: 6 }),
        async (documents, picks) => {
          const index = await openIndex(documents);
          const texts = documents.map(documentText);
          for (const [which, from, length, fromText, random] of picks) {
            // Mostly a piece of a document's normalised text, sometimes arbitrary text.
            const source = [...(texts[which % texts.length] as string)];
            const start = from % (source.length + 1);
            const query = fromText ? source.slice(start, start + 1 + (length % 6)).join('') : random;
            expect(await foundIds(index, query), query).toEqual(truth(query, documents));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('appending to shards', () => {
  const text = fc
    .array(fc.constantFrom('数', '据', '安', '全', 'a', 'b', ' ', '\n', '𠀀'), { maxLength: 25 })
    .map((chars) => chars.join(''));

  test('gives the same bytes as building all documents at once, for random documents, splits and shard counts, with or without the directories found ahead', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.constantFrom(1, 2, 8),
        fc.boolean(),
        async (texts, at, shardCount, foundAhead) => {
          const split = at % (texts.length + 1);
          const whole = buildShards(texts, shardCount);
          const first = buildShards(texts.slice(0, split), shardCount);
          const changed = await appendToShards(
            async (shard) => {
              const files = first[shard] as (typeof first)[number];
              return foundAhead ? { ...files, directory: mergeDirectory(files.grams) } : files;
            },
            texts.slice(split),
            split,
            shardCount,
          );
          first.forEach((shard, index) => {
            const appended = changed.get(index) ?? shard;
            expect(Buffer.from(appended.grams)).toEqual(Buffer.from(whole[index]?.grams as Uint8Array));
            expect(Buffer.from(appended.positions)).toEqual(
              Buffer.from(whole[index]?.positions as Uint8Array),
            );
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the last documents of a shard's lists", () => {
  test('are found in one pass as list by list', () => {
    const texts = corpusDocuments(generateCorpus({ issues: 2, seed: 5 })).map(documentText);
    for (const shard of buildShards(texts, 4)) {
      const directory = readShardDirectory(shard.grams);
      const oneByOne = Array.from(directory.keys, (_, i) =>
        lastDocId(shard.grams, directory.docsStart[i] as number, directory.docsEnd[i] as number),
      );
      expect(Array.from(mergeDirectory(shard.grams).lastDocs)).toEqual(oneByOne);
      expect(Math.max(...oneByOne)).toBe(texts.length - 1);
    }
  });
});

describe('index files', () => {
  const firstIssues = [
    ...realBulletinDocuments(),
    ...corpusDocuments(generateCorpus({ issues: 3, seed: 11 })),
  ];
  const nextIssue = edgeCaseDocuments();

  test('are byte-identical when built twice from the same documents', async () => {
    const [a, b] = [folder(), folder()];
    await writeSearchIndex(fixtureDocs, a);
    await writeSearchIndex(fixtureDocs, b);
    expect(await readTree(b)).toEqual(await readTree(a));
  });

  test('start with a versioned entry file', async () => {
    const outDir = folder();
    const result = await writeSearchIndex(fixtureDocs, outDir);
    const entry = JSON.parse(await readFile(join(outDir, 'search', 'index.json'), 'utf8'));
    expect(entry).toMatchObject({ version: 1, docCount: fixtureDocs.length, chunkSize: 8 });
    expect(entry.stamp).toMatch(/^[0-9a-f]{16}$/);
    const tree = await readTree(join(outDir, 'search'));
    expect(result.files).toBe(tree.size);
    expect(result.bytes).toBe([...tree.values()].reduce((sum, bytes) => sum + bytes.length, 0));
  });

  test('appending an issue rewrites only the files that change, byte-identical to a full build', async () => {
    const [appended, fresh, cacheDir] = [folder(), folder(), folder()];
    const first = await writeSearchIndex(firstIssues, appended, { cacheDir });
    expect(first.reused).toBe(0);
    const before = await readTree(appended);
    const mtimes = new Map<string, number>();
    for (const path of before.keys()) mtimes.set(path, (await stat(join(appended, path))).mtimeMs);
    await new Promise((resolve) => setTimeout(resolve, 20));

    const result = await writeSearchIndex([...firstIssues, ...nextIssue], appended, { cacheDir });
    await writeSearchIndex([...firstIssues, ...nextIssue], fresh);
    const after = await readTree(appended);
    expect(after).toEqual(await readTree(fresh));

    expect(result.reused).toBe(firstIssues.length);
    const changed = [...after.keys()].filter((path) => !before.get(path)?.equals(after.get(path) as Buffer));
    expect(result.written).toBe(changed.length);
    expect(changed.length).toBeLessThan(after.size);
    for (const [path, mtime] of mtimes) {
      if (!changed.includes(path)) expect((await stat(join(appended, path))).mtimeMs, path).toBe(mtime);
    }
  });

  test('building again without changes writes nothing', async () => {
    const [outDir, cacheDir] = [folder(), folder()];
    await writeSearchIndex(firstIssues, outDir, { cacheDir });
    const again = await writeSearchIndex(firstIssues, outDir, { cacheDir });
    expect(again).toMatchObject({ written: 0, reused: firstIssues.length });
    expect((await writeSearchIndex(firstIssues, outDir)).written).toBe(0);
  });

  test('falls back to a full build, still identical, when an indexed document changed', async () => {
    const [outDir, fresh, cacheDir] = [folder(), folder(), folder()];
    await writeSearchIndex(firstIssues, outDir, { cacheDir });
    const edited = firstIssues.map((doc, i) => (i === 3 ? { ...doc, title: `${doc.title}（更正）` } : doc));
    const result = await writeSearchIndex([...edited, ...nextIssue], outDir, { cacheDir });
    await writeSearchIndex([...edited, ...nextIssue], fresh);
    expect(result.reused).toBe(0);
    expect(await readTree(outDir)).toEqual(await readTree(fresh));
  });

  test('falls back to a full build when the files on disk are not the cached build', async () => {
    const [outDir, fresh, cacheDir] = [folder(), folder(), folder()];
    await writeSearchIndex(firstIssues, outDir, { cacheDir });
    await writeFile(join(outDir, 'search', 'grams', '0.bin'), 'damaged');
    const all = [...firstIssues, ...nextIssue];
    const result = await writeSearchIndex(all, outDir, { cacheDir });
    await writeSearchIndex(all, fresh);
    expect(await readTree(outDir)).toEqual(await readTree(fresh));
    expect(result.reused === 0 || result.written > 0).toBe(true);
  });

  test('reads ahead every shard an append reads, and uses only what is still the cached build', async () => {
    const [outDir, fresh, cacheDir] = [folder(), folder(), folder()];
    await writeSearchIndex(firstIssues, outDir, { cacheDir });
    const readAhead = await readAheadForAppend(outDir, cacheDir);
    const shards = [...(await readTree(outDir)).keys()].filter((path) =>
      /^search\/(grams|positions)\//.test(path),
    );
    expect([...readAhead.keys()].map((path) => `search/${path}`).sort()).toEqual(shards.sort());

    const all = [...firstIssues, ...nextIssue];
    await writeSearchIndex(all, fresh);
    const appended = await writeSearchIndex(all, outDir, { cacheDir, readAhead });
    expect(appended.reused).toBe(firstIssues.length);
    expect(await readTree(outDir)).toEqual(await readTree(fresh));

    // Bytes read ahead that are not the cached build's are never appended to: the index is built in full.
    const [again, againCache] = [folder(), folder()];
    await writeSearchIndex(firstIssues, again, { cacheDir: againCache });
    const stale = await readAheadForAppend(again, againCache);
    const [first] = stale.keys();
    stale.set(first as string, { bytes: new Uint8Array([1, 2, 3]), hash: 'not the cached hash' });
    const rebuilt = await writeSearchIndex(all, again, { cacheDir: againCache, readAhead: stale });
    expect(rebuilt.reused).toBe(0);
    expect(await readTree(again)).toEqual(await readTree(fresh));
  });

  test('removes files a smaller index no longer has', async () => {
    const [outDir, fresh] = [folder(), folder()];
    await writeSearchIndex(fixtureDocs, outDir);
    await writeSearchIndex(realBulletinDocuments(), outDir);
    await writeSearchIndex(realBulletinDocuments(), fresh);
    expect(await readTree(outDir)).toEqual(await readTree(fresh));
  });

  test('tells a reader of another format version, which still gets results', async () => {
    const outDir = folder();
    await writeSearchIndex(fixtureDocs, outDir);
    const entryPath = join(outDir, 'search', 'index.json');
    const entry = JSON.parse(await readFile(entryPath, 'utf8'));
    await writeFile(entryPath, JSON.stringify({ ...entry, version: entry.version + 1 }));
    const index = await SearchIndex.open(diskLoader(outDir));
    expect(index.versionMismatch).toBe(true);
    expect((await index.search('数据')).hits.length).toBeGreaterThan(0);
  });
});
