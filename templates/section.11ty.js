// One page per section (its years): src/site/section-pages.ts.
export const data = {
  pagination: { data: 'model.sections', size: 1, alias: 'section' },
  // Paginated pages stay out of collections: the listing pages are built from the site model.
  eleventyExcludeFromCollections: true,
  // A function: Eleventy would compile a permalink string again for every page. The file is the one an
  // update writes too (pageFile, src/site/pages.ts).
  permalink(data) {
    return `/${this.pageFile(data.section.url)}`;
  },
};

export function render(data) {
  return this.renderPage('sections', data, data.section);
}
