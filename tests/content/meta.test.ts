// Issue metadata from front matter, file name and flags.
import { describe, expect, it } from 'vitest';
import { BulletinError } from '../../src/bulletin/errors.ts';
import { splitFrontMatter } from '../../src/content/bulletin-file.ts';
import { parseContentConfig } from '../../src/content/config.ts';
import { resolveMeta } from '../../src/content/meta.ts';

const meta = (file: string, text: string, overrides = {}) => {
  const split = splitFrontMatter(text, file);
  return resolveMeta({
    file,
    frontMatter: split.frontMatter,
    frontMatterText: split.frontMatterText,
    overrides,
    siteTitle: '电子政务简报',
  });
};
const failure = (run: () => unknown): BulletinError => {
  try {
    run();
  } catch (error) {
    if (error instanceof BulletinError) return error;
  }
  throw new Error('expected a BulletinError');
};

describe('issue metadata', () => {
  it('reads title, date and issue from front matter', () =>
    expect(meta('a.txt', '---\ntitle: 第一期\ndate: 2014-08-14\nissue: 1\n---\n正文')).toEqual({
      title: '第一期',
      date: '2014-08-14',
      issue: 1,
    }));
  it('reads a quoted date too', () =>
    expect(meta('a.txt', '---\ndate: "2014-08-14"\n---\n').date).toBe('2014-08-14'));
  it('takes the date from the file name without front matter', () =>
    expect(meta('issues/2014-08-21.txt', '正文')).toEqual({
      title: '电子政务简报 2014-08-21',
      date: '2014-08-21',
      issue: null,
    }));
  it('names an issue by its number when it has one', () =>
    expect(meta('2014-08-21.txt', '---\nissue: 2\n---\n').title).toBe('电子政务简报 第2期'));
  it('lets flags win over front matter', () =>
    expect(
      meta('a.txt', '---\ndate: 2014-08-14\n---\n', { date: '2014-09-01', issue: 3, title: 'T' }),
    ).toEqual({ title: 'T', date: '2014-09-01', issue: 3 }));
  it('keeps an editor note from front matter', () =>
    expect(meta('2014-08-21.txt', '---\nnote: "**注意**"\n---\n').note).toBe('**注意**'));
  it('refuses a bulletin with no date anywhere, naming the file', () =>
    expect(failure(() => meta('bulletins/new.txt', '正文')).message).toMatch(
      /^bulletins\/new\.txt:1: no date for this issue/,
    ));
  it('refuses an impossible date on its front matter line', () => {
    const error = failure(() => meta('a.txt', '---\ntitle: x\ndate: "2014-02-30"\n---\n'));
    expect([error.line, error.reason]).toEqual([3, '"2014-02-30" is not a date of the form YYYY-MM-DD']);
  });
  it('refuses an issue number that is not a whole number', () =>
    expect(failure(() => meta('2014-08-21.txt', '---\nissue: abc\n---\n')).line).toBe(2));
  it('refuses front matter that is not YAML, with its line', () =>
    expect(failure(() => meta('a.txt', '---\ntitle: [\n---\n')).line).toBe(3));
});

describe('front matter', () => {
  it('tells on which line the bulletin text starts', () =>
    expect(splitFrontMatter('---\r\ndate: 2014-08-14\r\n---\r\n【x】', 'a').bodyFirstLine).toBe(4));
  it('leaves a text without front matter whole', () =>
    expect(splitFrontMatter('【x】\n1.t', 'a')).toMatchObject({
      body: '【x】\n1.t',
      bodyFirstLine: 1,
      frontMatter: {},
    }));
});

describe('content/site.yaml', () => {
  it('extends the built-in section map and keeps defaults', () => {
    const config = parseContentConfig('title: 简报\nsections:\n  政务公开: open-gov\n', 'site.yaml');
    expect(config.site.title).toBe('简报');
    expect(config.site.url).toBe('http://localhost/');
    expect(config.sectionSlugs).toMatchObject({ 政务公开: 'open-gov', 国外电子政务: 'overseas-egov' });
  });
  it('refuses a slug that is not ASCII, naming its line', () =>
    expect(
      failure(() => parseContentConfig('title: x\nsections:\n  政务公开: 政务\n', 'site.yaml')).message,
    ).toMatch(/^site\.yaml:3: /));
});
