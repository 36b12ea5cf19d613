// The small rules of the format, one line a case.
import { describe, expect, it } from 'vitest';
import { articleCandidate, startsArticle } from '../../src/bulletin/article-numbers.ts';
import { joinBrokenLines } from '../../src/bulletin/blocks.ts';
import { decodeBytes } from '../../src/bulletin/decode.ts';
import { classifyLine } from '../../src/bulletin/lines.ts';
import { slugFromTitle } from '../../src/bulletin/slugs.ts';
import { splitSource } from '../../src/bulletin/sources.ts';

describe('joining broken lines', () => {
  const _ = (left: string, right: string, joined: string) =>
    it(`"${left}" + "${right}" → "${joined}"`, () => expect(joinBrokenLines(left, right)).toBe(joined));
  _('电信已', '达成协议', '电信已达成协议');
  _('迎接', '2020 年东京', '迎接2020 年东京');
  _('出口额连续 15', '年居全国首位', '出口额连续 15年居全国首位');
  _('make London a', 'world leader', 'make London a world leader');
  _('connectivity,', 'said', 'connectivity, said');
  _('规律的 2.', '0时代', '规律的 2.0时代');
  _('e-', 'government', 'e-government');
  _('（中商', '情报网）', '（中商情报网）');
});

describe('article numbers', () => {
  const candidate = (text: string, expected: { number: number; title: string } | null) =>
    it(`"${text}" → ${expected ? `article ${expected.number}` : 'text'}`, () =>
      expect(articleCandidate(text)).toEqual(expected && { readsAsDecimal: false, ...expected }));
  candidate('1.SK 电讯与新西兰电信将共建物联网', { number: 1, title: 'SK 电讯与新西兰电信将共建物联网' });
  candidate('12、武汉政务大数据年内开放', { number: 12, title: '武汉政务大数据年内开放' });
  candidate('１２．全角数字', { number: 12, title: '全角数字' });
  candidate('3．全角句点', { number: 3, title: '全角句点' });
  candidate('4. 5G 首都城市', { number: 4, title: '5G 首都城市' });
  candidate('2014 年 8 月 12 日', null);
  candidate('1.微信编辑报送选题；2.审阅选', null);
  candidate('5.发布。', null);
  candidate('99.95%以上', { number: 99, title: '95%以上', readsAsDecimal: true } as never);
  it('reads "2.0 时代" as a decimal that may only start the next article', () => {
    const decimal = articleCandidate('2.0 时代') ?? { number: 0, title: '', readsAsDecimal: false };
    expect(decimal).toEqual({ number: 2, title: '0 时代', readsAsDecimal: true });
    const after = { afterHeader: false, previousEndsArticle: true, previousEndsWithSource: true };
    expect(startsArticle(decimal, { ...after, lastNumber: 5 })).toBe(false);
    expect(startsArticle(decimal, { ...after, lastNumber: 1 })).toBe(true);
  });

  const context = {
    lastNumber: 17,
    afterHeader: false,
    previousEndsArticle: true,
    previousEndsWithSource: true,
  };
  it('takes the next number as an article', () =>
    expect(startsArticle({ number: 18, title: 't', readsAsDecimal: false }, context)).toBe(true));
  it('takes a restart after a section header', () =>
    expect(
      startsArticle({ number: 1, title: 't', readsAsDecimal: false }, { ...context, afterHeader: true }),
    ).toBe(true));
  it('takes a duplicate after a source', () =>
    expect(startsArticle({ number: 17, title: 't', readsAsDecimal: false }, context)).toBe(true));
  it('takes a skipped number after a sentence end', () =>
    expect(
      startsArticle(
        { number: 20, title: 't', readsAsDecimal: false },
        { ...context, previousEndsWithSource: false },
      ),
    ).toBe(true));
  it('keeps a list item inside an article as text', () =>
    expect(
      startsArticle(
        { number: 1, title: '微信编辑报送选题', readsAsDecimal: false },
        { ...context, previousEndsWithSource: false },
      ),
    ).toBe(false));
  it('keeps a far-off number as text', () =>
    expect(
      startsArticle(
        { number: 40, title: 't', readsAsDecimal: false },
        { ...context, previousEndsWithSource: false },
      ),
    ).toBe(false));
});

