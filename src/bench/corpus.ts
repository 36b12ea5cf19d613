// Generates a deterministic corpus of synthetic bulletins that read, statistically, like the real one.
//
// Search benchmarks need realistic term statistics: a few very common words, a long tail of rare
// ones, words that cluster in one article. Shuffling the real bulletin's sentences would give none
// of that (every bigram would be in every issue or in none), so the text is drawn word by word
// from a Zipf-ranked vocabulary: pieces of the real bulletin's text first, then thousands of
// synthetic words made of common characters, plus the numbers and Latin terms the real one has.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
// The one copy of the real bulletin's text in the repository, transcribed and checked by hand.
import realBulletin from '../../tests/fixtures/real-bulletin/expected.json' with { type: 'json' };
import { createRandom, deriveSeed, type Random } from './random.ts';
import {
  type BulletinModel,
  type ModelArticle,
  type ModelSection,
  realLayout,
  renderBulletin,
} from './render-bulletin.ts';

export interface CorpusOptions {
  /** How many weekly issues to generate. */
  issues: number;
  /** The same seed gives the same corpus; issue i does not depend on `issues`. */
  seed: number;
}

export interface CorpusIssue {
  /** `YYYY-MM-DD.txt`, the issue's date. */
  fileName: string;
  /** The bulletin as text, in the real bulletin's layout (`realLayout`). */
  text: string;
  /** What `text` says: the parser should read exactly this back. */
  model: BulletinModel;
  /** ISO date: weekly from 2005-01-07. */
  date: string;
}

export function generateCorpus(options: CorpusOptions): CorpusIssue[] {
  const vocabulary = createVocabulary(createRandom(deriveSeed(options.seed, 0)));
  return Array.from({ length: options.issues }, (_, index) => {
    const date = issueDate(index);
    const model = generateBulletin(createRandom(deriveSeed(options.seed, index + 1)), vocabulary, date);
    return { fileName: `${date}.txt`, text: renderBulletin(model, realLayout), model, date };
  });
}

/** Writes each issue as `dir/YYYY-MM-DD.txt` in UTF-8, creating `dir` if needed. */
export async function writeCorpus(dir: string, corpus: readonly CorpusIssue[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const issue of corpus) await writeFile(join(dir, issue.fileName), issue.text, 'utf8');
}

function issueDate(index: number): string {
  return new Date(Date.UTC(2005, 0, 7 + 7 * index)).toISOString().slice(0, 10);
}

const KNOWN_SECTIONS = ['国外电子政务', '云计算与大数据', '政务平台建设', '信息化建设'];
/** Roughly how the real issue spreads its 22 articles over the sections: 5, 7, 7, 3. */
const SECTION_WEIGHTS = [5, 7, 7, 3];
/** Headers the parser has no slug for, so it meets an unknown section now and then. */
const OTHER_SECTIONS = ['信息安全', '地方动态', '专家观点', '政策法规', '行业动态', '他山之石'];

const SOURCES = [
  ...'新华网 人民网 中国信息产业网 新浪科技 中商情报网 中国云计算中心 人民邮电报 中国电子政务网 国家邮政局'.split(
    ' ',
  ),
  ...'山东商报 湖北日报 国际在线 国家税务总局网站 河北新闻网 德州新闻网 澎湃新闻网 计算机世界 东方网'.split(
    ' ',
  ),
  ...'第一财经日报 光明网 中国新闻网 央视网 经济日报 经济参考报 中国青年报 南方日报 21世纪经济报道'.split(
    ' ',
  ),
  ...'北京日报 解放日报 文汇报 新京报 京华时报 每日经济新闻 证券时报 中国证券报 科技日报 中国经济网'.split(
    ' ',
  ),
  ...'中国政府网 赛迪网 中国计算机报 通信世界网 C114中国通信网 比特网 中关村在线 网易科技 腾讯科技'.split(
    ' ',
  ),
  ...'环球网 参考消息 中国日报网 法制日报 人民日报 浙江日报 大众日报 广州日报 深圳特区报 四川日报'.split(' '),
  ...'新华日报 中国电子报 国脉电子政务网 中国信息化周报 IT时代周刊'.split(' '),
];

const FUNCTION_WORDS = [...'的和在是了将对为与及等中上已并也都把被由从向以其'];
const LATIN_TERMS = [
  ...'5G 4G IPv6 IPv4 HTTPS IP IoT SK CEEDs ZJCA App API GPS RFID O2O IT CIO PPP LTE Wi-Fi SaaS'.split(' '),
  ...'IaaS Hadoop OA VPN ERP GIS AI P2P IDC OECD ITU Gartner IBM Linux iPad e-Government'.split(' '),
  // Two-word terms give the renderer a space between Latin words to break at.
  ...['Web 2.0', 'Open Data', 'Smart City', 'Big Data', 'Cloud Computing', 'SK Telecom', 'Windows XP'],
];
const DOCUMENT_SUFFIXES = ['规划', '意见', '办法', '报告', '通知', '条例', '纲要', '白皮书', '实施方案'];
const COUNTERS = ['个', '家', '项', '万元', '亿元', '人', '条', '个部门', '个县', '万户', '台'];

