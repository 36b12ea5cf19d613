// `jianbao add`: a new issue is checked, stored and published, touching only what it changes.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.ts';
import { runCli } from '../support/cli.ts';
import { fileHashes } from '../support/site-files.ts';
import { bundledContentCopy, removeTemporaryDirectories, temporaryDirectory } from '../support/temp.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const REAL = path.join(ROOT, '../shared/bulletins/000_2f0c7bfec1af380f.txt');

let content: string;
let out: string;
let work: string;

beforeEach(async () => {
  work = temporaryDirectory('add');
  content = bundledContentCopy('add-content');
  out = path.join(work, '_site');
  await buildSite({ contentDir: content, outDir: out });
});
afterAll(removeTemporaryDirectories);

const add = (...args: string[]) => runCli('add', ...args, '--content', content, '--out', out);

describe('jianbao add', () => {
  it('stores the issue with front matter, numbered after the last one, and publishes it', async () => {
    const result = await add(REAL, '--date', '2014-08-21');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      '电子政务简报 第2期 (2014-08-21): 4 sections (国外电子政务、云计算与大数据、政务平台建设、信息化建设), 22 articles, 21 sources, 0 warnings',
    );
    const stored = readFileSync(path.join(content, 'issues/2014-08-21.txt'), 'utf8');
    expect(stored.startsWith("---\ntitle: 电子政务简报 第2期\ndate: '2014-08-21'\nissue: 2\n---\n")).toBe(
      true,
    );
    expect(stored.endsWith(readFileSync(REAL, 'utf8'))).toBe(true);
    expect(readFileSync(path.join(out, 'issues/2014-08-21/22/index.html'), 'utf8')).toContain(
      '昆明发改委首次利用新媒体',
    );
    expect(readFileSync(path.join(out, 'issues/2014-08-14/index.html'), 'utf8')).toContain(
      'href="/issues/2014-08-21/"',
    );
  });

  it('gives the same bytes as a full rebuild of the same content', async () => {
    expect((await add(REAL, '--date', '2014-08-21')).code).toBe(0);
    const full = path.join(work, 'full');
    await buildSite({ contentDir: content, outDir: full });
    expect(fileHashes(out)).toEqual(fileHashes(full));
  });

  it('leaves files whose bytes do not change untouched', async () => {
    const unchanged = path.join(out, 'issues/2014-08-14/5/index.html');
    const changed = path.join(out, 'issues/2014-08-14/22/index.html');
    const before = { unchanged: statSync(unchanged).ino, changed: statSync(changed).ino };
    expect((await add(REAL, '--date', '2014-08-21')).code).toBe(0);
    expect(statSync(unchanged).ino).toBe(before.unchanged);
    expect(statSync(changed).ino).not.toBe(before.changed);
  });

  it('writes nothing anywhere when the bulletin cannot be used, and says FILE:LINE', async () => {
    const bad = path.join(work, 'bad.txt');
    writeFileSync(bad, '【国外电子政务】\n\n只有文字，没有文章。\n');
    const siteBefore = fileHashes(out);
    const result = await add(bad, '--date', '2014-08-21');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${bad}:1: no article found: articles begin with a numbered title line such as "1.标题" or "1、标题"`,
    );
    expect(readdirSync(path.join(content, 'issues'))).toEqual(['2014-08-14.txt']);
    expect(fileHashes(out)).toEqual(siteBefore);
  });

  it('asks for a date when neither the file name nor front matter gives one', async () => {
    const result = await add(REAL);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'no date for this issue: add front matter "date: YYYY-MM-DD", put YYYY-MM-DD in the file name, or pass --date YYYY-MM-DD',
    );
  });

  it('refuses to overwrite an issue of the same date unless --force', async () => {
    const refused = await add(REAL, '--date', '2014-08-14');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'an issue dated 2014-08-14 is already there; pass --force to replace it',
    );
    const forced = await add(REAL, '--date', '2014-08-14', '--title', '修订版', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'issues/2014-08-14/index.html'), 'utf8')).toContain('<h1>修订版</h1>');
  });

  it('prints warnings with the line numbers of the new file', async () => {
    const file = path.join(work, '2014-08-28.txt');
    writeFileSync(file, '【新栏目】\n1.标题\n正文。\n');
    const result = await add(file);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`${file}:1: warning: unknown section 【新栏目】`);
    expect(result.stderr).toContain(`${file}:2: warning: article 1 「标题」 has no source`);
    expect(readFileSync(path.join(out, 'sections/xin-lan-mu/index.html'), 'utf8')).toContain(
      '<h1>新栏目</h1>',
    );
  });
});
