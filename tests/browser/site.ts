// Browser tests' site: the real bulletin plus a second issue, built once per test file and served on 127.0.0.1.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSite } from '../../src/site/build.ts';
import { type StaticServer, serveStatic } from '../../src/site/static-server.ts';
import { bundledContentCopy, temporaryDirectory } from '../support/temp.ts';

const ROOT = path.join(import.meta.dirname, '../..');
export const OUTPUT_DIR = path.join(ROOT, 'tests/.output');
export const PATH_PREFIX = '/jb/';

/** One page of each kind the site has, by URL relative to the site root. */
export const PAGES = {
  home: '',
  issue: 'issues/2014-08-21/',
  article: 'issues/2014-08-14/3/',
  longWordArticle: 'issues/2014-08-21/1/',
  section: 'sections/overseas-egov/',
  sectionYear: 'sections/overseas-egov/2014/',
  archive: 'archive/',
  sections: 'sections/',
  sources: 'sources/',
  source: 'sources/xin-hua-wang/',
  about: 'about/',
  search: 'search/',
  notFound: 'no-such-page/',
} as const;

export type PageKind = keyof typeof PAGES;

export interface ServedSite {
  /** The built site folder. */
  dir: string;
  server: StaticServer;
  /** Absolute URL of a page, e.g. url('archive/'). */
  url(page: string): string;
}

/**
 * The repo's bulletin (2014-08-14) and a copy of it as a second issue (2014-08-21) with an editor's
 * note, a long Latin word in a title and a long URL in the text, so pagers, the archive, the note and
 * line breaking inside long words are all on some page.
 */
export async function buildAndServeSite(): Promise<ServedSite> {
  const content = bundledContentCopy('browser-content');
  const real = readFileSync(path.join(content, 'issues/2014-08-14.txt'), 'utf8');
  const second = real
    .replace('title: 电子政务简报 第1期', 'title: 电子政务简报 第2期')
    .replace('date: 2014-08-14', 'date: 2014-08-21\nnote: "**编者按**：本期为测试用的副本。"')
    .replace('issue: 1', 'issue: 2')
    .replace(
      '1.SK 电讯与新西兰电信将共建物联网',
      '1.SK 电讯与新西兰电信将共建物联网InternetOfThingsCooperationAgreement',
    )
    .replace(
      '物联网（IoT）',
      '物联网（IoT，https://www.example.org/internet-of-things/cooperation/2014/memorandum-of-understanding.html）',
    );
  if (second === real) throw new Error('the second issue must differ from the first');
  writeFileSync(path.join(content, 'issues/2014-08-21.txt'), second);
  const dir = path.join(temporaryDirectory('browser-site'), '_site');
  await buildSite({ contentDir: content, outDir: dir, pathPrefix: PATH_PREFIX });
  const server = await serveStatic({ root: dir, pathPrefix: PATH_PREFIX });
  return { dir, server, url: (page) => `${server.url}${page}` };
}
