// One page per section and year (its articles by issue): src/site/section-pages.ts.
export const data = {
  pagination: { data: 'model.sectionYears', size: 1, alias: 'sectionYear' },
  // Paginated pages stay out of collections: the listing pages are built from the site model.
  eleventyExcludeFromCollections: true,
  // A function: Eleventy would compile a permalink string again for every page.
  permalink: (data) => `/${data.sectionYear.url}index.html`,
};

export function render(data) {
  return this.renderPage('sectionYears', data, data.sectionYear);
}
