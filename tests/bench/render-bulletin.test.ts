import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type BulletinModel,
  type Layout,
  realLayout,
  renderBulletin,
  wrapParagraph,
} from '../../src/bench/render-bulletin.ts';
import { readBack, withDefaults } from './read-back.ts';

/** Two sections, a source split over two lines, a Latin word, an ASCII-parenthesised source. */
const model: BulletinModel = {
  sections: [
    {
      title: '国外电子政务',
      articles: [
        {
          number: 1,
          title: 'SK 电讯共建物联网',
          paragraphs: ['韩国运营商 SK 电讯已达成协议，将展开深度合作。', '二者将在 5G研究方面合作。'],
          source: '中国信息产业网',
        },
      ],
    },
    {
      title: '云计算与大数据',
      articles: [
        {
          number: 2,
          title: '云计算规划启动',
          paragraphs: ['工信部针对云计算的规划已经启动。'],
          source: '人民网',
          sourceParens: 'ascii',
        },
      ],
    },
  ],
};

const realLike: Layout = {
  lineWidth: 10,
  blankBetweenLines: true,
  trailingSpaceAtParagraphEnd: true,
  lineEnding: '\n',
};
const compact: Layout = { ...realLike, blankBetweenLines: false, trailingSpaceAtParagraphEnd: false };

/** The expected text, one string per line; a trailing space is visible inside the quotes. */
function lines(...expected: string[]): string {
  return expected.map((line) => `${line}\n`).join('');
}

describe('renderBulletin', () => {
  test('writes the real layout: a blank line after every line, a space ending headers, titles and paragraphs', () => {
    expect(renderBulletin(model, realLike)).toBe(
      lines(
        '【国外电子政务】 ',
        '',
        '1.SK 电讯共建物联网 ',
        '',
        '韩国运营商 SK 电',
        '',
        '讯已达成协议，将展开',
        '',
        '深度合作。 ',
        '',
        '二者将在 5G研究方',
        '',
        '面合作。（中国信息产',
        '',
        '业网） ',
        '',
        '【云计算与大数据】 ',
        '',
        '2.云计算规划启动 ',
        '',
        '工信部针对云计算的规',
        '',
        '划已经启动。(人民',
        '',
        '网) ',
        '',
      ),
    );
  });

  test('writes the compact layout without blank lines or trailing spaces', () => {
    expect(renderBulletin(model, compact)).toBe(
      lines(
        '【国外电子政务】',
        '1.SK 电讯共建物联网',
        '韩国运营商 SK 电',
        '讯已达成协议，将展开',
        '深度合作。',
        '二者将在 5G研究方',
        '面合作。（中国信息产',
        '业网）',
        '【云计算与大数据】',
        '2.云计算规划启动',
        '工信部针对云计算的规',
        '划已经启动。(人民',
        '网)',
      ),
    );
  });

  test('ends every line with the line ending asked for', () => {
    const short: BulletinModel = { sections: [{ title: '信息化建设', articles: [] }] };
    expect(renderBulletin(short, { ...realLike, lineEnding: '\r\n' })).toBe('【信息化建设】 \r\n\r\n');
    expect(renderBulletin(short, { ...compact, lineEnding: '\r' })).toBe('【信息化建设】\r');
  });

  test('alternates numbered and stray-space page breaks, as lines 53-61 and 93-94 of the real one', () => {
    expect(renderBulletin(model, { ...realLike, pageLength: 4 })).toBe(
      lines(
        '【国外电子政务】 ',
        '',
        '1.SK 电讯共建物联网 ',
        '',
        '韩国运营商 SK 电',
        '',
        '讯已达成协议，将展开',
        '',
        '',
        '',
        '2 ',
        '',
        ' ',
        '',
        '深度合作。 ',
        '',
        '二者将在 5G研究方',
        '',
        '面合作。（中国信息产',
        '',
        '业网） ',
        ' 【云计算与大数据】 ',
        '',
        '2.云计算规划启动 ',
        '',
        '工信部针对云计算的规',
        '',
        '划已经启动。(人民',
        '',
        '',
        '',
        '4 ',
        '',
        ' ',
        '',
        '网) ',
        '',
      ),
    );
  });

  test('writes page numbers in the chosen style', () => {
    const layout: Layout = { ...compact, pageLength: 3, pageBreakStyle: 'numbered' };
    const pageBreak = (style: Layout['pageNumberStyle']) =>
      renderBulletin(model, { ...layout, pageNumberStyle: style })
        .split('\n')
        .slice(2, 7);
    expect(pageBreak('plain')).toEqual(['韩国运营商 SK 电', '', '2', ' ', '讯已达成协议，将展开']);
    expect(pageBreak('dashes')).toEqual(['韩国运营商 SK 电', '', '- 2 -', ' ', '讯已达成协议，将展开']);
    expect(pageBreak('chinese')).toEqual(['韩国运营商 SK 电', '', '第 2 页', ' ', '讯已达成协议，将展开']);
  });

  test('shows every page break as a stray space when asked', () => {
    const text = renderBulletin(model, { ...compact, pageLength: 3, pageBreakStyle: 'stray-space' });
    expect(text.split('\n').filter((line) => line.startsWith(' '))).toEqual([
      ' 讯已达成协议，将展开',
      ' 面合作。（中国信息产',
      ' 2.云计算规划启动',
      ' 网)',
    ]);
  });

  test('indents the first line of each paragraph', () => {
    const text = renderBulletin(model, { ...compact, indent: '\u3000\u3000' });
    expect(text.split('\n').filter((line) => line.startsWith('\u3000'))).toEqual([
      '\u3000\u3000韩国运营商 SK 电',
      '\u3000\u3000二者将在 5G研究方',
      '\u3000\u3000工信部针对云计算的规',
    ]);
  });

  test('writes a preface before the first header and no header for an untitled section', () => {
    const untitled: BulletinModel = {
      preface: ['本期导读。'],
      sections: [
        { title: '', articles: [{ number: 1, title: '开篇', paragraphs: ['正文。'], source: null }] },
      ],
    };
    expect(renderBulletin(untitled, { ...compact, trailingSpaceAtParagraphEnd: true })).toBe(
      lines('本期导读。 ', '1.开篇 ', '正文。 '),
    );
  });

  test('refuses a model that would not read back the same', () => {
    const withParagraph = (paragraph: string, source: string | null = '新华网'): BulletinModel => ({
      sections: [
        { title: '国外电子政务', articles: [{ number: 1, title: '标题', paragraphs: [paragraph], source }] },
      ],
    });
    expect(() => renderBulletin(withParagraph('2015', null), realLayout)).toThrow(RangeError);
    expect(() => renderBulletin(withParagraph('3.新规定发布。'), realLayout)).toThrow(RangeError);
    expect(() => renderBulletin(withParagraph(' 前导空格。'), realLayout)).toThrow(RangeError);
    expect(() => renderBulletin(withParagraph('两行\n文字。'), realLayout)).toThrow(RangeError);
    expect(() => renderBulletin(withParagraph('正文。', '新华网（北京）'), realLayout)).toThrow(RangeError);
    expect(() => renderBulletin(withParagraph('物联网（IoT）', null), realLayout)).toThrow(RangeError);
  });
});

