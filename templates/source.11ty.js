// One page per source outlet (its articles): src/site/source-pages.ts.
export const data = {
  pagination: { data: 'model.sources', size: 1, alias: 'source' },
  // Paginated pages stay out of collections: the listing pages are built from the site model.
  eleventyExcludeFromCollections: true,
  // A function: Eleventy would compile a permalink string again for every page. The file is the one an
  // update writes too (pageFile, src/site/pages.ts).
  permalink(data) {
    return `/${this.pageFile(data.source.url)}`;
  },
};

export function render(data) {
  return this.renderPage('sources', data, data.source);
}
