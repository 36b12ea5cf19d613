import { describe, expect, test } from 'vitest';
import { highlight, matchRanges, snippet } from '../../src/search/snippet.ts';

const marked = (segments: { text: string; mark: boolean }[]) =>
  segments.map((segment) => (segment.mark ? `[${segment.text}]` : segment.text)).join('');

describe('highlight', () => {
  test('marks every occurrence of every term', () =>
    expect(marked(highlight('大数据与数据安全', ['数据']))).toBe('大[数据]与[数据]安全'));
  test('marks the original characters of a normalised match', () =>
    expect(marked(highlight('报告于 ２０１４ 年发布', ['2014年']))).toBe('报告于 [２０１４ 年]发布'));
  test('marks Latin terms whatever their case', () =>
    expect(marked(highlight('使用 HTTPS 协议', ['https']))).toBe('使用 [HTTPS] 协议'));
  test('merges overlapping matches into one mark', () =>
    expect(marked(highlight('数据安全', ['数据安', '据安全']))).toBe('[数据安全]'));
});

describe('snippet', () => {
  const long = `${'甲'.repeat(200)}数据${'乙'.repeat(200)}`;
  test('cuts the text around the first match with ellipses', () => {
    const text = marked(snippet([long], ['数据'], 40));
    expect(text).toMatch(/^…甲+\[数据\]乙+…$/);
    expect(text.length).toBeLessThan(50);
  });
  test('prefers the paragraph holding the most terms', () =>
    expect(marked(snippet(['只有数据', '数据和安全都在'], ['数据', '安全']))).toBe('[数据]和[安全]都在'));
  test('shows the beginning when only the title matched', () =>
    expect(marked(snippet(['正文'], ['标题']))).toBe('正文'));
  test('finds no range for a term that is not there', () =>
    expect(matchRanges('数据', ['安全'])).toEqual([]));
});
