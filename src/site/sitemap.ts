// sitemap.xml: every page of the site under its published address, issues and articles with their date;
// robots.txt, which names it.

import { html } from './html.ts';
import type { SiteModel } from './model.ts';

export function renderSitemap(model: SiteModel): string {
  const site = model.settings.url;
  const page = (url: string, lastmod?: string) =>
    html`\n<url><loc>${site}${url}</loc>${lastmod && html`<lastmod>${lastmod}</lastmod>`}</url>`.value;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    page('', model.issues[0]?.date),
    ...['archive/', 'sections/', 'sources/', 'search/', 'about/'].map((url) => page(url)),
    ...model.sections.map((section) => page(section.url)),
    ...model.sectionYears.map((sectionYear) => page(sectionYear.url)),
    ...model.sources.map((source) => page(source.url)),
    ...model.issues.map((issue) => page(issue.url, issue.date)),
    ...model.articles.map((article) => page(article.url, article.issue.date)),
    '\n</urlset>\n',
  ];
  return lines.join('');
}

export function renderRobots(model: SiteModel): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${model.settings.url}sitemap.xml\n`;
}
