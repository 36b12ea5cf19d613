// `jianbao build` as the installed binary runs it: from the CLI's bundle, with the search index built by
// the bundle's own worker thread (index-worker.js), not through the TypeScript sources.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTemporaryDirectories, temporaryDirectory } from '../support/temp.ts';

const ROOT = path.join(import.meta.dirname, '../..');

afterAll(removeTemporaryDirectories);

describe('jianbao build, as the binary', () => {
  it('builds the bundled bulletin with its search index, the page carrying the index stamp', () => {
    const work = temporaryDirectory('binary-build');
    const built = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/jianbao.js'), 'build', '--content', path.join(ROOT, 'content'), '--out', '_site'],
      { cwd: work, encoding: 'utf8', env: { ...process.env, JIANBAO_TIMINGS: '1' } },
    );
    expect(built.stderr).not.toContain('running through tsx');
    expect(built.status).toBe(0);
    const entry = JSON.parse(readFileSync(path.join(work, '_site/search/index.json'), 'utf8'));
    expect(entry.docCount).toBe(22);
    const page = readFileSync(path.join(work, '_site/search/index.html'), 'utf8');
    expect(page).toContain(`data-index-stamp="${entry.stamp}"`);
    // Run from another folder than jianbao's own, as an installed binary is: the assets still come along.
    for (const asset of ['css/site.css', 'favicon.svg']) {
      expect(readFileSync(path.join(work, '_site', asset))).toEqual(
        readFileSync(path.join(ROOT, 'public', asset)),
      );
    }
  });
});
