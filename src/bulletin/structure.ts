// Blocks → sections and articles, with a warning for everything the parser had to guess or tolerate.
import type { Block } from './blocks.ts';
import { BulletinError } from './errors.ts';
import { DEFAULT_SECTION_SLUGS, slugFromTitle } from './slugs.ts';
import { splitSource } from './sources.ts';
import type { Article, BulletinBody, ParseWarning, Section, SectionSlugs } from './types.ts';

/** Articles that stand before any section header are gathered here. */
export const IMPLICIT_SECTION = { title: '综合', slug: 'general' } as const;

export interface StructureOptions {
  file: string;
  sectionSlugs?: SectionSlugs;
}

export function assembleBulletin(blocks: readonly Block[], options: StructureOptions): BulletinBody {
  const slugs = options.sectionSlugs ?? DEFAULT_SECTION_SLUGS;
  const warnings: ParseWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ line, message });
  const preface: string[] = [];
  const sections: Section[] = [];
  let section: Section | null = null;
  let article: Article | null = null;
  let lastNumber: number | null = null;

  for (const block of blocks) {
    if (block.kind === 'header') {
      article = null;
      const slug = slugs[block.title] ?? slugFromTitle(block.title);
      const existing = sections.find((candidate) => candidate.slug === slug);
      if (existing) {
        warn(
          block.line,
          `section 【${block.title}】 appears a second time; its articles are added to the first one`,
        );
        section = existing;
        continue;
      }
      if (!(block.title in slugs)) {
        warn(
          block.line,
          `unknown section 【${block.title}】: its URL slug is "${slug}"; name it in content/site.yaml (sections) to choose another`,
        );
      }
      section = { title: block.title, slug, line: block.line, preface: [], articles: [] };
      sections.push(section);
    } else if (block.kind === 'title') {
      if (!section) {
        warn(
          block.line,
          `article ${block.number} stands before any section header; it is put in section 【${IMPLICIT_SECTION.title}】`,
        );
        section = { ...IMPLICIT_SECTION, line: 0, preface: [], articles: [] };
        sections.push(section);
      }
      const restartsSection = section.articles.length === 0 && block.number === 1;
      if (lastNumber !== null && block.number !== lastNumber + 1 && !restartsSection) {
        warn(block.line, numberingProblem(block.number, lastNumber));
      } else if (lastNumber === null && block.number !== 1) {
        warn(block.line, `the first article is numbered ${block.number}, not 1`);
      }
      lastNumber = block.number;
      article = { number: block.number, title: block.title, source: null, line: block.line, paragraphs: [] };
      section.articles.push(article);
    } else if (article) {
      article.paragraphs.push(block.text);
    } else if (section) {
      if (section.preface.length === 0)
        warn(
          block.line,
          `text between section header 【${section.title}】 and its first article is kept as the section's preface`,
        );
      section.preface.push(block.text);
    } else {
      if (preface.length === 0)
        warn(block.line, 'text before the first section or article is kept as the preface');
      preface.push(block.text);
    }
  }

  if (!sections.some((candidate) => candidate.articles.length > 0)) {
    const firstLine = blocks[0]?.line ?? 1;
    throw new BulletinError(
      options.file,
      firstLine,
      'no article found: articles begin with a numbered title line such as "1.标题" or "1、标题"',
    );
  }
  for (const candidate of sections) {
    if (candidate.articles.length === 0)
      warn(candidate.line, `section 【${candidate.title}】 has no article`);
    for (const item of candidate.articles) finishArticle(item, warn);
  }
  warnings.sort((a, b) => a.line - b.line);
  return { preface, sections, warnings };
}

function finishArticle(article: Article, warn: (line: number, message: string) => void): void {
  const { paragraphs, source } = splitSource(article.paragraphs);
  article.paragraphs = paragraphs;
  article.source = source;
  if (source === null)
    warn(
      article.line,
      `article ${article.number} 「${article.title}」 has no source in parentheses at its end; all its text is kept`,
    );
  if (paragraphs.length === 0)
    warn(article.line, `article ${article.number} 「${article.title}」 has no body text`);
}

function numberingProblem(number: number, lastNumber: number): string {
  if (number === lastNumber) return `article number ${number} is used twice`;
  if (number > lastNumber)
    return `article number ${number} follows ${lastNumber}: ${number - lastNumber - 1 === 1 ? 'one number is' : 'numbers are'} skipped`;
  return `article number ${number} follows ${lastNumber}: out of order`;
}
