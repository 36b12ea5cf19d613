// One page per issue: src/site/issue-page.ts.
export const data = {
  pagination: { data: 'model.issues', size: 1, alias: 'issue' },
  // Paginated pages stay out of collections: the listing pages are built from the site model.
  eleventyExcludeFromCollections: true,
  // A function: Eleventy would compile a permalink string again for every page. The file is the one an
  // update writes too (pageFile, src/site/pages.ts).
  permalink(data) {
    return `/${this.pageFile(data.issue.url)}`;
  },
};

export function render(data) {
  return this.renderPage('issues', data, data.issue);
}
