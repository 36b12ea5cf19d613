// The command line: exit codes, JSON shape, messages for people.

import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { removeTemporaryDirectories, temporaryDirectory } from '../support/temp.ts';

afterAll(removeTemporaryDirectories);

const ROOT = path.join(import.meta.dirname, '../..');
const REAL_ISSUE = path.join(ROOT, 'content/issues/2014-08-14.txt');

const run = runCli;

function tempFile(name: string, content: string | Uint8Array): string {
  const file = path.join(temporaryDirectory('cli'), name);
  writeFileSync(file, content);
  return file;
}

describe('jianbao parse', () => {
  it('prints exactly the documented JSON shape', async () => {
    const { code, stdout } = await run(
      'parse',
      REAL_ISSUE,
      '--json',
      '--content',
      path.join(ROOT, 'content'),
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['file', 'meta', 'sections', 'warnings']);
    expect(json.meta).toEqual({ title: '电子政务简报 第1期', date: '2014-08-14', issue: 1 });
    expect(Object.keys(json.sections[0])).toEqual(['title', 'slug', 'articles']);
    expect(json.sections[0].articles[0]).toMatchObject({
      number: 1,
      title: 'SK 电讯与新西兰电信将共建物联网',
      source: '中国信息产业网',
      line: 8,
    });
    expect(Object.keys(json.sections[0].articles[0])).toEqual([
      'number',
      'title',
      'source',
      'line',
      'paragraphs',
    ]);
  });

  it('prints a readable outline by default', async () => {
    const { code, stdout } = await run('parse', REAL_ISSUE);
    expect(code).toBe(0);
    expect(stdout).toContain('4 sections, 22 articles, 22 with a source, 0 warnings');
    expect(stdout).toContain('【云计算与大数据】 cloud-bigdata');
    expect(stdout).toContain('22. 昆明发改委首次利用新媒体 邀请市民参与规划编制');
  });

  it('prints warnings with file and line on stderr and still succeeds', async () => {
    const file = tempFile('2014-08-21.txt', '【新栏目】\n1.标题\n正文。\n');
    const { code, stderr } = await run('parse', file, '--json');
    expect(code).toBe(0);
    expect(stderr).toContain(`${file}:1: warning: unknown section 【新栏目】`);
    expect(stderr).toContain(`${file}:2: warning: article 1 「标题」 has no source`);
  });

  it('exits 1 with FILE:LINE and no stack trace on input it cannot use', async () => {
    for (const [name, content, line] of [
      ['2014-08-21.txt', '', 1],
      ['2014-08-22.txt', '【国外电子政务】\n\n只有文字。\n', 1],
      ['2014-08-23.txt', new Uint8Array([0x41, 0x0a, 0x00, 0x01]), 2],
    ] as const) {
      const file = tempFile(name, content);
      const { code, stderr } = await run('parse', file);
      expect(code).toBe(1);
      expect(stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}: `));
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 1 naming the file when it has no date', async () => {
    const file = tempFile('bulletin.txt', '【国外电子政务】\n1.标题\n正文。（新华网）\n');
    expect(await run('parse', file)).toMatchObject({
      code: 1,
      stderr: `${file}:1: no date for this issue: add front matter "date: YYYY-MM-DD", put YYYY-MM-DD in the file name, or pass --date YYYY-MM-DD`,
    });
    expect((await run('parse', file, '--date', '2014-08-21')).code).toBe(0);
  });

  it('exits 2 on wrong usage', async () => {
    expect((await run('parse')).code).toBe(2);
    expect((await run('parse', 'a', 'b')).code).toBe(2);
    expect((await run('parse', REAL_ISSUE, '--bogus')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('parse', REAL_ISSUE, '--issue', 'x')).code).toBe(2);
  });

  it('runs as the jianbao binary', () => {
    const stdout = execFileSync(
      process.execPath,
      [path.join(ROOT, 'bin/jianbao.js'), 'parse', REAL_ISSUE, '--json'],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(stdout).sections).toHaveLength(4);
    const failed = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/jianbao.js'), 'parse', '/nonexistent/2014-01-01.txt'],
      { encoding: 'utf8' },
    );
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^\/nonexistent\/2014-01-01\.txt:1: cannot read the file \(ENOENT\)/);
  });
});
