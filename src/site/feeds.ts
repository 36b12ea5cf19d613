// Atom feeds: the site's newest articles, and each section's.
import { atomDate } from './dates.ts';
import { html } from './html.ts';
import type { ArticlePage } from './model.ts';
import type { PageData } from './pages.ts';
import { bodyHtml } from './render-text.ts';
import type { SectionFeed } from './selection.ts';

export function renderSiteFeed(data: PageData): string {
  return atomFeed(data, {
    title: data.site.title,
    url: 'feed.xml',
    homeUrl: '',
    entries: data.model.recentArticles,
  });
}

export function renderSectionFeed(data: PageData, feed: SectionFeed): string {
  return atomFeed(data, { ...feed, title: `${data.site.title} · ${feed.title}` });
}

/** Addresses are absolute (site.url): feed readers resolve nothing against the page they came from. */
function atomFeed(data: PageData, feed: SectionFeed): string {
  const { site } = data;
  const updated = feed.entries[0]?.issue.date ?? '1970-01-01';
  return html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title>${feed.title}</title>
<subtitle>${site.description}</subtitle>
<link href="${site.url + feed.url}" rel="self" type="application/atom+xml"/>
<link href="${site.url + feed.homeUrl}" rel="alternate" type="text/html"/>
<id>${site.url + feed.url}</id>
<updated>${atomDate(updated)}</updated>
<author><name>${site.author}</name></author>${feed.entries.map((entry) => atomEntry(site.url, entry))}
</feed>
`.value;
}

function atomEntry(siteUrl: string, entry: ArticlePage) {
  return html`
<entry>
<title>${entry.title}</title>
<link href="${siteUrl + entry.url}" rel="alternate" type="text/html"/>
<id>${siteUrl + entry.url}</id>
<published>${atomDate(entry.issue.date)}</published>
<updated>${atomDate(entry.issue.date)}</updated>
<category term="${entry.section.slug}" label="${entry.section.title}"/>${entry.source && html`\n<source><title>${entry.source.title}</title></source>`}
<content type="html">${bodyHtml(entry)}</content>
</entry>`;
}
