// One page per article: src/site/article-page.ts.
export const data = {
  pagination: { data: 'model.articles', size: 1, alias: 'article' },
  // Paginated pages stay out of collections: the listing pages are built from the site model.
  eleventyExcludeFromCollections: true,
  // A function: Eleventy would compile a permalink string again for every page.
  permalink: (data) => `/${data.article.url}index.html`,
};

export function render(data) {
  return this.renderPage('articles', data, data.article);
}
