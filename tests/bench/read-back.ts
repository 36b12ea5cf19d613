// A reference reader for the generator's tests: reads rendered text back by the rules written in
// tests/fixtures/real-bulletin/README.md, independently of the real parser.

import type { BulletinModel, ModelArticle, ModelSection } from '../../src/bench/render-bulletin.ts';

const PAGE_NUMBER = /^(?:\d+|-\s*\d+\s*-|第\s*\d+\s*页)$/;
const SECTION_HEADER = /^【(.*)】$/;
const ARTICLE_TITLE = /^(\d+)\.(?!\d)(.*)$/;
const TRAILING_SOURCE = /[（(]([^（）()]*)[）)]$/;

/** Reads text written with trailing spaces at paragraph ends (any other layout choice is fine). */
export function readBack(text: string): BulletinModel {
  const preface: string[] = [];
  const sections: ModelSection[] = [];
  let paragraphs = preface;
  let open = '';
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || PAGE_NUMBER.test(trimmed)) continue;
    const header = open === '' ? SECTION_HEADER.exec(trimmed) : null;
    const title = open === '' ? ARTICLE_TITLE.exec(trimmed) : null;
    if (header) {
      sections.push({ title: header[1] ?? '', articles: [] });
    } else if (title) {
      if (sections.length === 0) sections.push({ title: '', articles: [] });
      const article: ModelArticle = {
        number: Number(title[1]),
        title: title[2] ?? '',
        paragraphs: [],
        source: null,
      };
      sections.at(-1)?.articles.push(article);
      paragraphs = article.paragraphs;
    } else {
      const joint = /[A-Za-z0-9]$/.test(open) && /^[A-Za-z0-9]/.test(trimmed) ? ' ' : '';
      open += joint + trimmed;
      if (line.endsWith(' ')) {
        paragraphs.push(open);
        open = '';
      }
    }
  }
  for (const article of sections.flatMap((section) => section.articles)) takeSource(article);
  return { preface, sections };
}

/** Moves `（source）` or `(source)` from the end of the last paragraph into `source`. */
function takeSource(article: ModelArticle): void {
  const last = article.paragraphs.at(-1) ?? '';
  const match = TRAILING_SOURCE.exec(last);
  if (!match) return;
  article.source = match[1] ?? '';
  article.sourceParens = match[0].startsWith('(') ? 'ascii' : 'full';
  const rest = last.slice(0, match.index).trim();
  article.paragraphs.pop();
  if (rest !== '') article.paragraphs.push(rest);
}

/** Fills in the defaults, so a model compares equal to what `readBack` gives. */
export function withDefaults(model: BulletinModel): BulletinModel {
  return {
    preface: model.preface ?? [],
    sections: model.sections.map((section) => ({
      title: section.title,
      articles: section.articles.map((article) => ({
        number: article.number,
        title: article.title,
        paragraphs: article.paragraphs,
        source: article.source,
        ...(article.source === null ? {} : { sourceParens: article.sourceParens ?? 'full' }),
      })),
    })),
  };
}
