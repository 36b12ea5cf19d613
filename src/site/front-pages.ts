// The pages that are not about one issue, section or source: home, archive, search, about, not found.
import { articleList } from './article-list.ts';
import { formatChineseDate } from './dates.ts';
import { html, trustedHtml } from './html.ts';
import { ABOUT, ARCHIVE, SEARCH } from './model.ts';
import { renderFrame } from './page-frame.ts';
import type { PageData } from './pages.ts';
import { renderMarkdown } from './render-text.ts';

/** The newest issue's contents, and the ten issues before it. */
export function renderHomePage(data: PageData): string {
  const { base, model } = data;
  const issue = model.issues[0];
  const newest = issue
    ? html`
<h1>${issue.title}</h1>
<p class="meta"><time datetime="${issue.date}">${formatChineseDate(issue.date)}</time> · ${issue.articleCount} 篇文章 · <a href="${base + issue.url}">阅读全期</a></p>${issue.sections.map(
        (section) => html`\n<section class="toc-section" aria-labelledby="home-${section.anchor}">
<h2 id="home-${section.anchor}"><a href="${base + section.url}">${section.title}</a></h2>
${articleList(base, section.articles)}
</section>`,
      )}`
    : html`
<h1>${data.site.title}</h1>
<p>还没有发布任何一期。</p>`;
  const recent =
    model.issues.length > 1 &&
    html`
<section aria-labelledby="recent-issues">
<h2 id="recent-issues">近期各期</h2>
<ul class="issue-list">${model.issues
      .slice(1, 11)
      .map(
        (other) =>
          html`\n<li><a href="${base + other.url}">${other.title}</a> <time datetime="${other.date}">${formatChineseDate(other.date)}</time></li>`,
      )}
</ul>
<p><a href="${base}archive/">全部往期</a></p>
</section>`;
  return renderFrame(data, { nav: 'home', navPage: true }, html`${newest}${recent}\n`);
}

/** Every issue, newest first, by year. */
export function renderArchivePage(data: PageData): string {
  const { base, model } = data;
  const content = html`<h1>往期</h1>${
    model.archive.length > 1 &&
    html`
<nav class="year-index" aria-label="年份">
<ul>${model.archive.map((year) => html`\n<li><a href="#y${year.year}">${year.year}年</a></li>`)}
</ul>
</nav>`
  }${model.archive.map(
    (year) => html`
<section aria-labelledby="y${year.year}">
<h2 id="y${year.year}">${year.year}年</h2>
<ul class="issue-list">${year.issues.map(
      (issue) =>
        html`\n<li><a href="${base + issue.url}">${issue.title}</a> <time datetime="${issue.date}">${formatChineseDate(issue.date)}</time> <span class="count">${issue.articleCount} 篇</span></li>`,
    )}
</ul>
</section>`,
  )}
`;
  return renderFrame(
    data,
    { title: ARCHIVE.title, nav: 'archive', navPage: true, breadcrumbs: [ARCHIVE] },
    content,
  );
}

/** The search form; the search itself is the inlined script (src/client/). */
export function renderSearchPage(data: PageData): string {
  const { base, model } = data;
  const content = html`<h1>搜索文章</h1>
<form id="search-form" role="search" action="${base}search/" method="get">
<p class="search-field">
<label for="search-input">搜索文章</label>
<input id="search-input" name="q" type="search" autocomplete="off" enterkeyhint="search">
<button type="submit">搜索</button>
</p>
<p class="search-filters">
<label for="search-section">栏目</label>
<select id="search-section" name="section">
<option value="">全部栏目</option>${model.sections.map(
    (section) => html`\n<option value="${section.slug}">${section.title}</option>`,
  )}
</select>
<label for="search-year">年份</label>
<select id="search-year" name="year">
<option value="">全部年份</option>${model.archive.map((year) => html`\n<option value="${year.year}">${year.year}</option>`)}
</select>
</p>
</form>
<p id="search-status" role="status" aria-live="polite"></p>
<div id="search-results" aria-busy="false"></div>
<noscript><p>搜索需要启用 JavaScript。也可以浏览<a href="${base}archive/">往期</a>和<a href="${base}sections/">栏目</a>。</p></noscript>
`;
  return renderFrame(
    data,
    {
      title: SEARCH.title,
      nav: 'search',
      navPage: true,
      search: data.search,
      breadcrumbs: [SEARCH],
    },
    content,
  );
}

/** content/about.md when the content folder has one, else the site's description. */
export function renderAboutPage(data: PageData): string {
  const { site } = data;
  const content = data.about
    ? html`\n${trustedHtml(renderMarkdown(data.about))}\n`
    : html`
<h1>关于${site.title}</h1>
<p>${site.description}</p>
`;
  return renderFrame(data, { title: ABOUT.title, breadcrumbs: [ABOUT] }, content);
}

/** Served by static hosts for any address they do not have, so it names no canonical address. */
export function renderNotFoundPage(data: PageData): string {
  const { base } = data;
  const content = html`<h1>找不到页面</h1>
<p>您要找的页面不存在，可能已经移动或地址有误。</p>
<p>可以回到<a href="${base}">首页</a>，浏览<a href="${base}archive/">往期</a>，或<a href="${base}search/">搜索文章</a>。</p>
`;
  return renderFrame(data, { title: '找不到页面', canonical: false }, content);
}
