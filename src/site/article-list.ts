// The numbered list of articles a home page section and a section's year show.
import { type Html, html } from './html.ts';
import type { ArticlePage } from './model.ts';

export function articleList(base: string, articles: readonly ArticlePage[]): Html {
  return html`<ol class="article-list">${articles.map(
    (article) =>
      html`\n<li><a href="${base + article.url}">${article.title}</a>${article.source && html`<span class="source">${article.source.title}</span>`}</li>`,
  )}\n</ol>\n`;
}
