// Loading the content folder through the parse cache: unchanged files are not read again, an edited file
// always is, and a file written a moment ago is read until it has settled.
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { slugFromTitle } from '../../src/bulletin/slugs.ts';
import { loadContent } from '../../src/content/load.ts';
import { bundledContentCopy, removeTemporaryDirectories, temporaryDirectory } from '../support/temp.ts';

afterAll(removeTemporaryDirectories);

function contentWithTwoIssues(label: string): string {
  const content = bundledContentCopy(label);
  writeFileSync(
    path.join(content, 'issues/2014-08-07.txt'),
    '【信息化建设】\n1.一篇早些的文章\n早些的正文。（人民网）\n',
  );
  return content;
}

describe('the content folder with a parse cache', () => {
  // This test relies on the file system's nanosecond times (ext4, tmpfs, btrfs, xfs).
  it('reads only the files written since their parse was cached, once they have settled', async () => {
    const content = contentWithTwoIssues('load-settled');
    const cacheDir = temporaryDirectory('load-settled-cache');
    const load = async () => {
      const loaded = await loadContent(content, { cacheDir, settledAfterMs: 0 });
      await loaded.saveCache?.();
      return loaded;
    };
    const first = await load();
    expect(first.read).toBe(2);
    const second = await load();
    expect(second.read).toBe(0);
    expect(second.bulletins).toEqual(first.bulletins);

    // The same size, and the modification time set back: the change time still tells.
    const file = path.join(content, 'issues/2014-08-07.txt');
    const { atime, mtime } = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('早些的正文', '晚些的正文'));
    utimesSync(file, atime, mtime);
    const third = await load();
    expect(third.read).toBe(1);
    expect(third.bulletins[0]?.sections[0]?.articles[0]?.paragraphs).toEqual(['晚些的正文。']);
  });

  it('keeps the pinyin slugs it made, and takes those it finds as they are', async () => {
    const content = contentWithTwoIssues('load-slugs');
    const cacheDir = temporaryDirectory('load-slugs-cache');
    const file = path.join(cacheDir, 'parsed.v8');
    const stored = () => deserialize(readFileSync(file)) as { slugs: Record<string, string> };
    const [made, found] = ['某某时报', '从未见过的来源'];
    const loaded = await loadContent(content, { cacheDir });
    expect(slugFromTitle(made)).toBe('mou-mou-shi-bao');
    await loaded.saveCache?.();
    expect(stored().slugs[made]).toBe('mou-mou-shi-bao');
    // A slug found in the cache is taken as it is, not made again.
    writeFileSync(
      file,
      serialize({ ...stored(), slugs: { ...stored().slugs, [found]: 'taken-from-the-cache' } }),
    );
    await loadContent(content, { cacheDir });
    expect(slugFromTitle(found)).toBe('taken-from-the-cache');
  });

  it('reads a file written a moment ago every time, until it has stood unchanged a while', async () => {
    const content = contentWithTwoIssues('load-racy');
    const cacheDir = temporaryDirectory('load-racy-cache');
    for (let run = 0; run < 2; run++) {
      // Two seconds by default; a minute here, so that a slow machine cannot make the files settle.
      const loaded = await loadContent(content, { cacheDir, settledAfterMs: 60_000 });
      await loaded.saveCache?.();
      expect(loaded.read).toBe(2);
    }
  });
});