/** Draws one word from a stream; the vocabulary itself is fixed for the whole corpus. */
type Vocabulary = (random: Random) => string;

/**
 * Words ranked by frequency: the real bulletin's Han runs cut into 2-4 character pieces, then
 * synthetic words built from GB2312 level-1 characters (the 3,755 common ones), drawn by a
 * Zipf–Mandelbrot law so a few words are frequent and most are rare.
 */
function createVocabulary(random: Random): Vocabulary {
  const realText = realBulletin.sections
    .flatMap((section) => section.articles.flatMap((article) => [article.title, ...article.paragraphs]))
    .join('\n');
  const realPieces = new Set<string>();
  for (const run of realText.match(/\p{Script=Han}+/gu) ?? []) {
    for (let start = 0; start + 2 <= run.length; ) {
      const length = random.int(2, 4);
      realPieces.add(run.slice(start, start + length));
      start += length;
    }
  }
  const characters = rankCharacters(realText, random);
  const pickCharacter = zipfSampler(characters, 1, 2);
  const syntheticWords = new Set<string>();
  while (syntheticWords.size < 30_000) {
    const length = random.chance(0.55) ? 2 : random.chance(0.65) ? 3 : 4;
    syntheticWords.add(Array.from({ length }, () => pickCharacter(random)).join(''));
  }
  // A Set keeps the first place of a word that is both real and synthetic.
  const ranked = new Set([...random.shuffle([...realPieces]), ...syntheticWords]);
  return zipfSampler([...ranked], 1.05, 8);
}

/** The real bulletin's characters, most frequent first, then the rest of GB2312 level 1 shuffled. */
function rankCharacters(realText: string, random: Random): string[] {
  const counts = new Map<string, number>();
  for (const char of realText.match(/\p{Script=Han}/gu) ?? []) counts.set(char, (counts.get(char) ?? 0) + 1);
  const real = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  const decoder = new TextDecoder('gb18030');
  const level1: string[] = [];
  // GB2312 level 1: rows 0xB0-0xD7, cells 0xA1-0xFE, ending at 0xD7F9.
  for (let row = 0xb0; row <= 0xd7; row++) {
    for (let cell = 0xa1; cell <= (row === 0xd7 ? 0xf9 : 0xfe); cell++) {
      level1.push(decoder.decode(new Uint8Array([row, cell])));
    }
  }
  return [...real, ...random.shuffle(level1.filter((char) => !counts.has(char)))];
}

/** Draws items[k] with probability proportional to 1 / (k + 1 + offset) ** exponent. */
function zipfSampler<T>(items: readonly T[], exponent: number, offset: number): (random: Random) => T {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((_, rank) => {
    total += 1 / (rank + 1 + offset) ** exponent;
    cumulative[rank] = total;
  });
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = items.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? total) < target) low = middle + 1;
      else high = middle;
    }
    return items[low] as T;
  };
}

/** Draws the text of one article or title; topic words make an article repeat its own terms. */
interface TextSource {
  random: Random;
  vocabulary: Vocabulary;
  topic: string[];
  year: number;
}

function generateBulletin(random: Random, vocabulary: Vocabulary, date: string): BulletinModel {
  const year = Number(date.slice(0, 4));
  // About the real issue's 6,000 characters of titles and paragraphs, so files weigh about 18-19 KB.
  const budget = random.int(5800, 6600);
  const articles: ModelArticle[] = [];
  for (let length = 0; length < budget || articles.length < 10; ) {
    const topic = Array.from({ length: random.int(4, 8) }, () => vocabulary(random));
    const article = generateArticle({ random, vocabulary, topic, year }, articles.length + 1);
    articles.push(article);
    length += [article.title, ...article.paragraphs].join('').length;
  }
  return { sections: groupIntoSections(articles, random) };
}

/** Splits the articles, in order, over the four known sections, each getting at least two. */
function groupIntoSections(articles: ModelArticle[], random: Random): ModelSection[] {
  const titles = [...KNOWN_SECTIONS];
  const weights = [...SECTION_WEIGHTS];
  if (random.chance(0.08)) {
    const position = random.int(0, titles.length);
    titles.splice(position, 0, random.pick(OTHER_SECTIONS));
    weights.splice(position, 0, 4);
  }
  const sizes = titles.map(() => 2);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  for (let left = articles.length - 2 * titles.length; left > 0; left--) {
    let index = 0;
    for (let target = random.next() * totalWeight; target >= (weights[index] ?? 0); index++) {
      target -= weights[index] ?? 0;
    }
    sizes[index] = (sizes[index] ?? 0) + 1;
  }
  let start = 0;
  return titles.map((title, index) => {
    const size = sizes[index] ?? 0;
    start += size;
    return { title, articles: articles.slice(start - size, start) };
  });
}

