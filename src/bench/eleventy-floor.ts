// Measures the bare-Eleventy floor: one minimal page per article from one global JSON data file, nothing else.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { Paragraph, Root } from 'mdast';
import remarkHtml from 'remark-html';
import { unified } from 'unified';

export interface FloorArticle {
  id: string;
  title: string;
  paragraphs: string[];
}

// Nunjucks autoescapes `article.title`; the body is already HTML, escaped by remark-html.
const articleTemplate = `---
pagination:
  data: articles
  size: 1
  alias: article
permalink: "{{ article.id }}/index.html"
eleventyExcludeFromCollections: true
---
<!doctype html>
<html lang="zh-CN">
<meta charset="utf-8">
<title>{{ article.title }}</title>
<h1>{{ article.title }}</h1>
{{ article.html | safe }}
`;

const toHtml = unified().use(remarkHtml);

/** Paragraphs become text nodes, never Markdown: the bulletin text is not parsed, only escaped. */
function renderParagraphs(paragraphs: string[]): string {
  const children = paragraphs.map(
    (value): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] }),
  );
  const tree: Root = { type: 'root', children };
  return toHtml.stringify(tree);
}

/** Renders one page per article into outDir with Eleventy and a throwaway input folder; times all of it. */
export async function buildFloor(
  articles: FloorArticle[],
  outDir: string,
): Promise<{ seconds: number; pages: number }> {
  const started = performance.now();
  const inputDir = await mkdtemp(join(tmpdir(), 'jianbao-floor-'));
  try {
    const pagesData = articles.map(({ id, title, paragraphs }) => ({
      id,
      title,
      html: renderParagraphs(paragraphs),
    }));
    await mkdir(join(inputDir, '_data'));
    await writeFile(join(inputDir, '_data', 'articles.json'), JSON.stringify(pagesData));
    await writeFile(join(inputDir, 'article.njk'), articleTemplate);

    // configPath false: no eleventy.config.js from the working directory may change the floor.
    const eleventy = new Eleventy(inputDir, outDir, { quietMode: true, configPath: false });
    eleventy.disableLogger();
    // Eleventy's write() resolves to [passthrough copies, written pages].
    const [, pages] = (await eleventy.write()) as [unknown[], unknown[]];
    return { seconds: (performance.now() - started) / 1000, pages: pages.length };
  } finally {
    await rm(inputDir, { recursive: true, force: true });
  }
}
