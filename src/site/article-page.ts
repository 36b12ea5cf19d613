// An article's page, the site's most numerous (22,000 at 1,000 issues). As a Nunjucks template in two
// layouts the site's pages rendered in 14.5–17.4 s at 1,000 issues, with this and the TypeScript frame in
// 9.8–11.4 s (output on tmpfs; README, "Pages written in TypeScript").

import { formatChineseDate } from './dates.ts';
import { html, trustedHtml } from './html.ts';
import type { ArticlePage } from './model.ts';
import { renderFrame } from './page-frame.ts';
import { renderPager } from './pager.ts';
import type { PageData } from './pages.ts';
import { bodyHtml } from './render-text.ts';

const PAGER_LABELS = { nav: '上一篇和下一篇', previous: '上一篇', next: '下一篇' };

export function renderArticlePage(data: PageData, article: ArticlePage): string {
  const { base } = data;
  const link = (target: { url: string; title: string }) =>
    html`<a href="${base + target.url}">${target.title}</a>`;
  const content = html`<article class="article">
<header>
<p class="kicker">${link(article.section)}</p>
<h1>${article.title}</h1>
<p class="meta">${link(article.issue)} · <time datetime="${article.issue.date}">${formatChineseDate(article.issue.date)}</time>${article.source && html` · 来源：${link(article.source)}`}</p>
</header>
<div class="body">
${trustedHtml(bodyHtml(article))}
</div>
</article>
${trustedHtml(renderPager(base, PAGER_LABELS, article.previous, article.next))}`;
  return renderFrame(
    data,
    { title: article.title, nav: article.nav, breadcrumbs: article.breadcrumbs },
    content,
  );
}
