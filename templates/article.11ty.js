// One page per article. The page's markup is src/site/article-page.ts (typed, and fast enough for
// 22,000 pages); this template gives Eleventy what it paginates over and where each page goes.
export const data = {
  pagination: { data: 'render.articles', size: 1, alias: 'article' },
  // Paginated pages stay out of collections: the listing pages are built from the site model.
  eleventyExcludeFromCollections: true,
  // A function: Eleventy would compile a permalink string again for every page.
  permalink: (data) => `/${data.article.url}index.html`,
};

export function render(data) {
  return this.articlePage(data);
}
