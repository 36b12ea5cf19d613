// One Atom feed per section: src/site/feeds.ts.
export const data = {
  pagination: { data: 'model.sectionFeeds', size: 1, alias: 'feed' },
  // Paginated pages stay out of collections: the listing pages are built from the site model.
  eleventyExcludeFromCollections: true,
  // A function: Eleventy would compile a permalink string again for every page. The file is the one an
  // update writes too (pageFile, src/site/pages.ts).
  permalink(data) {
    return `/${this.pageFile(data.feed.url)}`;
  },
};

export function render(data) {
  return this.renderPage('sectionFeeds', data, data.feed);
}
