// One page per article: src/site/article-page.ts.
export const data = {
  pagination: { data: 'model.articles', size: 1, alias: 'article' },
  // Paginated pages stay out of collections: the listing pages are built from the site model.
  eleventyExcludeFromCollections: true,
  // A function: Eleventy would compile a permalink string again for every page. The file is the one an
  // update writes too (pageFile, src/site/pages.ts).
  permalink(data) {
    return `/${this.pageFile(data.article.url)}`;
  },
};

export function render(data) {
  return this.renderPage('articles', data, data.article);
}
