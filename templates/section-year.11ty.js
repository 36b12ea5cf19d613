// One page per section and year (its articles by issue): src/site/section-pages.ts.
export const data = {
  pagination: { data: 'model.sectionYears', size: 1, alias: 'sectionYear' },
  // Paginated pages stay out of collections: the listing pages are built from the site model.
  eleventyExcludeFromCollections: true,
  // A function: Eleventy would compile a permalink string again for every page. The file is the one an
  // update writes too (pageFile, src/site/pages.ts).
  permalink(data) {
    return `/${this.pageFile(data.sectionYear.url)}`;
  },
};

export function render(data) {
  return this.renderPage('sectionYears', data, data.sectionYear);
}
