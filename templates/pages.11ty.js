// The pages that are one of a kind (home, archive, feeds, sitemap, …): listed in src/site/pages.ts.
export const data = {
  pagination: { data: 'singlePages', size: 1, alias: 'single' },
  eleventyExcludeFromCollections: true,
  permalink(data) {
    return `/${this.pageFile(data.single.url)}`;
  },
};

export function render(data) {
  return this.renderSinglePage(data.single.url, data);
}
