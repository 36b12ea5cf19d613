// Rebuilding in place after an issue's text was edited (as `serve` does): the pages that show the text
// change, the others are left alone, and the result is what a full build of the same content gives.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.ts';
import { fileHashes } from '../support/site-files.ts';
import { bundledContentCopy, removeTemporaryDirectories, temporaryDirectory } from '../support/temp.ts';

afterAll(removeTemporaryDirectories);

describe('an incremental rebuild after an edit', () => {
  it('renders the edited paragraph again, leaves other articles alone, equals a full build', async () => {
    const work = temporaryDirectory('incremental');
    const content = bundledContentCopy('incremental-content');
    const out = path.join(work, '_site');
    const cacheDir = path.join(work, 'cache');
    await buildSite({ contentDir: content, outDir: out, cacheDir });
    expect(existsSync(path.join(cacheDir, 'parsed.v8'))).toBe(true); // the build saved its parses

    // Article 5, 国外大数据安全应对战略考察, opens with this sentence; no other article has it.
    const issueFile = path.join(content, 'issues/2014-08-14.txt');
    const text = readFileSync(issueFile, 'utf8');
    expect(text.split('忧惧与日俱增')).toHaveLength(2);
    writeFileSync(issueFile, text.replace('忧惧与日俱增', '关切日渐加深'));
    const untouched = path.join(out, 'issues/2014-08-14/9/index.html');
    const untouchedInode = statSync(untouched).ino;

    const result = await buildSite({ contentDir: content, outDir: out, cacheDir, incremental: true });
    expect(result.incremental).toBe(true);
    expect(readFileSync(path.join(out, 'issues/2014-08-14/5/index.html'), 'utf8')).toContain('关切日渐加深');
    expect(readFileSync(path.join(out, 'issues/2014-08-14/index.html'), 'utf8')).toContain('关切日渐加深');
    expect(statSync(untouched).ino).toBe(untouchedInode);

    const full = path.join(work, 'full');
    await buildSite({ contentDir: content, outDir: full });
    expect(fileHashes(out)).toEqual(fileHashes(full));
  });

  it('removes the pages of an issue taken out of the content folder, and equals a full build', async () => {
    const work = temporaryDirectory('incremental-removed');
    const content = bundledContentCopy('incremental-removed-content');
    const earlier = path.join(content, 'issues/2014-08-07.txt');
    writeFileSync(earlier, '【信息化建设】\n1.一篇早些的文章\n早些的正文。（人民网）\n');
    const out = path.join(work, '_site');
    const cacheDir = path.join(work, 'cache');
    await buildSite({ contentDir: content, outDir: out, cacheDir });
    expect(existsSync(path.join(out, 'issues/2014-08-07/1/index.html'))).toBe(true);

    rmSync(earlier);
    const result = await buildSite({ contentDir: content, outDir: out, cacheDir, incremental: true });
    expect(result.incremental).toBe(true);
    expect(result.removed).toBeGreaterThanOrEqual(2);
    expect(existsSync(path.join(out, 'issues/2014-08-07'))).toBe(false);
    const full = path.join(work, 'full');
    await buildSite({ contentDir: content, outDir: full });
    expect(fileHashes(out)).toEqual(fileHashes(full));
  });
});
