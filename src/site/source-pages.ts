// The outlets the articles name as their source: their list, and each one's articles.
import { formatChineseDate } from './dates.ts';
import { html } from './html.ts';
import { SOURCES, type SourcePage } from './model.ts';
import { renderFrame } from './page-frame.ts';
import type { PageData } from './pages.ts';

export function renderSourcesPage(data: PageData): string {
  const { base } = data;
  const content = html`<h1>信息来源</h1>
<p>各篇文章注明的来源媒体，按拼音排序。</p>
<ul class="source-list">${data.model.sources.map(
    (source) =>
      html`\n<li><a href="${base + source.url}">${source.name}</a> <span class="count">${source.articles.length} 篇</span></li>`,
  )}
</ul>
`;
  return renderFrame(data, { title: SOURCES.title, nav: 'sources', breadcrumbs: [SOURCES] }, content);
}

export function renderSourcePage(data: PageData, source: SourcePage): string {
  const { base } = data;
  const content = html`<h1>来源：${source.name}</h1>
<ol class="article-list">${source.articles.map(
    (article) =>
      html`\n<li><a href="${base + article.url}">${article.title}</a> <span class="source">${article.section.title} · <time datetime="${article.issue.date}">${formatChineseDate(article.issue.date)}</time></span></li>`,
  )}
</ol>
`;
  return renderFrame(
    data,
    { title: source.title, nav: source.nav, breadcrumbs: source.breadcrumbs },
    content,
  );
}
