// The sections: their list, each section's page (its years) and each section's year (its articles by issue).
import { articleList } from './article-list.ts';
import { formatChineseDate } from './dates.ts';
import { html, trustedHtml } from './html.ts';
import { SECTIONS, type SectionPage, type SectionYearPage } from './model.ts';
import { renderFrame } from './page-frame.ts';
import { renderPager } from './pager.ts';
import type { PageData } from './pages.ts';

export function renderSectionsPage(data: PageData): string {
  const { base } = data;
  const content = html`<h1>栏目</h1>
<ul class="section-list">${data.model.sections.map(
    (section) =>
      html`\n<li><a href="${base + section.url}">${section.title}</a> <span class="count">${section.articleCount} 篇</span></li>`,
  )}
</ul>
`;
  return renderFrame(data, { title: SECTIONS.title, nav: 'sections', breadcrumbs: [SECTIONS] }, content);
}

export function renderSectionPage(data: PageData, section: SectionPage): string {
  const { base } = data;
  const content = html`<h1>${section.title}</h1>
<p class="meta">共 ${section.articleCount} 篇文章 · <a href="${base + section.feedUrl}">订阅本栏目（Atom）</a></p>
<h2>按年份浏览</h2>
<ul class="year-list">${section.years.map(
    (year) =>
      html`\n<li><a href="${base + year.url}">${year.year}年</a> <span class="count">${year.count} 篇</span></li>`,
  )}
</ul>
`;
  return renderFrame(
    data,
    { title: section.title, nav: section.nav, navPage: true, breadcrumbs: section.breadcrumbs },
    content,
  );
}

const YEAR_PAGER_LABELS = { nav: '其他年份', previous: '较早', next: '较新' };

export function renderSectionYearPage(data: PageData, sectionYear: SectionYearPage): string {
  const { base } = data;
  const yearLink = (year: { year: string; url: string } | null) =>
    year && { url: year.url, title: `${year.year}年` };
  const content = html`<h1>${sectionYear.section.title} · ${sectionYear.year}年</h1>${sectionYear.issues.map(
    ({ issue, articles }) => html`\n<section aria-labelledby="i${issue.date}">
<h2 id="i${issue.date}"><a href="${base + issue.url}">${issue.title}</a> <time datetime="${issue.date}">${formatChineseDate(issue.date)}</time></h2>
${articleList(base, articles)}
</section>`,
  )}
${trustedHtml(renderPager(base, YEAR_PAGER_LABELS, yearLink(sectionYear.older), yearLink(sectionYear.newer)))}
`;
  return renderFrame(
    data,
    { title: sectionYear.title, nav: sectionYear.nav, breadcrumbs: sectionYear.breadcrumbs },
    content,
  );
}
