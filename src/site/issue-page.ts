// An issue's page: its table of contents, then every article in full, as the bulletin printed them.
import { formatChineseDate } from './dates.ts';
import { html, trustedHtml } from './html.ts';
import type { IssuePage } from './model.ts';
import { renderFrame } from './page-frame.ts';
import { renderPager } from './pager.ts';
import type { PageData } from './pages.ts';
import { bodyHtml, renderMarkdown } from './render-text.ts';

const PAGER_LABELS = { nav: '上一期和下一期', previous: '上一期', next: '下一期' };

export function renderIssuePage(data: PageData, issue: IssuePage): string {
  const { base } = data;
  const prefaces = (paragraphs: readonly string[]) =>
    paragraphs.map((paragraph) => html`\n<p class="preface">${paragraph}</p>`);
  const content = html`<article class="issue">
<h1>${issue.title}</h1>
<p class="meta"><time datetime="${issue.date}">${formatChineseDate(issue.date)}</time> · ${issue.articleCount} 篇文章</p>${
    issue.note &&
    html`\n<aside class="editor-note" aria-label="编者按">${trustedHtml(renderMarkdown(issue.note))}</aside>`
  }${prefaces(issue.preface)}
<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title">本期目录</h2>
<ol>${issue.sections.map(
    (section) => html`\n<li><a href="#${section.anchor}">${section.title}</a>
<ol>${section.articles.map(
      (article) => html`\n<li><a href="#a${article.ordinal}">${article.number}. ${article.title}</a></li>`,
    )}
</ol>
</li>`,
  )}
</ol>
</nav>${issue.sections.map(
    (
      section,
    ) => html`\n<section class="issue-section" id="${section.anchor}" aria-labelledby="${section.anchor}-title">
<h2 id="${section.anchor}-title">【${section.title}】</h2>${prefaces(section.preface)}${section.articles.map(
      (
        article,
      ) => html`\n<article class="issue-article" id="a${article.ordinal}" aria-labelledby="a${article.ordinal}-title">
<h3 id="a${article.ordinal}-title"><a href="${base + article.url}">${article.number}. ${article.title}</a></h3>
${trustedHtml(bodyHtml(article))}${
  article.source &&
  html`\n<p class="source">（来源：<a href="${base + article.source.url}">${article.source.title}</a>）</p>`
}
</article>`,
    )}
</section>`,
  )}
</article>
${trustedHtml(renderPager(base, PAGER_LABELS, issue.previous, issue.next))}
`;
  return renderFrame(data, { title: issue.title, nav: issue.nav, breadcrumbs: issue.breadcrumbs }, content);
}
