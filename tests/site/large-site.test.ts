// A site of 100 generated issues (2,000+ articles): the search index is built in a second process.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../src/bench/corpus.ts';
import { loadContent } from '../../src/content/load.ts';
import { buildSite } from '../../src/site/build.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import { writeSearch } from '../../src/site/search-files.ts';
import { fileHashes } from '../support/site-files.ts';
import { removeTemporaryDirectories, temporaryDirectory } from '../support/temp.ts';

afterAll(removeTemporaryDirectories);

describe('a large site', () => {
  it('indexes in a second process and writes the same index as one process would', async () => {
    const work = temporaryDirectory('large');
    const content = path.join(work, 'content');
    await writeCorpus(path.join(content, 'issues'), generateCorpus({ issues: 100, seed: 3 }));
    const result = await buildSite({ contentDir: content, outDir: path.join(work, '_site') });
    expect(result.articles).toBeGreaterThanOrEqual(2000);

    const loaded = await loadContent(content);
    const alone = path.join(work, 'alone');
    await writeSearch(buildSiteModel(loaded.bulletins, loaded.config.site), alone);
    const built = path.join(work, 'built-search');
    cpSync(path.join(work, '_site/search'), built, {
      recursive: true,
      filter: (file) => !file.endsWith('index.html'),
    });
    expect(fileHashes(built)).toEqual(fileHashes(path.join(alone, 'search')));
  }, 120_000);
});
