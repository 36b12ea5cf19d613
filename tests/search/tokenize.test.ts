import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { documentText, normalize, normalizeWithOffsets, queryTerms } from '../../src/search/tokenize.ts';

const normalizes = (input: string, expected: string) =>
  test(`normalises ${JSON.stringify(input)} to ${JSON.stringify(expected)}`, () =>
    expect(normalize(input)).toBe(expected));
const splits = (query: string, expected: string[]) =>
  test(`reads the query ${JSON.stringify(query)} as ${JSON.stringify(expected)}`, () =>
    expect(queryTerms(query)).toEqual(expected));

describe('normalize', () => {
  normalizes('ＡＢＣ１２３', 'abc123');
  normalizes('HTTPS 协议', 'https协议');
  normalizes('SK 电讯', 'sk电讯');
  normalizes('2014 年', '2014年');
  normalizes('在 5G研究方面', '在5g研究方面');
  normalizes('ipv6  address', 'ipv6 address');
  normalizes('5 G', '5 g');
  normalizes('Open Data 与 5G', 'open data与5g');
  normalizes('  数据  ', '数据');
  normalizes('数据\u3000安全', '数据安全');
  normalizes('物联网（IoT）领域', '物联网(iot)领域');
  normalizes('hello , world', 'hello,world');
  normalizes('x\u00a0y', 'x y');
  normalizes('a\u200bb\u00adc', 'abc');
  normalizes('e\u0301t\u00e9', '\u00e9t\u00e9');
  normalizes('ΟΔΟΣ', 'οδοσ');
  normalizes('ｶﾀｶﾅ', 'カタカナ');
  normalizes('𠀀字', '𠀀字');
  normalizes('', '');
});

describe('CJK Unified Ideographs (U+4E00–U+9FFF, classified without regular expressions)', () => {
  const block = Array.from({ length: 0x9fff - 0x4e00 + 1 }, (_, i) => String.fromCodePoint(0x4e00 + i));
  test('are kept as they are, as NFKC and lower case leave them', () => {
    expect(block.filter((ch) => ch.normalize('NFKC').toLowerCase() !== ch)).toEqual([]);
    expect(normalize(block.join(''))).toBe(block.join(''));
  });
  test('are Han: whitespace beside them means nothing, beside Latin it stays dropped', () => {
    expect(block.filter((ch) => !/\p{Script=Han}/u.test(ch))).toEqual([]);
    expect(normalize('中 文 IPv6 数 据')).toBe('中文ipv6数据');
  });
});

describe('queryTerms', () => {
  splits('数据 安全', ['数据', '安全']);
  splits('SK电讯', ['sk电讯']);
  splits('  IPv6\tHTTPS ', ['ipv6', 'https']);
  splits('ＩＰｖ６ ipv6', ['ipv6']);
  splits('2014年', ['2014年']);
  splits(' \u3000 ', []);
});

describe('documentText', () => {
  test('joins the normalised title and paragraphs with newlines, title first', () =>
    expect(documentText({ title: 'SK 电讯', paragraphs: ['Ａ b', '2014 年'] })).toBe('sk电讯\na b\n2014年'));
});

describe('normalizeWithOffsets', () => {
  test('maps each normalised unit back to the characters it came from', () => {
    const { text, offsets } = normalizeWithOffsets('SK 电讯 ＡB');
    expect(text).toBe('sk电讯ab');
    expect(offsets.start).toEqual([0, 1, 3, 4, 6, 7]);
    expect(offsets.end).toEqual([1, 2, 4, 5, 7, 8]);
  });

  test('gives the same text as normalize for any input', () =>
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        (input) => normalizeWithOffsets(input).text === normalize(input),
      ),
    ));
});

describe('normalisation invariants', () => {
  test('is idempotent for any input', () =>
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => normalize(normalize(input)) === normalize(input)),
    ));

  test('leaves any space-free piece of normalised text unchanged, so a copied phrase finds its source', () =>
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(), fc.nat(), (input, a, b) => {
        const text = normalize(input);
        const piece = [...text]
          .slice(Math.min(a, b) % (text.length + 1), Math.max(a, b) % (text.length + 1))
          .join('');
        return piece.includes(' ') || normalize(piece) === piece;
      }),
    ));
});