function generateArticle(text: TextSource, number: number): ModelArticle {
  const { random } = text;
  const paragraphCount = random.pick([1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
  const paragraphs = Array.from({ length: paragraphCount }, () => generateParagraph(text));
  const source = random.chance(0.02) ? null : random.pick(SOURCES);
  return {
    number,
    title: generateTitle(text),
    paragraphs,
    source,
    sourceParens: random.chance(0.12) ? 'ascii' : 'full',
  };
}

/** 8-30 characters, starting with a word (never a digit, which would blur the `N.` before it). */
function generateTitle(text: TextSource): string {
  const { random } = text;
  for (;;) {
    const target = random.int(8, 26);
    let title = topicWord(text);
    // Like `贵州省政府支持大数据下关联产业发展 省邮政业获肯定`, a quarter of titles have two halves.
    const spaceAt = random.chance(0.25) ? random.int(6, target - 2) : Number.POSITIVE_INFINITY;
    while (title.length < target) {
      if (title.length >= spaceAt && !title.includes(' ')) title += ' ';
      const roll = random.next();
      if (roll < 0.05) title += ` ${random.pick(LATIN_TERMS)} `;
      else if (roll < 0.1) title += `“${topicWord(text)}”`;
      else title += roll < 0.4 ? topicWord(text) : word(text);
    }
    title = tidySpaces(title);
    if (title.length >= 8 && title.length <= 30) return title;
  }
}

/** Sentences until a length drawn around the real paragraphs' (median 88 characters). */
function generateParagraph(text: TextSource): string {
  const { random } = text;
  const target = 10 + Math.round((random.next() + random.next() + random.next()) * 45);
  let paragraph = '';
  while (paragraph.length < target) {
    const clauses = Array.from({ length: random.int(1, 4) }, () => generateClause(text));
    paragraph += clauses.reduce((sentence, clause) => sentence + random.pick(CLAUSE_JOINS) + clause);
    if (random.chance(0.03)) paragraph += `：${enumeration(text)}`;
    paragraph += '。';
  }
  return tidySpaces(paragraph);
}

const CLAUSE_JOINS = ['，', '，', '，', '，', '，', '，', '，', '、', '；', '：'];

function generateClause(text: TextSource): string {
  const { random } = text;
  let clause = '';
  for (let count = random.int(3, 7); count > 0; count--) {
    const roll = random.next();
    if (roll < 0.04) clause += numberPhrase(text);
    else if (roll < 0.055) clause += ` ${random.pick(LATIN_TERMS)} `;
    else if (roll < 0.07) clause += `“${topicWord(text)}”`;
    else if (roll < 0.075) clause += `《${word(text)}${topicWord(text)}${random.pick(DOCUMENT_SUFFIXES)}》`;
    else if (roll < 0.08) clause += `（${random.chance(0.5) ? random.pick(LATIN_TERMS) : word(text)}）`;
    else if (roll < 0.082) clause += `(${word(text)}${word(text)})`;
    else if (roll < 0.25) clause += topicWord(text);
    else if (roll < 0.4) clause += random.pick(FUNCTION_WORDS);
    else clause += word(text);
  }
  return clause;
}

function word(text: TextSource): string {
  return text.vocabulary(text.random);
}

function topicWord(text: TextSource): string {
  return text.random.pick(text.topic);
}

/** A numbered list inside a sentence, as the real one has: `五步：1.微信编辑报送选题；2.审阅选题`. */
function enumeration(text: TextSource): string {
  const marker = text.random.pick(['.', '、']);
  const count = text.random.int(2, 5);
  return Array.from({ length: count }, (_, index) => `${index + 1}${marker}${word(text)}${word(text)}`).join(
    '；',
  );
}

/** Dates, amounts and ratios; digits are set off from Han by spaces most of the time: `在 8 月 11 日透露`. */
function numberPhrase(text: TextSource): string {
  const { random } = text;
  const gap = random.chance(0.8) ? ' ' : '';
  const year = text.year - random.int(0, 3);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const phrases = [
    `${year}${gap}年`,
    `${month}${gap}月${gap}${day}${gap}日`,
    `${year}${gap}年${gap}${month}${gap}月${gap}${day}${gap}日`,
    `${random.int(2, 999)}${gap}${random.pick(COUNTERS)}`,
    `${random.int(1, 99)}.${random.int(1, 99)}%`,
    `0.${random.int(1000, 9999)}`,
  ];
  const phrase = random.pick(phrases);
  return /\d$/.test(phrase) ? `${gap}${phrase}${gap}` : `${gap}${phrase}`;
}

/** One space at most, and none next to full-width punctuation or at either end. */
function tidySpaces(text: string): string {
  return text
    .replace(/ {2,}/g, ' ')
    .replace(/ ?([，。、；：“”《》（）]) ?/g, '$1')
    .trim();
}
