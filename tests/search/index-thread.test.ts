// The search index built in a worker thread: the same files as in the calling thread, a stamp known
// before the index is built, and nothing written until write(), nothing at all after abandon().
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus } from '../../src/bench/corpus.ts';
import { indexStamp, layoutFor, writeSearchIndex } from '../../src/search/build-index.ts';
import { planSearchIndexInThread, startIndexThread } from '../../src/search/index-thread.ts';
import { fileHashes } from '../support/site-files.ts';
import { corpusDocuments, realBulletinDocuments } from './fixture-docs.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'jianbao-index-thread-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const docs = [...realBulletinDocuments(), ...corpusDocuments(generateCorpus({ issues: 2, seed: 3 }))];

/** The documents, each noting in `read` when its paragraphs are read (to be sent to the thread). */
function countingTextReads(list: typeof docs) {
  const read = new Set<number>();
  const counted = list.map((doc, i) => {
    const { paragraphs, ...rest } = doc;
    return Object.defineProperty(rest, 'paragraphs', {
      enumerable: true,
      get: () => {
        read.add(i);
        return paragraphs;
      },
    }) as typeof doc;
  });
  return { counted, read };
}

describe('the search index in a worker thread', () => {
  test('writes the same files as in the calling thread, once told to, under the stamp it gave first', async () => {
    const [inThread, here] = [join(work, 'thread'), join(work, 'here')];
    const planned = await planSearchIndexInThread(docs, inThread);
    expect(await planned.stamp).toBe(await indexStamp(docs, layoutFor(docs.length)));
    expect(existsSync(join(inThread, 'search'))).toBe(false);
    const result = await planned.write();
    await writeSearchIndex(docs, here);
    expect(fileHashes(inThread)).toEqual(fileHashes(here));
    const entry = JSON.parse(await readFile(join(inThread, 'search', 'index.json'), 'utf8'));
    expect(entry.stamp).toBe(await planned.stamp);
    expect(result.stamp).toBe(await planned.stamp);
  });

  test('started before its documents with reading ahead, appends exactly as a full build', async () => {
    const [outDir, fresh, cacheDir] = [
      join(work, 'ahead'),
      join(work, 'ahead-fresh'),
      join(work, 'ahead-cache'),
    ];
    const firstIssues = docs.slice(0, -5);
    await writeSearchIndex(firstIssues, outDir, { cacheDir });
    const thread = startIndexThread(outDir, { cacheDir }, true);
    const planned = await thread.plan(docs);
    const result = await planned.write();
    await writeSearchIndex(docs, fresh);
    expect(result.reused).toBe(firstIssues.length);
    expect(fileHashes(outDir)).toEqual(fileHashes(fresh));
    await thread.abandon(); // stopped already by write(): stopping again is harmless
  });

  test('is sent the text of the new documents only, and asks for the rest when it must build in full', async () => {
    const withKeys = docs.map((doc, i) => ({ ...doc, textKey: `key-${i}` }));
    const [outDir, fresh, cacheDir] = [
      join(work, 'lean'),
      join(work, 'lean-fresh'),
      join(work, 'lean-cache'),
    ];
    const firstCount = withKeys.length - 5;
    await writeSearchIndex(withKeys.slice(0, firstCount), outDir, { cacheDir });
    await writeSearchIndex(withKeys, fresh);
    const { counted, read } = countingTextReads(withKeys);

    const appending = startIndexThread(outDir, { cacheDir }, true);
    expect((await (await appending.plan(counted, undefined, firstCount)).write()).reused).toBe(firstCount);
    expect(fileHashes(outDir)).toEqual(fileHashes(fresh));
    // The new documents, and those sharing their documents file: the file is written again.
    const chunkSize = layoutFor(withKeys.length).chunkSize;
    expect(Math.min(...read)).toBe(Math.floor(firstCount / chunkSize) * chunkSize);

    read.clear();
    const building = await planSearchIndexInThread(counted, join(work, 'lean-full'), {
      paragraphsFrom: firstCount,
    });
    expect((await building.write()).reused).toBe(0);
    expect(fileHashes(join(work, 'lean-full'))).toEqual(fileHashes(fresh));
    expect(read.size).toBe(withKeys.length);
  });

  test('abandoned before its documents arrive (reading ahead), ends, and writes nothing', async () => {
    const [outDir, cacheDir] = [join(work, 'never-planned'), join(work, 'never-planned-cache')];
    await writeSearchIndex(docs.slice(0, -5), outDir, { cacheDir });
    const before = fileHashes(outDir);
    const thread = startIndexThread(outDir, { cacheDir }, true);
    await thread.abandon();
    const planned = await thread.plan(docs);
    await expect(planned.stamp).rejects.toThrow(/stopped/);
    await expect(planned.write()).rejects.toThrow(/stopped/);
    expect(fileHashes(outDir)).toEqual(before);
  });

  test('a failure before the stamp rejects the stamp and write(), with its own message', async () => {
    const thread = startIndexThread(join(work, 'unstamped'));
    const planned = await thread.plan([null as unknown as (typeof docs)[number]]);
    await expect(planned.stamp).rejects.toThrow(/null/);
    await expect(planned.write()).rejects.toThrow(/null/);
  });

  test('stops the thread when abandoned: nothing is written, and it cannot be written any more', async () => {
    const outDir = join(work, 'abandoned');
    const planned = await planSearchIndexInThread(docs, outDir);
    await planned.abandon();
    await expect(planned.write()).rejects.toThrow(/stopped/);
    expect(existsSync(outDir)).toBe(false);
  });

  test('gives another stamp when a document changes', async () => {
    const layout = layoutFor(docs.length);
    const changed = docs.map((doc, i) => (i === 5 ? { ...doc, title: `${doc.title}！` } : doc));
    expect(await indexStamp(changed, layout)).not.toBe(await indexStamp(docs, layout));
    expect(await indexStamp(docs, { ...layout, chunkSize: 4 })).not.toBe(await indexStamp(docs, layout));
  });

  test('reports a failure in the thread as an error of write(), and refuses an unusable layout at once', async () => {
    const file = join(work, 'a-file');
    await writeFile(file, 'not a folder');
    const planned = await planSearchIndexInThread(docs, join(file, 'site'));
    await expect(planned.write()).rejects.toThrow(/ENOTDIR/);
    await expect(
      planSearchIndexInThread(docs, join(work, 'bad'), { layout: { shardCount: 3, chunkSize: 8 } }),
    ).rejects.toThrow(/unusable index layout/);
  });
});
