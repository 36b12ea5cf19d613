// Every page of the site: Eleventy paginates over the list of src/site/pages.ts (pageEntries), and each
// page's TypeScript function writes it, to the file an update would write it to (pageFile).
export const data = {
  pagination: { data: 'sitePages', size: 1, alias: 'entry' },
  // The pages are built from the site model, not from Eleventy's collections.
  eleventyExcludeFromCollections: true,
  // A function: Eleventy would compile a permalink string again for every page.
  permalink(data) {
    return `/${this.pageFile(data.entry.url)}`;
  },
};

export function render(data) {
  return this.renderEntry(data.entry, data);
}
