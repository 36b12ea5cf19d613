// Page fingerprints taken over from the previous build must be exactly what hashing every page again
// gives: an issue's own pages are reused only while what they are made of is unchanged.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTION_SLUGS } from '../../src/bulletin/slugs.ts';
import type { Bulletin } from '../../src/bulletin/types.ts';
import { parseBulletinBytes } from '../../src/content/bulletin-file.ts';
import { DEFAULT_SITE } from '../../src/content/config.ts';
import type { MetaOverrides } from '../../src/content/meta.ts';
import { type PageFingerprints, pageFingerprints, pagesGone } from '../../src/site/fingerprints.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import { selectAllPages } from '../../src/site/selection.ts';

function bulletin(date: string, text: string, overrides: MetaOverrides = {}): Bulletin {
  return parseBulletinBytes(Buffer.from(text), `content/issues/${date}.txt`, {
    sectionSlugs: DEFAULT_SECTION_SLUGS,
    siteTitle: DEFAULT_SITE.title,
    overrides,
  });
}

const first = bulletin(
  '2020-01-03',
  '【国外电子政务】\n1.标题一\n正文一。（新华网）\n2.标题二\n正文二。（人民网）\n',
);
const second = bulletin('2020-01-10', '【云计算与大数据】\n1.标题三\n正文三。（东方网）\n');
const third = bulletin('2020-01-17', '【国外电子政务】\n1.标题四\n正文四。（人民网）\n');
// 心华网 reads xin-hua-wang like 新华网 and sorts before it: it takes the plain slug, and 新华网's
// articles, in the first issue, move to xin-hua-wang-2.
const added = bulletin('2020-01-24', '【信息化建设】\n1.标题五\n正文五。（心华网）\n');

function fingerprints(bulletins: Bulletin[], previous: PageFingerprints | null = null) {
  return pageFingerprints(selectAllPages(buildSiteModel(bulletins, DEFAULT_SITE)), previous);
}

/** Every page's fingerprint by kind and URL, issues' groups spread out. */
function flat(fingerprints: PageFingerprints): Record<string, string> {
  const pages = { ...fingerprints.pages };
  for (const [url, group] of Object.entries(fingerprints.issues)) {
    pages[`issues:${url}`] = group.page;
    for (const [article, hash] of Object.entries(group.articles)) pages[`articles:${article}`] = hash;
  }
  return pages;
}

/** The previous fingerprints with every page's marked, so that the ones taken over show. */
function marked(previous: PageFingerprints): PageFingerprints {
  const mark = (hashes: Record<string, string>) =>
    Object.fromEntries(Object.entries(hashes).map(([page, hash]) => [page, `old:${hash}`]));
  const issues = Object.fromEntries(
    Object.entries(previous.issues).map(([url, group]) => [
      url,
      { key: group.key, page: `old:${group.page}`, articles: mark(group.articles) },
    ]),
  );
  return { issues, pages: mark(previous.pages) };
}

function reusedPages(result: PageFingerprints): string[] {
  const pages = flat(result);
  return Object.keys(pages)
    .filter((page) => pages[page]?.startsWith('old:'))
    .sort();
}

describe('page fingerprints taken over from the previous build', () => {
  it('after an added issue equal a fresh hashing, reusing only issues nothing reached', () => {
    const before = fingerprints([first, second, third]);
    const model = buildSiteModel([first, second, third, added], DEFAULT_SITE);
    expect(model.articles[0]?.source?.url).toBe('sources/xin-hua-wang-2/');

    expect(fingerprints([first, second, third, added], before)).toEqual(
      fingerprints([first, second, third, added]),
    );
    // The first issue's source moved, the third issue's next link is new: only the second is reused.
    expect(reusedPages(fingerprints([first, second, third, added], marked(before)))).toEqual([
      'articles:issues/2020-01-10/1/',
      'issues:issues/2020-01-10/',
    ]);
  });

  it('after a retitled issue equal a fresh hashing, its neighbours hashed again', () => {
    const before = fingerprints([first, second, third, added]);
    const retitled = bulletin('2020-01-10', '【云计算与大数据】\n1.标题三\n正文三。（东方网）\n', {
      title: '第二期',
    });
    const after = [first, retitled, third, added];
    expect(fingerprints(after, before)).toEqual(fingerprints(after));
    expect(reusedPages(fingerprints(after, marked(before)))).toEqual([
      'articles:issues/2020-01-24/1/',
      'issues:issues/2020-01-24/',
    ]);
  });

  it('are not taken over when the issue key differs', () => {
    const before = fingerprints([first, second, third]);
    const edited = bulletin('2020-01-10', '【云计算与大数据】\n1.标题三\n正文已改。（东方网）\n');
    const reused = reusedPages(fingerprints([first, edited, third], marked(before)));
    expect(reused.filter((page) => page.includes('2020-01-10'))).toEqual([]);
    expect(reused).toContain('issues:issues/2020-01-03/');
  });

  it('tell the pages that are gone: a removed issue with its articles, an article cut from an issue', () => {
    const three = fingerprints([first, second, third]);
    expect(pagesGone(fingerprints([first, second]), three).sort()).toEqual([
      'issues/2020-01-17/',
      'issues/2020-01-17/1/',
      // 人民网 and 国外电子政务 2020 remain, through the first issue
    ]);
    const shorter = bulletin('2020-01-03', '【国外电子政务】\n1.标题一\n正文一。（新华网）\n');
    const gone = pagesGone(fingerprints([shorter, second, third], three), three);
    expect(gone.sort()).toEqual(['issues/2020-01-03/2/']);
    expect(pagesGone(fingerprints([first, second, third], three), three)).toEqual([]);
  });

  it('reach the next issue when the last article of an issue is retitled, and follow its number', () => {
    const before = fingerprints([first, second, third]);
    // The first issue's last article, 标题二, is the previous article of the second issue's first.
    const retitled = bulletin(
      '2020-01-03',
      '【国外电子政务】\n1.标题一\n正文一。（新华网）\n2.标题二改\n正文二。（人民网）\n',
    );
    const after = [retitled, second, third];
    expect(fingerprints(after, before)).toEqual(fingerprints(after));
    expect(reusedPages(fingerprints(after, marked(before)))).toEqual([
      'articles:issues/2020-01-17/1/',
      'issues:issues/2020-01-17/',
    ]);
    const numbered = bulletin('2020-01-17', '【国外电子政务】\n1.标题四\n正文四。（人民网）\n', { issue: 7 });
    const renumbered = fingerprints([first, second, numbered], marked(before));
    expect(reusedPages(renumbered).filter((page) => page.includes('2020-01-17'))).toEqual([]);
  });
});