describe('wrapParagraph', () => {
  const _ = (text: string, width: number, expected: string[]) =>
    expect(wrapParagraph(text, width)).toEqual(expected);

  test('fills each line up to the width', () =>
    _('工信部针对云计算的规划', 5, ['工信部针对', '云计算的规', '划']));
  test('keeps a Latin word whole even when the line must grow', () =>
    _('在 IPv6 网络中推广', 4, ['在 IPv6 网', '络中推广']));
  test('breaks between two Latin words at the space, which it drops', () =>
    _('采用 Open Data 标准', 8, ['采用 Open', 'Data 标准']));
  test('keeps a number with its point and percent sign whole', () =>
    _('合格率在99.95%以上', 8, ['合格率在', '99.95%以上']));
  test('never starts a line with closing punctuation', () =>
    _('建设完成，开始运行', 4, ['建设完', '成，开始', '运行']));
  test('moves a break that would start a line like an article number', () =>
    _('共五步：1.编辑选题；2.审阅选题。', 11, ['共五步：1.编辑选', '题；2.审阅选题。']));
  test('moves a break that would leave a line holding only a number', () =>
    _('截至目前共计2015', 6, ['截至目前共', '计2015']));
});

describe('renderBulletin and the reference reader', () => {
  const han = fc.constantFrom(...'中国电子政务云计算大数据平台建设网络安全第页');
  const symbol = fc.constantFrom(...'，。、；：“”《》（）().-%【】');
  const latin = fc.constantFrom(
    'IPv6',
    '5G',
    'SK',
    '2014',
    '99.95%',
    '0.5',
    '3.',
    '2、',
    'Open',
    'Data',
    '12',
  );
  const piece = fc.oneof(
    { weight: 8, arbitrary: han },
    { weight: 2, arbitrary: symbol },
    { weight: 2, arbitrary: latin },
    { weight: 2, arbitrary: fc.constant(' ') },
  );
  const text = fc
    .array(piece, { minLength: 1, maxLength: 50 })
    .map((pieces) => pieces.join('').trim())
    .filter((joined) => joined !== '');
  const hanText = fc.array(han, { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
  const article = fc.record({
    title: hanText,
    paragraphs: fc.array(text, { maxLength: 4 }),
    source: fc.option(hanText, { nil: null }),
    sourceParens: fc.constantFrom('full' as const, 'ascii' as const),
  });
  const bulletin = fc
    .array(fc.record({ title: hanText, articles: fc.array(article, { maxLength: 4 }) }), { maxLength: 4 })
    .map((sections): BulletinModel => {
      let number = 0;
      return {
        sections: sections.map((section) => ({
          title: section.title,
          articles: section.articles.map((entry) => ({ ...entry, number: ++number })),
        })),
      };
    });
  const layout = fc.record({
    lineWidth: fc.integer({ min: 1, max: 30 }),
    blankBetweenLines: fc.boolean(),
    trailingSpaceAtParagraphEnd: fc.constant(true),
    lineEnding: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
    pageLength: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    pageNumberStyle: fc.constantFrom('plain' as const, 'dashes' as const, 'chinese' as const),
    pageBreakStyle: fc.constantFrom('numbered' as const, 'stray-space' as const, 'alternate' as const),
    indent: fc.constantFrom('', '  ', '\u3000\u3000'),
  });

  test('reads back every title, paragraph and source exactly, in every layout', () => {
    fc.assert(
      fc.property(bulletin, layout, (generated, chosen) => {
        let rendered: string;
        try {
          rendered = renderBulletin(generated, chosen);
        } catch (error) {
          // A model the renderer refuses (a paragraph like `3.新规定`) is not a counterexample.
          if (error instanceof RangeError) fc.pre(false);
          throw error;
        }
        expect(readBack(rendered)).toEqual(withDefaults(generated));
      }),
      { numRuns: 500 },
    );
  });
});
