// Invariants over generated bulletins: nothing is lost in any layout, and marked layouts read back exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BulletinModel, type Layout, renderBulletin } from '../../src/bench/render-bulletin.ts';
import { decodeBytes, parseBulletinText } from '../../src/bulletin/index.ts';
import { parsedCharacters, withoutWhitespace } from './text-stream.ts';

const SECTION_TITLES = ['国外电子政务', '云计算与大数据', '政务平台建设', '信息化建设'];
const CJK = [...'政务数据网络安全信息平台建设服务发展城市管理系统国家企业用户技术开放公共智慧移动互联'];
const LATIN = [
  '5G',
  'IPv6',
  'HTTPS',
  'SK Telecom',
  'Open Data',
  '2014 年',
  '8 月 11 日',
  '99.95%',
  'Wi-Fi',
  '2.0',
];
const PUNCTUATION = [
  '，',
  '、',
  '“',
  '”',
  '《',
  '》',
  '：',
  '；',
  '（注）',
  '(云服务平台)',
  '——',
  '1.选题；2.审阅',
];
const OUTLETS = [
  '新华网',
  '人民网',
  '中国信息产业网',
  '国际在线',
  '中商情报网',
  '21世纪经济报道',
  'C114中国通信网',
];

const word = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(fc.constantFrom(...CJK), { minLength: 1, maxLength: 6 })
      .map((chars) => chars.join('')),
  },
  { weight: 1, arbitrary: fc.constantFrom(...LATIN).map((latin) => ` ${latin} `) },
  { weight: 1, arbitrary: fc.constantFrom(...PUNCTUATION) },
);
const sentence = fc
  .array(word, { minLength: 1, maxLength: 12 })
  .map((words) => `${words.join('').replace(/\s+/g, ' ').trim()}。`)
  // A paragraph may not open with closing punctuation, nor with "2.0 …": after article 1 that reads as
  // article 2 (a documented ambiguity of unmarked layouts).
  .filter((text) => !/^[\s，、：；。”）)]|^\d+[.．、]/.test(text));
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((sentences) => sentences.join(''));
const title = fc
  .array(fc.oneof(fc.constantFrom(...CJK), fc.constantFrom(' 5G ', '“十三五”', '《报告》')), {
    minLength: 3,
    maxLength: 20,
  })
  .map((parts) => parts.join('').replace(/\s+/g, ' ').trim());

const model: fc.Arbitrary<BulletinModel> = fc
  .record({
    sectionCount: fc.integer({ min: 1, max: 4 }),
    articles: fc.array(
      fc.record({
        title,
        paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 4 }),
        source: fc.option(fc.constantFrom(...OUTLETS), { freq: 8 }),
        ascii: fc.boolean(),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    restartNumbering: fc.boolean(),
  })
  .map(({ sectionCount, articles, restartNumbering }) => {
    const sections = SECTION_TITLES.slice(0, sectionCount).map((sectionTitle) => ({
      title: sectionTitle,
      articles: [] as BulletinModel['sections'][number]['articles'],
    }));
    articles.forEach((article, index) => {
      const section =
        sections[Math.min(sections.length - 1, Math.floor((index * sections.length) / articles.length))];
      section?.articles.push({
        number: restartNumbering ? (section?.articles.length ?? 0) + 1 : index + 1,
        title: article.title,
        paragraphs: article.paragraphs,
        source: article.source,
        sourceParens: article.ascii ? 'ascii' : 'full',
      });
    });
    return { sections: sections.filter((section) => section.articles.length > 0) };
  });

const layout: fc.Arbitrary<Layout> = fc.record({
  lineWidth: fc.integer({ min: 12, max: 40 }),
  blankBetweenLines: fc.boolean(),
  trailingSpaceAtParagraphEnd: fc.boolean(),
  lineEnding: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
  pageLength: fc.integer({ min: 5, max: 40 }),
  pageNumberStyle: fc.constantFrom('plain' as const, 'dashes' as const, 'chinese' as const),
  pageBreakStyle: fc.constantFrom('numbered' as const, 'stray-space' as const, 'alternate' as const),
  indent: fc.constantFrom('', '  ', '\u3000\u3000'),
});

/** The model's characters in document order, without whitespace: what the parser must keep. */
function modelCharacters(bulletin: BulletinModel): string {
  const parts = bulletin.sections.flatMap((section) => [
    section.title,
    ...section.articles.flatMap((article) => [article.title, ...article.paragraphs, article.source ?? '']),
  ]);
  return withoutWhitespace(parts.join(''));
}

interface ComparableSection {
  title: string;
  articles: readonly {
    number: number;
    title: string;
    paragraphs: readonly string[];
    source: string | null;
  }[];
}

/** Sections and articles with only the fields a model has, from a parse or from the model itself. */
function structure(sections: readonly ComparableSection[]) {
  return sections.map((section) => ({
    title: section.title,
    articles: section.articles.map(({ number, title: articleTitle, paragraphs, source }) => ({
      number,
      title: articleTitle,
      paragraphs,
      source,
    })),
  }));
}

/** Renders, or skips a model the renderer refuses because it could not be read back unambiguously. */
function render(bulletin: BulletinModel, chosen: Layout): string {
  try {
    return renderBulletin(bulletin, chosen);
  } catch (error) {
    if (error instanceof RangeError) fc.pre(false);
    throw error;
  }
}

describe('generated bulletins', () => {
  it('lose no character in any layout, encoding and line ending', () => {
    fc.assert(
      fc.property(model, layout, fc.constantFrom('utf-8', 'utf-16le'), (bulletin, chosen, encoding) => {
        const text = render(bulletin, chosen);
        const bytes =
          encoding === 'utf-8'
            ? Buffer.from(text)
            : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
        const parsed = parseBulletinText(decodeBytes(bytes, 'generated.txt').text, { file: 'generated.txt' });
        expect(parsedCharacters(parsed)).toBe(modelCharacters(bulletin));
      }),
      { numRuns: 300 },
    );
  });

  it('read back exactly, article by article, when paragraph ends are marked', () => {
    fc.assert(
      fc.property(model, layout, (bulletin, chosen) => {
        const text = render(bulletin, { ...chosen, trailingSpaceAtParagraphEnd: true });
        const parsed = parseBulletinText(text, { file: 'generated.txt' });
        expect(structure(parsed.sections)).toEqual(structure(bulletin.sections));
      }),
      { numRuns: 300 },
    );
  });

  it('find every article and source in unmarked layouts too', () => {
    fc.assert(
      fc.property(model, layout, (bulletin, chosen) => {
        const parsed = parseBulletinText(
          render(bulletin, { ...chosen, trailingSpaceAtParagraphEnd: false }),
          { file: 'generated.txt' },
        );
        const articles = parsed.sections.flatMap((section) =>
          section.articles.map(({ number, title: t, source }) => ({ number, title: t, source })),
        );
        expect(articles).toEqual(
          bulletin.sections.flatMap((section) =>
            section.articles.map(({ number, title: t, source }) => ({ number, title: t, source })),
          ),
        );
      }),
      { numRuns: 300 },
    );
  });
});
