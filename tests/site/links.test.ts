// Every link of the built site leads somewhere on the site: a breadth-first crawl from the home page, served
// under a path prefix and at "/".
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.ts';
import { serveStatic } from '../../src/site/static-server.ts';
import { decodeEntities, listFiles } from '../support/site-files.ts';
import { bundledContentCopy, removeTemporaryDirectories, temporaryDirectory } from '../support/temp.ts';

/** Attributes whose value the browser requests or navigates to. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'data-index-url', 'data-site-root']);

interface Crawl {
  /** Site-relative paths ("" is the home page) that answered 200, in the order they were reached. */
  reached: string[];
  /** "FROM → URL: status" for every link that did not answer 200. */
  broken: string[];
  /** "FROM → URL" for links that leave the site, or use the site URL where only a path belongs. */
  outside: string[];
  /** "FROM → #id" for fragments naming no element of their page. */
  missingTargets: string[];
}

/** The repo's bulletin plus a copy dated a week later, so pagers and lists of issues have links too. */
function twoIssueContent(): string {
  const content = bundledContentCopy('links-content');
  const real = readFileSync(path.join(content, 'issues/2014-08-14.txt'), 'utf8');
  writeFileSync(
    path.join(content, 'issues/2014-08-21.txt'),
    real
      .replace('date: 2014-08-14', 'date: 2014-08-21')
      .replace('issue: 1', 'issue: 2')
      .replace('第1期', '第2期'),
  );
  return content;
}

/** Tags with their attributes; Eleventy and our templates always quote attributes with double quotes. */
function tagsIn(html: string): { name: string; attributes: Map<string, string>; inHead: boolean }[] {
  const headEnd = html.indexOf('</head>');
  return [...html.matchAll(/<([a-zA-Z][\w-]*)\b([^>]*)>/g)].map((match) => ({
    name: (match[1] ?? '').toLowerCase(),
    attributes: new Map(
      [...(match[2] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((attribute) => [
        (attribute[1] ?? '').toLowerCase(),
        decodeEntities(attribute[2] ?? ''),
      ]),
    ),
    inHead: match.index < headEnd,
  }));
}

/** A site-relative path as a message shows it: the home page is "" in links but "(home)" here. */
function where(page: string): string {
  return page === '' ? '(home)' : page;
}

async function crawl(origin: string, prefix: string, siteUrl: string): Promise<Crawl> {
  const result: Crawl = { reached: [], broken: [], outside: [], missingTargets: [] };
  const ids = new Map<string, Set<string>>();
  const fragmentLinks: { from: string; page: string; id: string }[] = [];
  const queued = new Set<string>();
  const queue: { page: string; from: string }[] = [];

  /** Queues a site-relative path ("archive/", "css/site.css") and notes a fragment to check later. */
  const follow = (from: string, relative: string) => {
    const [page = '', id] = relative.split('#');
    if (id) fragmentLinks.push({ from, page, id });
    if (!queued.has(page)) {
      queued.add(page);
      queue.push({ page, from });
    }
  };
  /** A link written as a path under the prefix, e.g. "/jb/sub/archive/". */
  const internal = (from: string, url: string) => {
    if (url.startsWith(prefix) && !url.startsWith('//')) follow(from, url.slice(prefix.length));
    else result.outside.push(`${where(from)} → ${url}`);
  };
  /** A link written with the site's public address, allowed in feeds, the sitemap and <head>. */
  const published = (from: string, url: string) => {
    if (url.startsWith(siteUrl)) follow(from, url.slice(siteUrl.length));
    else result.outside.push(`${where(from)} → ${url}`);
  };

  follow('(start)', '');
  follow('(start)', 'robots.txt');
  while (queue.length > 0) {
    const { page, from } = queue.shift() as { page: string; from: string };
    const response = await fetch(`${origin}${prefix}${page}`, { redirect: 'manual' });
    const body = await response.text();
    if (response.status !== 200) {
      result.broken.push(`${where(from)} → ${where(page)}: ${response.status}`);
      continue;
    }
    result.reached.push(page);
    const type = response.headers.get('content-type') ?? '';
    if (type.startsWith('text/html')) {
      const pageIds = new Set([...body.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1] ?? ''));
      ids.set(page, pageIds);
      for (const tag of tagsIn(body)) {
        for (const [name, value] of tag.attributes) {
          if (!URL_ATTRIBUTES.has(name)) continue;
          const rel = tag.attributes.get('rel') ?? '';
          if (value.startsWith('#')) fragmentLinks.push({ from: page, page, id: value.slice(1) });
          else if (
            tag.name === 'link' &&
            tag.inHead &&
            /^(canonical|alternate)$/.test(rel) &&
            /^https?:/.test(value)
          )
            published(page, value);
          else internal(page, value);
        }
      }
    } else if (type.startsWith('application/xml')) {
      for (const match of body.matchAll(/<link [^>]*href="([^"]*)"|<(?:loc|id)>([^<]*)</g))
        published(page, decodeEntities(match[1] ?? match[2] ?? ''));
    } else if (type.startsWith('text/plain')) {
      for (const match of body.matchAll(/^Sitemap: (\S+)$/gm)) published(page, match[1] ?? '');
    } else if (type.startsWith('text/css')) {
      for (const match of body.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
        const url = match[1] ?? '';
        if (url.startsWith('data:')) continue;
        internal(page, new URL(url, `${origin}${prefix}${page}`).pathname);
      }
    }
  }
  for (const link of fragmentLinks) {
    const target = ids.get(link.page);
    if (target && !target.has(link.id))
      result.missingTargets.push(`${where(link.from)} → ${where(link.page)}#${link.id}`);
  }
  return result;
}

/**
 * Site-relative path of each built file as a link names it: "archive/index.html" → "archive/". Dot files
 * (the build's own bookkeeping, such as .jianbao-build.json) are not pages and are left out.
 */
function builtPaths(dir: string): string[] {
  return listFiles(dir)
    .filter((file) => !file.split('/').some((part) => part.startsWith('.')))
    .map((file) => file.replace(/(^|\/)index\.html$/, '$1'));
}

describe.each(['/jb/sub/', '/'])('the site served under %s', (prefix) => {
  let dir: string;
  let result: Crawl;

  beforeAll(async () => {
    dir = path.join(temporaryDirectory('links-site'), '_site');
    const built = await buildSite({ contentDir: twoIssueContent(), outDir: dir, pathPrefix: prefix });
    const server = await serveStatic({ root: dir, pathPrefix: prefix });
    try {
      result = await crawl(new URL(server.url).origin, prefix, built.model.settings.url);
    } finally {
      await server.close();
    }
  });
  afterAll(removeTemporaryDirectories);

  it('answers 200 for every link, feed entry and sitemap address reached from the home page', () => {
    expect(result.broken).toEqual([]);
    expect(result.reached.length).toBeGreaterThan(80);
  });

  it('reaches every file of the site from the home page, except the 404 page', () => {
    // The search index (search/index.json and its shards) is fetched by the search page's script, not linked.
    const linkable = builtPaths(dir).filter((file) => !/^search\/(?!index\.html$)/.test(file));
    const unreached = linkable.filter((file) => !result.reached.includes(file));
    expect(unreached).toEqual(['404.html']);
  });

  it('links only to paths under the prefix, to fragments, and to the site URL only from <head>, feeds and the sitemap', () => {
    expect(result.outside).toEqual([]);
  });

  it('points every fragment at an element of its page', () => {
    expect(result.missingTargets).toEqual([]);
  });
});