describe('sources', () => {
  const _ = (paragraphs: string[], source: string | null, rest: string[]) =>
    it(`${JSON.stringify(paragraphs)} → ${source ?? 'no source'}`, () =>
      expect(splitSource(paragraphs)).toEqual({ paragraphs: rest, source }));
  _(['合作。（中国信息产业网）'], '中国信息产业网', ['合作。']);
  _(['表示。(中国电子政务网)'], '中国电子政务网', ['表示。']);
  _(['方法等。（中商', '情报网）'], '中商情报网', ['方法等。']);
  _(['正文。', '（新华网）'], '新华网', ['正文。']);
  _(['“一朵云”(云服务平台)开放平台。'], null, ['“一朵云”(云服务平台)开放平台。']);
  _(['报告（中文版）发布。'], null, ['报告（中文版）发布。']);
  _(['他说（这很重要。）'], null, ['他说（这很重要。）']);
  _([], null, []);
});

describe('lines', () => {
  const kind = (raw: string, expected: string) =>
    it(`"${raw}" is ${expected}`, () => expect(classifyLine(raw, 1).kind).toBe(expected));
  kind('2 ', 'page-number');
  kind('- 2 -', 'page-number');
  kind('— 12 —', 'page-number');
  kind('第 2 页', 'page-number');
  kind('第2页 共8页', 'page-number');
  kind('3 / 8', 'page-number');
  kind(' \t\u3000', 'blank');
  kind('\f', 'blank');
  kind(' 【国外电子政务】 ', 'header');
  kind('亮点 2 ', 'content');
  kind('2014 年', 'content');
  it('notes a trailing space as a paragraph mark', () =>
    expect(classifyLine('拓展至智慧农业领域。 ', 1).trailingSpace).toBe(true));
  it('notes indentation but not a single stray space', () => {
    expect(classifyLine('   英国首都伦敦', 1).indented).toBe(true);
    expect(classifyLine(' 约翰逊称', 1).indented).toBe(false);
    expect(classifyLine('\u3000\u3000据悉', 1).indented).toBe(true);
  });
});

describe('section slugs from titles', () => {
  const _ = (title: string, slug: string) =>
    it(`${title} → ${slug}`, () => expect(slugFromTitle(title)).toBe(slug));
  _('政务公开', 'zheng-wu-gong-kai');
  _('5G 与 IPv6', '5g-yu-ipv6');
  _('绿色发展', 'lv-se-fa-zhan');
  _('★☆', 'section');
});

describe('decoding', () => {
  const text = '【国外电子政务】\n1.标题';
  const _ = (name: string, bytes: Uint8Array, encoding: string) =>
    it(`detects ${name}`, () => expect(decodeBytes(bytes, 'x.txt')).toEqual({ text, encoding }));
  _('UTF-8', new TextEncoder().encode(text), 'utf-8');
  _('UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8');
  _(
    'UTF-16LE with BOM',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    'utf-16le',
  );
  _(
    'UTF-16BE with BOM',
    Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    'utf-16be',
  );
  // 国外 in GBK
  it('detects GBK / GB18030', () =>
    expect(decodeBytes(Buffer.from([0xb9, 0xfa, 0xcd, 0xe2]), 'x.txt')).toEqual({
      text: '国外',
      encoding: 'gb18030',
    }));
  it('refuses a file of random control bytes', () =>
    expect(() => decodeBytes(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 0x41]), 'x.bin')).toThrow(
      /^x\.bin:1: this does not look like text/,
    ));
});
