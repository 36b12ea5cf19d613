// `jianbao serve`: serves the built site on 127.0.0.1 and picks up a bulletin dropped into content/issues.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Output } from '../../src/commands/output.ts';
import { runServe } from '../../src/commands/serve.ts';
import { bundledContentCopy, removeTemporaryDirectories, temporaryDirectory } from '../support/temp.ts';

const ROOT = path.join(import.meta.dirname, '../..');
afterAll(removeTemporaryDirectories);

describe('jianbao serve', () => {
  it('serves under the path prefix and publishes a new bulletin without a restart', async () => {
    const work = temporaryDirectory('serve');
    const content = bundledContentCopy('serve-content');
    const lines: string[] = [];
    const output: Output = { print: () => {}, error: (line) => lines.push(line), interactive: false };
    const waitFor = async (pattern: RegExp) => {
      for (let tries = 0; tries < 300; tries++) {
        const found = lines.find((line) => pattern.test(line));
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no line matching ${pattern} in:\n${lines.join('\n')}`);
    };
    let stop: () => void = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const serving = runServe(
      { contentDir: content, outDir: path.join(work, '_site'), pathPrefix: '/jb/', port: 0, stop: stopped },
      output,
      String,
    );
    try {
      const url = (await waitFor(/^serving http:\/\/127\.0\.0\.1:\d+\/jb\//)).split(' ')[1] ?? '';
      const home = await fetch(url);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('SK 电讯与新西兰电信将共建物联网');
      expect((await fetch(`${url}issues/2014-08-21/`)).status).toBe(404);

      const issue = readFileSync(path.join(ROOT, '../shared/bulletins/000_2f0c7bfec1af380f.txt'), 'utf8');
      writeFileSync(
        path.join(content, 'issues/2014-08-21.txt'),
        `---\ndate: 2014-08-21\nissue: 2\n---\n${issue}`,
      );
      await waitFor(/^updated: 2 issues, 44 articles/);
      const added = await fetch(`${url}issues/2014-08-21/`);
      expect(added.status).toBe(200);
      expect(await added.text()).toContain('<h1>电子政务简报 第2期</h1>');

      writeFileSync(path.join(content, 'issues/2014-08-28.txt'), '【国外电子政务】\n\n只有文字。\n');
      await waitFor(/the site was left as it was/);
      expect((await fetch(`${url}issues/2014-08-21/`)).status).toBe(200);
    } finally {
      stop();
      expect(await serving).toBe(0);
    }
  }, 90_000);
});
