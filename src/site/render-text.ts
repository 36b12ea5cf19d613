// Text → HTML with unified: bulletin paragraphs as plain text, editors' notes as Markdown.
import type { Root } from 'mdast';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const plainText = unified().use(remarkHtml);
const markdown = unified().use(remarkParse).use(remarkHtml);

/**
 * Bulletin text is never parsed as Markdown: each paragraph becomes an mdast text node, which
 * remark-html escapes, so "<script>", "**粗体**" and "{{ 7 * 7 }}" appear exactly as written.
 */
export function renderParagraphs(paragraphs: readonly string[]): string {
  const tree: Root = {
    type: 'root',
    children: paragraphs.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
  };
  return plainText.stringify(tree);
}

/**
 * Markdown written by editors (the About page, an issue's note). remark-html sanitizes by default
 * (GitHub's schema): raw HTML and javascript: links are dropped, so a note cannot inject script.
 */
export function renderMarkdown(source: string): string {
  return String(markdown.processSync(source));
}

const renderedBodies = new WeakMap<object, string>();

/** An article's body is shown on its page, its issue's page and in feeds: rendered once per build. */
export function bodyHtml(article: { paragraphs: readonly string[] }): string {
  let html = renderedBodies.get(article);
  if (html === undefined) {
    html = renderParagraphs(article.paragraphs);
    renderedBodies.set(article, html);
  }
  return html;
}
